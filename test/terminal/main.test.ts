/**
 * `npm start` as a real process (node dist/src/main.js) with a clean environment:
 * console mode end to end, Socket Mode against the stand-in, and every fail-fast startup error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { SlackStandIn, slashCommand } from '../support/slack-stand-in/index.js';
import { collect, runMain, startMain } from './main-process.js';

let archive: FixtureArchive;

beforeAll(async () => {
  archive = await buildFixtureArchive();
});

afterAll(() => archive?.remove());

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
