/**
 * The search form (message and global shortcuts, its submission, its outlet suggestions), link
 * previews, and 👍 / 👎 feedback counted on the App Home, end to end over HTTP and Socket Mode
 * through the Slack stand-in, on a real index of the fixture archive.
 */
import path from 'node:path';
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitViolations } from '../../src/slack/ui/limits.js';
import { actionIds } from '../../src/slack/ui/render-answer.js';
import { searchFormIds } from '../../src/slack/ui/render-search-form.js';
import {
  appHomeOpened,
  blockSuggestion,
  buttonPress,
  globalShortcut,
  linkShared,
  messageShortcut,
  SlackStandIn,
  slashCommand,
  viewSubmission,
} from '../support/slack-stand-in/index.js';
import { buildFixtureArchive, type FixtureArchive } from './fixture-archive.js';
import { type RunningReadout, startReadout, type Transport } from './harness.js';

interface SentMessage {
  text?: string;
  blocks?: types.KnownBlock[];
  [key: string]: unknown;
}

type Modal = types.ModalView & { id: string };

let archive: FixtureArchive;

beforeAll(async () => {
  archive = await buildFixtureArchive();
});

afterAll(() => archive?.remove());

const inputs = (view: Modal) =>
  view.blocks.filter((block): block is types.InputBlock => block.type === 'input');
const field = (view: Modal, blockId: string) =>
  inputs(view).find((block) => block.block_id === blockId)?.element;

