/**
 * `npm start` as a real process (node dist/src/main.js) with a clean environment:
 * console mode end to end, Socket Mode against the stand-in, and every fail-fast startup error.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { nodeCommand } from '../support/run-script.js';
import { SlackStandIn, slashCommand } from '../support/slack-stand-in/index.js';

let archive: FixtureArchive;

beforeAll(async () => {
  archive = await buildFixtureArchive();
});

afterAll(() => archive?.remove());

// Every variable Readout reads, set empty so neither the caller's environment nor a developer's
// .env (dotenv never overrides a variable that is set) can change the mode under test.
const readoutVariables = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_API_URL',
  'PORT',
  'READOUT_DB',
  'READOUT_ARTICLES',
  'READOUT_ALIASES',
  'READOUT_RATE_LIMIT',
  'READOUT_CHANNELS',
  'LOG_LEVEL',
];

function startMain(env: Record<string, string>): ChildProcess {
  const clean: Record<string, string> = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };
  for (const name of readoutVariables) clean[name] = '';
  const [command, args] = nodeCommand('src/main.ts');
  return spawn(command, args, {
    cwd: projectRoot,
    env: { ...clean, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): { output: () => Finished; exited: Promise<Finished> } {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<Finished>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { output: () => ({ code: null, stdout, stderr }), exited };
}

async function runMain(env: Record<string, string>, stdin = ''): Promise<Finished> {
  const child = startMain(env);
  const { exited } = collect(child);
  child.stdin?.end(stdin);
  return exited;
}

describe('npm start', () => {
  it('runs the console when no Slack credentials are set, answering typed lines', async () => {
    const db = path.join(archive.dir, 'main-console.sqlite');
    const result = await runMain(
      { READOUT_DB: db, READOUT_ARTICLES: archive.articlesDir },
      '/readout lighthouse keeper\n@readout tide tables\n',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No Slack credentials are set');
    expect(result.stdout).toContain(`Indexed ${archive.articles} articles`);
    expect(result.stdout).toContain('*Readout* · passages 1–5 for “lighthouse keeper”');
    expect(result.stdout).toContain('── Readout, replying in the thread ──');
    expect(result.stdout).toMatch(/also in: (Estuary Wire|Coastal Gazette) \(test\)/);
  });

  it.each<{ name: string; env: Record<string, string>; message: string }>([
    {
      name: 'a bot token alone',
      env: { SLACK_BOT_TOKEN: 'xoxb-1-abc' },
      message:
        'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP) is',
    },
    {
      name: 'an app token without a bot token',
      env: { SLACK_APP_TOKEN: 'xapp-1-abc' },
      message: 'SLACK_BOT_TOKEN is missing: SLACK_APP_TOKEN is set',
    },
    {
      name: 'a signing secret without a bot token',
      env: { SLACK_SIGNING_SECRET: 'abcdef123456' },
      message: 'SLACK_BOT_TOKEN is missing: SLACK_SIGNING_SECRET is set',
    },
  ])('fails fast with a clear message for $name', async ({ env, message }) => {
    const result = await runMain(env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain('xoxb-1-abc');
  });

  it('fails fast naming the fix when the database is missing', async () => {
    const missing = path.join(archive.dir, 'nowhere', 'readout.sqlite');
    const result = await runMain({
      SLACK_BOT_TOKEN: 'xoxb-1-abc',
      SLACK_SIGNING_SECRET: 'abcdef123456',
      READOUT_DB: missing,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`readout: database ${missing} does not exist; run \`npm run reindex\``);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('fails fast naming the fix when the database is damaged', async () => {
    const damaged = path.join(archive.dir, 'damaged.sqlite');
    fs.writeFileSync(
      damaged,
      'this is not a database, just some text long enough to have a header'.repeat(20),
    );
    const result = await runMain({
      SLACK_BOT_TOKEN: 'xoxb-1-abc',
      SLACK_APP_TOKEN: 'xapp-1-abc',
      READOUT_DB: damaged,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a Readout database or is damaged');
    expect(result.stderr).toContain('npm run reindex -- --full');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  describe('with the Slack stand-in', () => {
    let standIn: SlackStandIn;

    beforeAll(async () => {
      standIn = await SlackStandIn.start();
    });

    afterAll(async () => {
      await standIn?.stop();
    });

    it('fails fast when Slack rejects the bot token', async () => {
      standIn.failNext('auth.test', 'invalid_auth');
      const result = await runMain({
        SLACK_BOT_TOKEN: 'xoxb-1-revoked',
        SLACK_SIGNING_SECRET: 'abcdef123456',
        SLACK_API_URL: standIn.apiUrl,
        READOUT_DB: archive.databaseFile,
        PORT: '0',
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('readout: Slack rejected the token (invalid_auth)');
      expect(result.stderr).not.toContain('xoxb-1-revoked');
    });

    it('connects over Socket Mode and answers a command', async () => {
      const child = startMain({
        SLACK_BOT_TOKEN: 'xoxb-1-main-test',
        SLACK_APP_TOKEN: 'xapp-1-main-test',
        SLACK_API_URL: standIn.apiUrl,
        READOUT_DB: archive.databaseFile,
      });
      const { exited, output } = collect(child);
      try {
        await Promise.race([
          standIn.socketConnected(),
          exited.then((result) => {
            throw new Error(`readout exited early: ${result.stderr}`);
          }),
        ]);
        const responseUrl = standIn.responseUrl();
        await standIn.sendEnvelope(
          'slash_commands',
          slashCommand({ text: 'cormorant survey', responseUrl }).body,
        );
        const response = await standIn.waitForResponse(responseUrl);
        expect(response.body.text).toContain('passage 1 for “cormorant survey”');
        expect(output().stderr).toContain('connected to Slack over Socket Mode');
      } finally {
        child.kill('SIGTERM');
      }
      const result = await exited;
      expect(result.code).toBe(0);
      expect(result.stderr).not.toContain('xapp-1-main-test');
    });
  });
});
