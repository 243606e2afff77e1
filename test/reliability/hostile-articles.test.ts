/**
 * Articles written to abuse Readout: Slack control sequences in text, headline, outlet and
 * author (`<!channel>`, `<!here>`, `<@U…>`, `<https://x|y>`), HTML with script and javascript:
 * links, one enormous paragraph, millions of repeated characters. The real re-index takes them
 * all; the answers quote them escaped, within Block Kit's limits — in private and when shared
 * in a channel — so none of them can ping anyone or forge a link.
 */
import path from 'node:path';
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitViolations } from '../../src/slack/ui/limits.js';
import { actionIds } from '../../src/slack/ui/render-answer.js';
import { type RunningReadout, startReadout } from '../slack/harness.js';
import { markdownArticle, tempDir, writeFiles } from '../support/fixtures.js';
import { cleanEnv, runScript } from '../support/run-script.js';
import { buttonPress, nextTs, SlackStandIn } from '../support/slack-stand-in/index.js';
import {
  allText,
  ask,
  expectNoSecrets,
  integrityCheck,
  quotes,
  type SentMessage,
  sentToSlack,
} from './support.js';

const controls =
  '<!channel> <!here> <!everyone> <@U0BOSS> <#C0GENERAL|general> <!subteam^S0EDITORS|@editors> <https://evil.example|click here> <mailto:x@evil.example|mail>';

/** Each article and the word that finds it. */
const articles: Record<string, { word: string; content: string }> = {
  'controls.txt': {
    word: 'quayside',
    content: `Quayside notice\n\nThe quayside board read ${controls} and &lt;!channel&gt; in chalk.\n`,
  },
  'metadata.md': {
    word: 'xylophone',
    content: markdownArticle(
      {
        title: `<!here> Xylophone recital ${controls}`,
        source: '<https://evil.example|The Gazette>',
        author: '<!channel> <@U0BOSS>',
        published: '2020-01-02',
        url: 'javascript:alert(1)',
      },
      'The xylophone recital drew a crowd to the town hall.',
    ),
  },
  'tricky-url.md': {
    word: 'ptarmigan',
    content: markdownArticle(
      {
        title: 'Ptarmigan <b>count</b>',
        source: 'Hill & <Dale> News',
        url: 'https://example.org/birds?a=<b>&c=|<!channel>',
      },
      'The ptarmigan count on the hill rose this year.',
    ),
  },
  'page.html': {
    word: 'quokka',
    content:
      '<html><head><title>Quokka visit</title><script>document.write("<!channel>")</script></head><body><article>' +
      '<h1>Quokka visit</h1><p>The quokka said &lt;!here&gt; and &lt;@U0BOSS&gt; <script>alert("<!everyone>")</script>' +
      '<a href="javascript:alert(1)">a link</a> &lt;https://evil.example|click&gt; to the keepers.</p>' +
      '<p>The quokka then <img src=x onerror=alert(1)> went home.</p></article></body></html>',
  },
  'enormous-paragraph.txt': {
    word: 'walrus',
    content: `Enormous paragraph\n\n${Array.from({ length: 300_000 }, (_, i) => (i % 5000 === 0 ? 'walrus' : `word${i % 97}`)).join(' ')}\n`,
  },
  'repeated-letter.txt': {
    word: 'zebrafish',
    content: `Repeated letter\n\nThe zebrafish ${'a'.repeat(3_000_000)} zebrafish swam on.\n`,
  },
  'repeated-angles.txt': {
    word: 'kingfisher',
    content: `Angles\n\nThe kingfisher ${'<'.repeat(1_000_000)}!channel${'>'.repeat(1_000_000)} kingfisher flew.\n`,
  },
  'repeated-words.txt': {
    word: 'narwhal',
    content: `Laughter\n\n${'ha '.repeat(1_000_000)}said the narwhal.\n`,
  },
};

let standIn: SlackStandIn;
let readout: RunningReadout;
let databaseFile: string;
let indexed: { status: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  const dir = tempDir('readout-hostile-');
  const articlesDir = path.join(dir, 'articles');
  writeFiles(
    articlesDir,
    Object.fromEntries(Object.entries(articles).map(([file, { content }]) => [file, content])),
  );
  databaseFile = path.join(dir, 'readout.sqlite');
  // Megabytes of one paragraph are slow to clean on a busy machine: this test is about escaping,
  // not the per-file time limit (hostile-archive.test.ts), so the limit is out of its way.
  indexed = await runScript(
    'scripts/reindex.ts',
    [articlesDir],
    cleanEnv({ READOUT_DB: databaseFile, READOUT_PARSE_SECONDS: '3600' }),
  );
  standIn = await SlackStandIn.start();
  readout = await startReadout('http', standIn, { databaseFile });
}, 120_000);

