import { describe, expect, it } from 'vitest';
import {
  initialViewValues,
  messageShortcutPayload,
  viewSubmissionPayload,
} from '../../src/terminal/interaction-payloads.js';

const workspace = { teamId: 'T1', teamDomain: 'desk', appId: 'A1' };

describe('messageShortcutPayload', () => {
  it('escapes the message text as Slack does and names the channel and message', () => {
    const payload = messageShortcutPayload(
      workspace,
      { userId: 'U1', channelId: 'C1' },
      { text: 'a <b> & c', callbackId: 'cb', triggerId: 't', responseUrl: 'http://127.0.0.1/r', ts: '1.2' },
    );
    expect(payload).toMatchObject({
      type: 'message_action',
      callback_id: 'cb',
      channel: { id: 'C1' },
      user: { id: 'U1' },
      message: { text: 'a &lt;b&gt; &amp; c', ts: '1.2' },
    });
  });
});

describe('viewSubmissionPayload', () => {
  it('carries the values and the response_url of the chosen conversation', () => {
    const payload = viewSubmissionPayload(workspace, 'U1', {
      view: { callback_id: 'form' },
      values: { q: { v: { value: 'x' } } },
      triggerId: 't',
      answerIn: { channelId: 'C1', responseUrl: 'http://127.0.0.1/r', blockId: 'where', actionId: 'v' },
    });
    expect(payload).toMatchObject({
      type: 'view_submission',
      view: { callback_id: 'form', state: { values: { q: { v: { value: 'x' } } } } },
      response_urls: [{ channel_id: 'C1', response_url: 'http://127.0.0.1/r', block_id: 'where' }],
    });
  });
});

describe('initialViewValues', () => {
  const view = {
    blocks: [
      { type: 'section' },
      {
        type: 'input',
        block_id: 'q',
        element: { type: 'plain_text_input', action_id: 'v', initial_value: 'ferry' },
      },
      { type: 'input', block_id: 'd', element: { type: 'datepicker', action_id: 'v' } },
      { type: 'input', block_id: 'o', element: { type: 'multi_static_select', action_id: 'v', options: [] } },
      {
        type: 'input',
        block_id: 'w',
        element: { type: 'conversations_select', action_id: 'v', initial_conversation: 'C1' },
      },
    ],
  };

  it.each([
    [{}, 'ferry'],
    [{ q: 'harbour' }, 'harbour'],
  ])('with overrides %j reads the form as opened', (overrides, query) => {
    expect(initialViewValues(view, overrides)).toEqual({
      q: { v: { type: 'plain_text_input', value: query } },
      d: { v: { type: 'datepicker', selected_date: null } },
      o: { v: { type: 'multi_static_select', selected_options: [] } },
      w: { v: { type: 'conversations_select', selected_conversation: 'C1' } },
    });
  });
});
