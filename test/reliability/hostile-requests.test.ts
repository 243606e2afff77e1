/**
 * Requests that did not come from Slack, or not in a form Readout answers, sent to the real app
 * over HTTP: missing, malformed, wrong and stale signatures, a tampered body, a timestamp beyond
 * tolerance in the future, oversized bodies, unparseable bodies and payload types nobody
 * listens for. Each is rejected (401, 400, 413) or ignored (acknowledged or left to time out)
 * and nothing at all is sent to Slack; a genuine request is still answered afterwards.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsPath } from '../../src/slack/transport/receivers.js';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { type RunningReadout, secrets, startReadout } from '../slack/harness.js';
import {
  eventCallback,
  httpBody,
  post,
  SlackStandIn,
  signedHeaders,
  slashCommand,
  workspace,
} from '../support/slack-stand-in/index.js';
import { ask, expectNoSecrets, sentToSlack } from './support.js';

let archive: FixtureArchive;
let standIn: SlackStandIn;
let readout: RunningReadout;
let url: string;
/** response_url ids of the genuine requests: the only ones that may be answered. */
const genuine: string[] = [];

beforeAll(async () => {
  archive = await buildFixtureArchive();
  standIn = await SlackStandIn.start();
  readout = await startReadout('http', standIn, { databaseFile: archive.databaseFile });
  url = `${readout.origin}${eventsPath}`;
});

afterAll(async () => {
  await readout?.stop();
  await standIn?.stop();
  archive?.remove();
});

const form = 'application/x-www-form-urlencoded';
const now = () => Math.floor(Date.now() / 1000);

/** A genuine /readout body; answering it would post to its response_url. */
function commandBody(text = 'lighthouse keeper'): string {
  return httpBody(slashCommand({ text, responseUrl: standIn.responseUrl() })).body;
}

/**
 * POSTs on a connection of its own and resolves with the status as soon as the app answers: the
 * app may answer (413) and close before a huge body is fully sent, which must not leave a broken
 * connection for the next request in a shared pool.
 */
function postAlone(body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', (error) => {
      // Writing the rest of a body the app has already refused fails; the answer is what counts.
      if (!(request as { res?: unknown }).res) reject(error);
    });
    request.end(body);
  });
}

/** Everything the app sent to Slack beyond checking its token at start-up. */
function sentBeyondStartup() {
  return standIn.records.filter((record) => !(record.kind === 'api' && record.method === 'auth.test'));
}

describe('requests not signed by Slack', () => {
  it.each<{ name: string; request: () => { body: string; headers: Record<string, string> } }>([
    {
      name: 'no signature headers',
      request: () => ({ body: commandBody(), headers: { 'Content-Type': form } }),
    },
    {
      name: 'a signature without a timestamp',
      request: () => {
        const body = commandBody();
        const { 'X-Slack-Request-Timestamp': _, ...headers } = signedHeaders(
          secrets.signingSecret,
          body,
          form,
        );
        return { body, headers };
      },
    },
    {
      name: 'a timestamp that is not a number',
      request: () => {
        const body = commandBody();
        return {
          body,
          headers: {
            ...signedHeaders(secrets.signingSecret, body, form),
            'X-Slack-Request-Timestamp': 'soon',
          },
        };
      },
    },
    ...['', 'v0=', 'v0=zz', 'garbage', `v1=${'a'.repeat(64)}`, `v0=${'0'.repeat(64)}`, 'v0=abc=def'].map(
      (signature) => ({
        name: `a malformed or wrong signature "${signature.slice(0, 12)}"`,
        request: () => {
          const body = commandBody();
          return {
            body,
            headers: { ...signedHeaders(secrets.signingSecret, body, form), 'X-Slack-Signature': signature },
          };
        },
      }),
    ),
    {
      name: 'a signature made with another secret',
      request: () => {
        const body = commandBody();
        return { body, headers: signedHeaders('someone-elses-signing-secret', body, form) };
      },
    },
    {
      name: 'a signature over the timestamp of another request',
      request: () => {
        const body = commandBody();
        const headers = signedHeaders(secrets.signingSecret, body, form, now() - 60);
        return { body, headers: { ...headers, 'X-Slack-Request-Timestamp': String(now()) } };
      },
    },
    {
      name: 'a tampered body (signed for other text)',
      request: () => {
        const signed = commandBody('lighthouse');
        const headers = signedHeaders(secrets.signingSecret, signed, form);
        return { body: signed.replace('lighthouse', 'lighthouse+keeper'), headers };
      },
    },
    {
      name: 'a stale timestamp (10 minutes ago), correctly signed',
      request: () => {
        const body = commandBody();
        return { body, headers: signedHeaders(secrets.signingSecret, body, form, now() - 600) };
      },
    },
    {
      name: 'a timestamp 10 minutes in the future, correctly signed',
      request: () => {
        const body = commandBody();
        return { body, headers: signedHeaders(secrets.signingSecret, body, form, now() + 600) };
      },
    },
    {
      name: 'a timestamp a year in the future, correctly signed',
      request: () => {
        const body = commandBody();
        return { body, headers: signedHeaders(secrets.signingSecret, body, form, now() + 365 * 86_400) };
      },
    },
  ])('rejects $name with 401', async ({ request }) => {
    const { body, headers } = request();
    const { status } = await post(url, body, headers);
    expect(status).toBe(401);
  });

  it('accepts a timestamp a little ahead (a clock within tolerance) and answers once', async () => {
    const responseUrl = standIn.responseUrl();
    const body = httpBody(slashCommand({ text: 'lighthouse keeper', responseUrl })).body;
    const { status } = await post(url, body, signedHeaders(secrets.signingSecret, body, form, now() + 60));
    expect(status).toBe(200);
    await standIn.waitForResponse(responseUrl);
    genuine.push(responseUrl.split('/').at(-1)!);
  });

  it('logged the rejections without the signature or the secret', async () => {
    await readout.waitForLog(/rejected a request timestamped in the future/);
    expect(readout.logs.join('\n')).not.toMatch(/v0=[0-9a-f]{64}/);
  });
});

