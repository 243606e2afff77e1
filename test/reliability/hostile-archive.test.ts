/**
 * An archive folder as an attacker (or an accident) leaves it: a FIFO, links in cycles, a link
 * to `.`, a link to `/dev/zero`, a link to the bot's `.env`, HTML nested so deep that reading it
 * takes hours, a file over the size limit, a file name carrying a newline and terminal escapes,
 * and a Latin-1 file name. The real re-index (a process, as cron runs it) indexes what is an
 * article once each, names everything else with its reason, and exits; a second run finds the
 * lock free. The bot then answers from that index without ever quoting its own secrets — not
 * even from a hard link to its `.env` that got into the archive.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, botSecrets, startBot } from '../support/bot-process.js';
import { markdownArticle, tempDir, writeFiles } from '../support/fixtures.js';
import { cleanEnv, runScript, type ScriptResult } from '../support/run-script.js';
import { SlackStandIn } from '../support/slack-stand-in/index.js';
import { allText, ask, expectNoSecrets, sentToSlack } from './support.js';

let dir: string;
let articles: string;
let databaseFile: string;
let first: ScriptResult;
let second: ScriptResult;
let standIn: SlackStandIn;
let bot: BotProcess | undefined;

/** The bot's .env, outside the archive. */
const dotenv = `SLACK_BOT_TOKEN=${botSecrets.botToken}\nSLACK_SIGNING_SECRET=${botSecrets.signingSecret}\n`;
const forgedName = 'evil\n    forged.md: \u001b[31mthis line was written by a file name\u001b[0m.md';
const latin1Name = Buffer.from('caf\xe9-terrasse.txt', 'latin1');

const limits = {
  READOUT_MAX_FILE_MB: '1',
  // A file that takes hours cannot finish in this, whatever the machine; the others take milliseconds.
  READOUT_PARSE_SECONDS: '5',
};

beforeAll(async () => {
  dir = tempDir('readout-hostile-archive-');
  articles = path.join(dir, 'articles');
  fs.mkdirSync(path.join(dir, 'bot'));
  fs.writeFileSync(path.join(dir, 'bot', '.env'), dotenv);
  fs.writeFileSync(
    path.join(dir, 'bot', 'deploy-notes.md'),
    markdownArticle(
      { title: 'Deploy notes' },
      `The bot was started with SLACK_BOT_TOKEN set to ${botSecrets.botToken} and SLACK_SIGNING_SECRET set to ${botSecrets.signingSecret}, as the deploy notes record.`,
    ),
  );
  writeFiles(articles, {
    'desk/lighthouse.md': markdownArticle(
      { title: 'Lighthouse keeper retires', source: 'Coastal Gazette' },
      'The lighthouse keeper climbed the tower for the last time on Sunday.',
    ),
    'desk/ferry.txt': 'Ferry timetable changes\n\nThe ferry leaves earlier from May.\n',
    // Nesting that costs Readability about n^2.5: thousands of levels take hours.
    'desk/nested.html': `<html><body><article><h1>Nested</h1>${'<div>'.repeat(6000)}<p>The nested harbour story.</p>${'</div>'.repeat(6000)}</article></body></html>`,
    'desk/too-big.txt': `Too big\n\n${'The harbour report goes on. '.repeat(80_000)}\n`,
    [forgedName]: markdownArticle({ title: 'Quayside notice' }, 'The quayside board was repainted.'),
  });
  fs.writeFileSync(
    Buffer.concat([Buffer.from(`${articles}/desk/`), latin1Name]),
    'Terrasse\n\nThe café terrasse reopened in spring.\n',
  );
  execFileSync('mkfifo', [path.join(articles, 'desk', 'pipe.txt')]);
  fs.symlinkSync('/dev/zero', path.join(articles, 'desk', 'zero.txt'));
  fs.symlinkSync(path.join(dir, 'bot', '.env'), path.join(articles, 'desk', 'settings.txt'));
  fs.symlinkSync('.', path.join(articles, 'desk', 'self'));
  fs.mkdirSync(path.join(articles, 'a'));
  fs.mkdirSync(path.join(articles, 'b'));
  fs.symlinkSync('../b', path.join(articles, 'a', 'to-b'));
  fs.symlinkSync('../a', path.join(articles, 'b', 'to-a'));
  fs.symlinkSync('..', path.join(articles, 'a', 'up'));
  // A hard link is a regular file: nothing tells it from an article, so the second line of
  // defence (no secret in anything sent to Slack) must hold.
  fs.linkSync(path.join(dir, 'bot', 'deploy-notes.md'), path.join(articles, 'desk', 'config-notes.md'));

  databaseFile = path.join(dir, 'readout.sqlite');
  const env = cleanEnv({ READOUT_DB: databaseFile, ...limits });
  first = await runScript('scripts/reindex.ts', [articles], env);
  second = await runScript('scripts/reindex.ts', [articles], env);
  standIn = await SlackStandIn.start();
}, 300_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

/** The summary's "skipped" lines, by file name (relative to the archive). */
function skippedReasons(result: ScriptResult): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const match = /^ {4}(.*?): (.*)$/.exec(line);
    if (match) reasons.set(path.basename(match[1]!), match[2]!);
  }
  return reasons;
}