describe.each(['http', 'socket'] as Transport[])('shortcuts, previews and feedback over %s', (transport) => {
  let standIn: SlackStandIn;
  let readout: RunningReadout;

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    readout = await startReadout(transport, standIn, {
      databaseFile: archive.databaseFile,
      env: { READOUT_STATE_DB: path.join(archive.dir, `state-${transport}.sqlite`) },
    });
  });

  afterAll(async () => {
    await readout?.stop();
    await standIn?.stop();
  });

  async function openedForm(payload: Parameters<RunningReadout['delivery']['deliver']>[0]) {
    const before = standIn.lastSeq;
    const delivered = await readout.delivery.deliver(payload);
    const call = await standIn.waitForCall('views.open', () => true, before);
    return { delivered, view: standIn.views.get(`V0MODAL${standIn.views.size}`) as unknown as Modal, call };
  }

  const formValues = (values: {
    query?: string;
    outlets?: string[];
    after?: string;
    until?: string;
    who?: string;
  }) => ({
    query: { value: { type: 'plain_text_input', value: values.query ?? null } },
    outlets: {
      value: {
        type: 'multi_static_select',
        selected_options: (values.outlets ?? []).map((name) => ({
          text: { type: 'plain_text', text: name },
          value: name,
        })),
      },
    },
    after: { value: { type: 'datepicker', selected_date: values.after ?? null } },
    until: { value: { type: 'datepicker', selected_date: values.until ?? null } },
    who: { value: { type: 'plain_text_input', value: values.who ?? null } },
    where: { value: { type: 'conversations_select', selected_conversation: 'C0NEWSDESK' } },
  });

  async function submit(view: Modal, values: ReturnType<typeof formValues>) {
    const responseUrl = standIn.responseUrl();
    const delivered = await readout.delivery.deliver(
      viewSubmission({ view: view as unknown as Record<string, unknown>, values, responseUrl }),
    );
    return { delivered, responseUrl };
  }

  describe('the message shortcut', () => {
    let view: Modal;

    beforeAll(async () => {
      ({ view } = await openedForm(
        messageShortcut({
          text: 'Who wrote about the lighthouse keeper at Saltmere?',
          callbackId: searchFormIds.messageShortcut,
          responseUrl: standIn.responseUrl(),
        }),
      ));
    });

    it('opens the search form prefilled with the message’s key terms', () => {
      expect(view.callback_id).toBe(searchFormIds.callback);
      expect(field(view, searchFormIds.query)).toMatchObject({ initial_value: 'lighthouse keeper Saltmere' });
    });

    it('offers the index’s outlets, dates, a speaker and the conversation to answer in', () => {
      const outlets = field(view, searchFormIds.outlets) as types.MultiStaticSelect;
      expect(outlets.type).toBe('multi_static_select');
      expect(outlets.options?.map((option) => option.value)).toContain('Coastal Gazette (test)');
      expect(field(view, searchFormIds.after)?.type).toBe('datepicker');
      expect(field(view, searchFormIds.until)?.type).toBe('datepicker');
      expect(field(view, searchFormIds.who)?.type).toBe('plain_text_input');
      expect(field(view, searchFormIds.where)).toMatchObject({
        type: 'conversations_select',
        initial_conversation: 'C0NEWSDESK',
        response_url_enabled: true,
      });
      expect(view.blocks.length).toBeLessThanOrEqual(100);
    });

    it('answers the submitted form privately in the conversation, with the usual buttons', async () => {
      const { delivered, responseUrl } = await submit(
        view,
        formValues({ query: 'lighthouse keeper', outlets: ['Coastal Gazette (test)'], until: '2018-03-31' }),
      );
      if (transport === 'http') expect(delivered.status).toBe(200);
      const message = (await standIn.waitForResponse(responseUrl)).body as SentMessage;
      expect(message.response_type).toBe('ephemeral');
      expect(message.text).toContain(
        'for “lighthouse keeper source:"coastal gazette (test)" before:2018-04-01”',
      );
      const json = JSON.stringify(message.blocks);
      const months = [...json.matchAll(/Gazette \(test\) · \d+ (\w+) 2018/g)].map((match) => match[1]);
      expect(months.length).toBeGreaterThan(0);
      for (const month of months) expect(['Jan', 'Feb', 'Mar']).toContain(month);
      const buttons = (message.blocks ?? [])
        .filter((block): block is types.ActionsBlock => block.type === 'actions')
        .flatMap((block) => block.elements.map((element) => (element as types.Button).action_id));
      expect(buttons).toEqual([actionIds.share, actionIds.helpful, actionIds.unhelpful, actionIds.dismiss]);
      expect(blockKitViolations(message)).toEqual([]);
    });

    it('puts a speaker into the query as who:', async () => {
      const { responseUrl } = await submit(view, formValues({ query: 'lighthouse', who: 'Ann Lee' }));
      const message = (await standIn.waitForResponse(responseUrl)).body as SentMessage;
      expect(message.text).toContain('lighthouse who:"Ann Lee"');
    });

    it('keeps the form open with a message under the field when there is nothing to search', async () => {
      const before = standIn.lastSeq;
      const { delivered } = await submit(
        view,
        formValues({ query: '  ', after: '2020-01-01', until: '2019-01-01' }),
      );
      expect(delivered.ack).toEqual({
        response_action: 'errors',
        errors: {
          query: 'Type some words to search for.',
          until: 'This is before the "Published from" date.',
        },
      });
      expect(standIn.responses().filter((response) => response.seq > before)).toEqual([]);
    });
  });

  it('opens the same form empty from the global shortcut', async () => {
    const { view } = await openedForm(globalShortcut({ callbackId: searchFormIds.globalShortcut }));
    expect(view.callback_id).toBe(searchFormIds.callback);
    expect(field(view, searchFormIds.query)).not.toHaveProperty('initial_value');
    expect(field(view, searchFormIds.where)).toMatchObject({ default_to_current_conversation: true });
  });

  it('suggests outlets whose name contains what is typed', async () => {
    const delivered = await readout.delivery.deliver(
      blockSuggestion({ value: 'wire', actionId: searchFormIds.field, blockId: searchFormIds.outlets }),
    );
    const options = (delivered.ack as { options: Array<{ value: string }> }).options.map(
      (option) => option.value,
    );
    expect(options).toContain('Estuary Wire (test)');
    expect(options).not.toContain('Coastal Gazette (test)');
  });

  describe('link previews', () => {
    it('previews a link to an archive article, however it is spelt, and no other link', async () => {
      const before = standIn.lastSeq;
      const archived = 'http://www.example.org/gazette/lighthouse-1/?utm_source=slack';
      await readout.delivery.deliver(
        linkShared({ urls: [archived, 'https://example.org/not-in-the-archive'] }),
      );
      const call = await standIn.waitForCall('chat.unfurl', () => true, before);
      const unfurls = call.args.unfurls as Record<string, { blocks: types.KnownBlock[] }>;
      expect(Object.keys(unfurls)).toEqual([archived]);
      const json = JSON.stringify(unfurls[archived]);
      expect(json).toContain(
        '<https://example.org/gazette/lighthouse-1|Saltmere lighthouse keeper retires after 20 years>',
      );
      expect(json).toContain('Coastal Gazette (test) · 10 Jan 2018 · by Reporter 1');
      expect(json).toContain(
        '>The lighthouse keeper at Saltmere climbed the tower for the last time on Sunday',
      );
      expect(call.args.unfurl_id).toBeTruthy();
    });

    it('escapes archive text in a preview', async () => {
      const before = standIn.lastSeq;
      await readout.delivery.deliver(linkShared({ urls: ['https://example.org/ferry?a=1&b=2'] }));
      const call = await standIn.waitForCall('chat.unfurl', () => true, before);
      const json = JSON.stringify(call.args.unfurls);
      expect(json).toContain('&lt;!channel&gt;');
      expect(json).not.toContain('<!channel>');
    });

    it('ignores malformed links without an error', async () => {
      const before = standIn.lastSeq;
      for (const links of ['nonsense', [null, { url: 5 }, { url: 'javascript:alert(1)' }]]) {
        const payload = linkShared({ urls: [], channel: `C0JUNK${String(links).length}` });
        payload.body.event.links = links;
        await readout.delivery.deliver(payload);
        await readout.waitForLog(
          new RegExp(`shared links looked up.*C0JUNK${String(links).length}.*"previewed":0`),
        );
      }
      expect(standIn.apiCalls('chat.unfurl').filter((call) => call.seq > before)).toEqual([]);
      expect(readout.logs.filter((line) => / ERROR /.test(line))).toEqual([]);
    });

    it('sends nothing for links that are not in the archive', async () => {
      const before = standIn.lastSeq;
      await readout.delivery.deliver(
        linkShared({ urls: ['https://example.org/elsewhere'], channel: 'C0ELSEWHERE' }),
      );
      await readout.waitForLog(/shared links looked up.*C0ELSEWHERE.*"links":1,"previewed":0/);
      expect(standIn.apiCalls('chat.unfurl').filter((call) => call.seq > before)).toEqual([]);
    });
  });

  it('counts 👍 / 👎 and shows the searches that disappoint on the App Home', async () => {
    const responseUrl = standIn.responseUrl();
    await readout.delivery.deliver(slashCommand({ text: 'tide tables', responseUrl }));
    const answer = (await standIn.waitForResponse(responseUrl)).body as SentMessage;
    const buttons = (answer.blocks ?? [])
      .filter((block): block is types.ActionsBlock => block.type === 'actions')
      .flatMap((block) => block.elements as types.Button[]);
    const down = buttons.find((button) => button.action_id === actionIds.unhelpful)!;
    const thanksUrl = standIn.responseUrl();
    await readout.delivery.deliver(buttonPress({ button: down, responseUrl: thanksUrl }));
    const thanks = (await standIn.waitForResponse(thanksUrl)).body as SentMessage;
    expect(thanks.text).toContain('noted that the answer to “tide tables” did not help');
    expect(thanks.replace_original).toBe(false);

    const before = standIn.lastSeq;
    await readout.delivery.deliver(appHomeOpened({ userId: 'U0EDITOR' }));
    const home = await standIn.waitForCall('views.publish', (args) => args.user_id === 'U0EDITOR', before);
    const json = JSON.stringify(home.args.view);
    expect(json).toContain('Answers rated: 0 👍 · 1 👎');
    expect(json).toContain('Searches that disappointed: “tide tables” (1 👎)');
    expect(json).toContain('/readout watch');
  });
});