describe('oversized and unparseable bodies', () => {
  it.each([
    { name: 'correctly signed', signed: true },
    { name: 'not signed', signed: false },
  ])('rejects a 5 MB body ($name) with 413', async ({ signed }) => {
    const body = `${commandBody()}&padding=${'x'.repeat(5 * 1024 * 1024)}`;
    const headers = signed ? signedHeaders(secrets.signingSecret, body, form) : { 'Content-Type': form };
    expect(await postAlone(body, headers)).toBe(413);
  });

  it.each([
    {
      name: 'JSON that does not parse',
      body: '{"type": "event_callback", "event": ',
      type: 'application/json',
    },
    { name: 'an interaction payload that is not JSON', body: 'payload=%7Bnot-json', type: form },
  ])('rejects a signed body of $name with 400', async ({ body, type }) => {
    const { status } = await post(url, body, signedHeaders(secrets.signingSecret, body, type));
    expect(status).toBe(400);
  });
});

describe('payload types Readout does not answer', () => {
  function signedJson(payload: unknown) {
    const body = JSON.stringify(payload);
    return post(url, body, signedHeaders(secrets.signingSecret, body, 'application/json'));
  }
  function signedForm(fields: Record<string, string>) {
    const body = new URLSearchParams(fields).toString();
    return post(url, body, signedHeaders(secrets.signingSecret, body, form));
  }
  const interaction = (payload: Record<string, unknown>) =>
    signedForm({
      payload: JSON.stringify({
        team: { id: workspace.teamId },
        user: { id: 'U0STRANGER' },
        api_app_id: workspace.appId,
        response_url: standIn.responseUrl(),
        ...payload,
      }),
    });

  it('acknowledges an event nobody listens for and does nothing', async () => {
    const { status } = await signedJson(
      eventCallback({ type: 'reaction_added', user: 'U0STRANGER', reaction: 'eyes', event_ts: '1.2' }).body,
    );
    expect(status).toBe(200);
  });

  it('acknowledges a mention from a bot (itself included) and does not answer it', async () => {
    const { status } = await signedJson(
      eventCallback({
        type: 'app_mention',
        user: workspace.botUserId,
        bot_id: workspace.botId,
        text: `<@${workspace.botUserId}> lighthouse`,
        ts: '1.3',
        channel: 'C0NEWSDESK',
        event_ts: '1.3',
      }).body,
    );
    expect(status).toBe(200);
  });

  // Bolt answers 404 when no listener acknowledges within 3 seconds: run these side by side.
  it('leaves unknown payload types, commands, actions and views unanswered', async () => {
    const results = await Promise.all([
      signedJson({ type: 'something_unheard_of', token: 'x', team_id: workspace.teamId }),
      signedForm({
        ...slashCommand({ text: 'lighthouse', responseUrl: standIn.responseUrl() }).body,
        command: '/other',
      }),
      interaction({
        type: 'block_actions',
        actions: [{ type: 'button', action_id: 'not_ours', block_id: 'b', value: 'v', action_ts: '1' }],
        channel: { id: 'C0NEWSDESK' },
        container: { type: 'message', channel_id: 'C0NEWSDESK' },
      }),
      interaction({
        type: 'view_submission',
        view: { id: 'V1', callback_id: 'not_ours', state: { values: {} } },
      }),
      interaction({ type: 'message_action', callback_id: 'not_ours', message: { text: 'lighthouse' } }),
    ]);
    for (const { status } of results) expect([200, 404]).toContain(status);
  });

  it('answers url_verification with its challenge only', async () => {
    const { status, text } = await signedJson({ type: 'url_verification', token: 'x', challenge: 'c-123' });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ challenge: 'c-123' });
  });

  it('answers an unsigned ssl_check and ignores a command smuggled into it', async () => {
    const body = `ssl_check=1&${commandBody()}`;
    const { status } = await post(url, body, { 'Content-Type': form });
    expect(status).toBe(200);
  });
});

describe('after all of them', () => {
  it('sent nothing to Slack', async () => {
    // A genuine request now: once it is answered, anything the others set off would have been sent.
    const answer = await ask(standIn, readout.delivery, 'lighthouse keeper', { userId: 'U0GENUINE' });
    expect(answer.text).toMatch(/passages/);
    genuine.push(String(standIn.responses().at(-1)?.id));
    const sent = sentBeyondStartup().map((record) =>
      record.kind === 'response_url' ? record.id : record.kind,
    );
    expect(sent).toEqual(genuine);
  });

  it('logged and sent no token or signing secret', () => {
    expectNoSecrets([...readout.logs, ...sentToSlack(standIn)], 'the app');
  });
});
