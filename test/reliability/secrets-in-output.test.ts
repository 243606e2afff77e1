/**
 * Tokens and the signing secret never appear in what Readout prints or sends, even at
 * LOG_LEVEL=debug (Bolt and the Web API client log request bodies and headers there), even when
 * Slack fails, requests are forged, or start-up fails. Real `npm start` processes over HTTP and
 * Socket Mode; everything they print, and everything they send to the stand-in, is searched for
 * the secrets and for any long piece of them.
 *
 * Every other file of this suite ends with the same search over what its own app printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsPath } from '../../src/slack/transport/receivers.js';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { botSecrets, startBot } from '../support/bot-process.js';
import { cleanEnv, runScript } from '../support/run-script.js';
import {
  appMention,
  httpBody,
  nextTs,
  post,
  SlackStandIn,
  signedHeaders,
  slashCommand,
  socketDelivery,
} from '../support/slack-stand-in/index.js';
import { ask, expectNoSecrets, leakedSecrets, sentToSlack } from './support.js';

let archive: FixtureArchive;
let standIn: SlackStandIn;
const printed: string[] = [];

beforeAll(async () => {
  archive = await buildFixtureArchive();
  standIn = await SlackStandIn.start();
});

afterAll(async () => {
  await standIn?.stop();
  archive?.remove();
});

describe('the search for secrets', () => {
  it.each([
    botSecrets.botToken,
    `token=${botSecrets.botToken.slice(0, 24)}…`,
    `secret ${botSecrets.signingSecret.toUpperCase().toLowerCase()}`,
  ])('finds %s', (text) => {
    expect(leakedSecrets(text)).not.toEqual([]);
  });
});

describe.each(['http', 'socket'] as const)('npm start over %s at LOG_LEVEL=debug', (transport) => {
  it('prints and sends no secret through answers, failures and forged requests', async () => {
    const bot = await startBot(standIn, {
      transport,
      databaseFile: archive.databaseFile,
      env: { LOG_LEVEL: 'debug' },
    });
    try {
      const delivery = transport === 'http' ? bot.delivery! : socketDelivery(standIn);
      expect((await ask(standIn, delivery, 'lighthouse keeper')).text).toMatch(/passages/);

      // Slack failing in every way the suite injects.
      standIn.inject('chat.postMessage', { kind: 'http', status: 429, retryAfter: 0 });
      standIn.inject('chat.postMessage', { kind: 'http', status: 500 });
      standIn.inject('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
      standIn.inject('chat.postMessage', { kind: 'error', error: 'invalid_blocks' });
      for (let i = 0; i < 3; i++) {
        const ts = nextTs();
        await delivery.deliver(appMention({ text: 'lighthouse', ts, channel: `C0SECRET${i}` }));
      }
      standIn.inject('response_url', { kind: 'http', status: 500 });
      const failing = standIn.responseUrl();
      await delivery.deliver(slashCommand({ text: 'tide', responseUrl: failing }));
      await bot.waitForOutput(/could not answer a command/);

      if (transport === 'http') {
        // Forged requests: wrong secret, future timestamp, tampered.
        const body = httpBody(slashCommand({ text: 'x', responseUrl: standIn.responseUrl() })).body;
        const form = 'application/x-www-form-urlencoded';
        const url = `${bot.origin}${eventsPath}`;
        await post(url, body, signedHeaders('forged-secret-forged-secret', body, form));
        await post(
          url,
          body,
          signedHeaders(botSecrets.signingSecret, body, form, Math.floor(Date.now() / 1000) + 3600),
        );
        await post(url, `${body}&x=1`, signedHeaders(botSecrets.signingSecret, body, form));
      }
      expect((await ask(standIn, delivery, 'cormorant survey')).text).toMatch(/passage/);
    } finally {
      await bot.stop();
      printed.push(bot.printed());
    }
    expect(bot.printed()).toMatch(/DEBUG/);
    expectNoSecrets([bot.printed()], `npm start over ${transport}`);
  });
});

describe('start-up failures', () => {
  it('name no secret when Slack rejects the token', async () => {
    standIn.inject('auth.test', { kind: 'error', error: 'invalid_auth' });
    const result = await runScript(
      'src/main.ts',
      [],
      cleanEnv({
        SLACK_BOT_TOKEN: botSecrets.botToken,
        SLACK_SIGNING_SECRET: botSecrets.signingSecret,
        SLACK_API_URL: standIn.apiUrl,
        READOUT_DB: archive.databaseFile,
        PORT: '0',
        LOG_LEVEL: 'debug',
      }),
    );
    printed.push(result.stdout, result.stderr);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Slack rejected the token (invalid_auth)');
    expectNoSecrets([result.stdout, result.stderr], 'a failed start');
  });

  it.each<{ name: string; env: Record<string, string> }>([
    {
      name: 'a token of the wrong kind',
      env: { SLACK_BOT_TOKEN: botSecrets.appToken, SLACK_SIGNING_SECRET: botSecrets.signingSecret },
    },
    { name: 'a half-set configuration', env: { SLACK_SIGNING_SECRET: botSecrets.signingSecret } },
    {
      name: 'an unreachable Slack',
      env: {
        SLACK_BOT_TOKEN: botSecrets.botToken,
        SLACK_APP_TOKEN: botSecrets.appToken,
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      },
    },
  ])('name no secret for $name', async ({ env }) => {
    const result = await runScript(
      'src/main.ts',
      [],
      cleanEnv({ ...env, READOUT_DB: archive.databaseFile, PORT: '0', LOG_LEVEL: 'debug' }),
    );
    printed.push(result.stdout, result.stderr);
    expect(result.status).toBe(1);
    expectNoSecrets([result.stdout, result.stderr], 'a failed start');
  });
});

describe('everything', () => {
  it('sent to Slack held no secret outside the Authorization it belongs in', () => {
    expect(printed.join('').length).toBeGreaterThan(0);
    expectNoSecrets([...printed, ...sentToSlack(standIn)], 'Readout');
  });
});