afterAll(async () => {
  await readout?.stop();
  await standIn?.stop();
});

/**
 * What is left of `<` and `>` in the message once the markup Readout builds itself is taken
 * out: links to a safe URL of the archive, quote marks, and `allowed` (a user it credits). Escaped article
 * text has none, so anything left is markup an article forged.
 */
function forgedMarkup(message: SentMessage, allowed: RegExp[] = []): string[] {
  const forged: string[] = [];
  for (const text of allText(message)) {
    let rest = text.replace(/<https:\/\/example\.org\/[^\s|<>]*\|[^<>|]*>/g, '');
    for (const pattern of allowed) rest = rest.replace(pattern, '');
    // A quote's lines start with Readout's own `>`.
    rest = rest.replace(/^>/gm, '');
    if (/[<>]/.test(rest))
      forged.push(rest.slice(Math.max(0, rest.search(/[<>]/) - 40), rest.search(/[<>]/) + 80));
  }
  return forged;
}

describe('the re-index of hostile articles', () => {
  it('indexes every one of them', () => {
    expect(indexed.status, indexed.stderr).toBe(0);
    expect(indexed.stdout).toContain(`${Object.keys(articles).length} added`);
    expect(integrityCheck(databaseFile)).toBe('ok');
  });
});

describe('answers quoting them', () => {
  it.each(Object.entries(articles).map(([file, { word }]) => ({ file, word })))(
    '$file: found by “$word”, escaped, within Block Kit limits',
    async ({ word }) => {
      const message = await ask(standIn, readout.delivery, word);
      expect(quotes(message).length, message.text).toBeGreaterThan(0);
      expect(blockKitViolations(message)).toEqual([]);
      expect(forgedMarkup(message)).toEqual([]);
    },
  );

  it('shows the control sequences as text, escaped', async () => {
    const message = await ask(standIn, readout.delivery, 'quayside');
    const quoted = quotes(message).join('\n');
    expect(quoted).toContain('&lt;!channel&gt;');
    expect(quoted).toContain('&lt;@U0BOSS&gt;');
    expect(quoted).toContain('&lt;https://evil.example|click here&gt;');
    // Text that was already an entity stays literal text: &amp;lt; shows as "&lt;".
    expect(quoted).toContain('&amp;lt;!channel&amp;gt;');
  });

  it('drops a javascript: link and escapes a hostile headline, outlet and author', async () => {
    const message = await ask(standIn, readout.delivery, 'xylophone');
    const text = allText(message).join('\n');
    expect(text).not.toContain('javascript:');
    expect(text).toContain('&lt;!here&gt; Xylophone recital');
    expect(text).toContain('&lt;https://evil.example|The Gazette&gt;');
  });

  it('keeps a URL with <, > and | inside the link it belongs to', async () => {
    const message = await ask(standIn, readout.delivery, 'ptarmigan');
    const links =
      allText(message)
        .join('\n')
        .match(/<https:[^>]*>/g) ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(
      /^<https:\/\/example\.org\/birds\?a=%3Cb%3E&amp;c=%7C%3C!channel%3E\|Ptarmigan &lt;b&gt;count&lt;\/b&gt;>$/,
    );
  });

  it('shares them in a channel escaped, crediting only the person who shared', async () => {
    for (const { word } of Object.values(articles)) {
      const preview = await ask(standIn, readout.delivery, word, { userId: 'U0SHARER' });
      const button = (preview.blocks ?? [])
        .filter((block): block is types.ActionsBlock => block.type === 'actions')
        .flatMap((block) => block.elements as types.Button[])
        .find((element) => element.action_id === actionIds.share)!;
      const before = standIn.lastSeq;
      await readout.delivery.deliver(
        buttonPress({ button, responseUrl: standIn.responseUrl(), userId: 'U0SHARER', messageTs: nextTs() }),
      );
      const post = await standIn.waitForCall('chat.postMessage', () => true, before);
      const shared = post.args as SentMessage;
      expect(blockKitViolations(shared)).toEqual([]);
      expect(forgedMarkup(shared, [/<@U0SHARER>/g]), word).toEqual([]);
      expect(allText(shared).join('\n')).toContain('<@U0SHARER>');
      expect(String(post.args.unfurl_links)).toBe('false');
    }
  }, 60_000);

  it('logged no failure and no secret', () => {
    expect(readout.logs.filter((line) => / ERROR /.test(line))).toEqual([]);
    expectNoSecrets([...readout.logs, indexed.stdout, indexed.stderr, ...sentToSlack(standIn)], 'the app');
  });
});