describe('a re-index of a hostile archive', () => {
  it('finishes, listing what it skipped (status 1), and a second run is not locked out', () => {
    expect(first.status, first.stderr).toBe(1);
    expect(second.status, second.stderr).toBe(1);
    expect(second.stdout).not.toMatch(/another re-index/);
  });

  it('indexes each real article once: links to . and cycles repeat nothing', () => {
    // lighthouse, ferry, the forged name, the Latin-1 name, and the hard link (a regular file).
    expect(first.stdout).toMatch(/files: 5 added, 0 updated/);
    expect(first.stdout).toMatch(/the index holds 5 articles/);
  });

  it.each([
    ['pipe.txt', /not a regular file \(a FIFO\)/],
    ['zero.txt', /a link to outside the archive folders; not followed/],
    ['settings.txt', /a link to outside the archive folders; not followed/],
    ['nested.html', /took longer than 5 s to read \(limit: READOUT_PARSE_SECONDS\); skipped/],
    ['too-big.txt', /larger than the 1 MB limit \(READOUT_MAX_FILE_MB\)/],
  ])('skips %s with its reason', (name, reason) => {
    expect(skippedReasons(first).get(name), first.stdout).toMatch(reason);
  });

  it('indexes a Latin-1 file name, shown as Latin-1', () => {
    expect(first.stdout).not.toMatch(/ENOENT/);
    expect(first.stdout).not.toContain('terrasse.txt:');
  });

  it('prints a file name with a newline and terminal escapes on one line, escaped', () => {
    expect(first.stdout).not.toContain('\u001b');
    expect(first.stdout.split('\n').filter((line) => line.startsWith('    forged.md'))).toEqual([]);
  });
});

describe('a file that needs more memory than the limit', () => {
  it('is skipped with its reason, and the files after it are indexed by a fresh helper', async () => {
    const folder = path.join(dir, 'memory');
    writeFiles(folder, {
      // 120,000 paragraphs in under a megabyte: the DOM of it needs far more than 64 MB.
      'a-many-paragraphs.html': `<html><body><article>${'<p>a</p>'.repeat(120_000)}</article></body></html>`,
      'b-after.md': markdownArticle({ title: 'Harbour dues' }, 'The harbour dues rise in April.'),
    });
    const result = await runScript(
      'scripts/reindex.ts',
      [folder],
      cleanEnv({
        READOUT_DB: path.join(dir, 'memory.sqlite'),
        READOUT_MAX_FILE_MB: '1',
        READOUT_PARSE_MEMORY_MB: '64',
        // Out of memory, not out of time, is what stops it here.
        READOUT_PARSE_SECONDS: '3600',
      }),
    );
    expect(result.status, result.stderr).toBe(1);
    expect(skippedReasons(result).get('a-many-paragraphs.html')).toMatch(
      /needed more than 64 MB of memory to read \(limit: READOUT_PARSE_MEMORY_MB\); skipped/,
    );
    expect(result.stdout).toMatch(/files: 1 added/);
    // V8's dump of the helper's last moments stays out of the admin's terminal.
    expect(result.stderr).not.toMatch(/JS stacktrace|heap out of memory|0x[0-9a-f]{6,}/);
  });
});

describe('the bot answering from that index', () => {
  it('finds the articles, the Latin-1 one included', async () => {
    bot = await startBot(standIn, { databaseFile });
    const answer = await ask(standIn, bot.delivery!, 'terrasse');
    expect(allText(answer).join('\n')).toContain('café terrasse');
  });

  it('never sends its own token or signing secret, even when the archive holds them', async () => {
    for (const query of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'reliability bot token']) {
      const answer = await ask(standIn, bot!.delivery!, query);
      const text = allText(answer).join('\n');
      // The hard-linked copy is found and quoted, with the secrets taken out.
      expect(text).toContain('SLACK_BOT_TOKEN');
      expect(text).toContain('[redacted]');
    }
    expectNoSecrets([...sentToSlack(standIn), first.stdout, first.stderr], 'the bot and the re-index');
  });
});
