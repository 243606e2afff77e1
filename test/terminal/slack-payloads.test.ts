import { describe, expect, it } from 'vitest';
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionsPayload,
  eventCallbackPayload,
  messageTs,
  type SlackWorkspace,
  slackEscape,
  slashCommandPayload,
} from '../../src/terminal/slack-payloads.js';

const workspace: SlackWorkspace = {
  teamId: 'T1',
  teamDomain: 'desk',
  appId: 'A1',
  botUserId: 'UBOT',
  userId: 'UME',
  userName: 'me',
  channelId: 'C1',
  channelName: 'desk',
  homeChannelId: 'D1',
  verificationToken: 'tok',
};

const now = 1_700_000_000_123;

describe('slackEscape', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<@U1> <!channel>', '&lt;@U1&gt; &lt;!channel&gt;'],
    ['&amp;', '&amp;amp;'],
    ['"quoted" -word', '"quoted" -word'],
  ])('escapes %j as %j', (text, expected) => {
    expect(slackEscape(text)).toBe(expected);
  });
});

describe('messageTs', () => {
  it.each([
    [1, '1700000000.000001'],
    [123_456, '1700000000.123456'],
  ])('numbers message %i as %s', (sequence, expected) => {
    expect(messageTs(sequence, now)).toBe(expected);
  });
});

describe('slashCommandPayload', () => {
  it('sends the escaped text from the workspace defaults', () => {
    expect(
      slashCommandPayload(workspace, { text: 'a <b>', responseUrl: 'http://r/1', triggerId: 'T9' }),
    ).toMatchObject({
      token: 'tok',
      team_id: 'T1',
      team_domain: 'desk',
      channel_id: 'C1',
      channel_name: 'desk',
      user_id: 'UME',
      user_name: 'me',
      command: '/readout',
      text: 'a &lt;b&gt;',
      api_app_id: 'A1',
      response_url: 'http://r/1',
      trigger_id: 'T9',
    });
  });

  it('takes another user, channel and command', () => {
    const body = slashCommandPayload(workspace, {
      text: '',
      responseUrl: 'http://r/2',
      triggerId: 'T9',
      userId: 'U2',
      channelId: 'C2',
      command: '/other',
    });
    expect([body.user_id, body.channel_id, body.command]).toEqual(['U2', 'C2', '/other']);
  });
});

describe('eventCallbackPayload', () => {
  it('wraps an event, authorised for the bot user', () => {
    const body = eventCallbackPayload(workspace, { type: 'x' }, { eventId: 'Ev1', nowMs: now });
    expect(body).toMatchObject({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'Ev1',
      event_time: 1_700_000_000,
      event: { type: 'x' },
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    });
  });
});

describe('appMentionEvent', () => {
  it.each<{ options: Parameters<typeof appMentionEvent>[1]; expected: Record<string, unknown> }>([
    {
      options: { text: 'tide & time', ts: '1.1' },
      expected: { text: '<@UBOT> tide &amp; time', channel: 'C1', user: 'UME' },
    },
    { options: { text: '', ts: '1.2' }, expected: { text: '<@UBOT>' } },
    {
      options: { text: 'x', ts: '1.3', threadTs: '1.0', channelId: 'C2' },
      expected: { thread_ts: '1.0', channel: 'C2' },
    },
  ])('builds $options.text in $options.ts', ({ options, expected }) => {
    const event = appMentionEvent(workspace, options);
    expect(event).toMatchObject({ type: 'app_mention', ts: options.ts, event_ts: options.ts, ...expected });
    if (!options.threadTs) expect(event).not.toHaveProperty('thread_ts');
  });
});

describe('appHomeOpenedEvent', () => {
  it('opens the home tab in the app conversation', () => {
    expect(appHomeOpenedEvent(workspace, { eventTs: '1.1' })).toEqual({
      type: 'app_home_opened',
      user: 'UME',
      channel: 'D1',
      tab: 'home',
      event_ts: '1.1',
    });
  });
});

describe('blockActionsPayload', () => {
  it('presses a button on an ephemeral message', () => {
    const body = blockActionsPayload(workspace, {
      button: { action_id: 'more', value: '{"o":5}', text: { type: 'plain_text', text: 'More' } },
      responseUrl: 'http://r/3',
      triggerId: 'T9',
      messageTs: '1.5',
      nowMs: now,
    });
    expect(body).toMatchObject({
      type: 'block_actions',
      user: { id: 'UME', username: 'me', team_id: 'T1' },
      container: { type: 'message', message_ts: '1.5', channel_id: 'C1', is_ephemeral: true },
      channel: { id: 'C1', name: 'desk' },
      response_url: 'http://r/3',
      actions: [
        {
          type: 'button',
          action_id: 'more',
          block_id: 'readout_actions',
          value: '{"o":5}',
          text: { type: 'plain_text', text: 'More' },
          action_ts: '1700000000.123',
        },
      ],
    });
  });

  it('labels a button without text by its action ID', () => {
    const body = blockActionsPayload(workspace, {
      button: { action_id: 'x' },
      responseUrl: 'http://r/4',
      triggerId: 'T9',
      messageTs: '1.6',
    }) as { actions: Array<{ text: unknown }> };
    expect(body.actions[0]!.text).toEqual({ type: 'plain_text', text: 'x' });
  });
});
