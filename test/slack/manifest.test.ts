/**
 * manifest.json against Slack's published manifest schema (slackapi/manifest-schema, kept in
 * ../shared/slack), and against what the code registers: the command, the events, the scopes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { readoutCommandName } from '../../src/slack/listeners/commands/index.js';
import { searchFormIds } from '../../src/slack/ui/render-search-form.js';

const schemaDir = path.resolve(projectRoot, '../shared/slack');
const haveSchemas = fs.existsSync(path.join(schemaDir, 'manifest.schema.json'));
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const manifest = readJson(path.join(projectRoot, 'manifest.json'));

let validator: ReturnType<Ajv['compile']> | undefined;

function manifestValidator() {
  validator ??= compileValidator();
  return validator;
}

function compileValidator() {
  // strict: false because Slack's schema uses a non-standard `regex` keyword next to `pattern`.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  // The top-level schema refers to the versioned files by their public URLs; serve them from disk.
  for (const version of ['1.0.0', '2.0.0']) {
    ajv.addSchema(
      readJson(path.join(schemaDir, `manifest.schema.${version}.json`)),
      `https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.${version}.json`,
    );
  }
  return ajv.compile(readJson(path.join(schemaDir, 'manifest.schema.json')));
}

describe.skipIf(!haveSchemas)(
  `manifest.json against Slack's schema (from ${schemaDir}; skipped when that folder is absent)`,
  () => {
    it('is valid', () => {
      const validate = manifestValidator();
      const valid = validate(manifest);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });

    it.each([
      [
        'a command without a slash',
        { features: { ...manifest.features, slash_commands: [{ command: 'readout', description: 'x' }] } },
      ],
      ['an unknown setting', { settings: { ...manifest.settings, socket_mode: true } }],
      ['no display name', { display_information: { description: 'x' } }],
    ])('rejects %s (the validator can fail)', (_name, change) => {
      expect(manifestValidator()({ ...manifest, ...change })).toBe(false);
    });
  },
);

describe('manifest.json', () => {
  it('declares the /readout command the app listens for, with a usage hint', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: readoutCommandName,
        usage_hint: expect.stringContaining('source:'),
      }),
    ]);
  });

  it('subscribes to exactly the events the app handles', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'link_shared',
    ]);
  });

  // Every scope, and what needs it (the README's "Connect Readout to Slack" says the same).
  const scopeUses: Record<string, string> = {
    commands: '/readout',
    'app_mentions:read': 'app_mention events',
    'chat:write': 'answers, shares, private notices, saved searches’ alerts',
    'channels:history': "a thread's first message in a public channel (conversations.replies)",
    'groups:history': "a thread's first message in a private channel",
    'links:read': 'link_shared events for links to the archive',
    'links:write': 'link previews (chat.unfurl)',
    'channels:read':
      '/readout watch checks a public channel: archived, or the bot not a member (conversations.info)',
    'groups:read': '/readout watch checks a private channel the same way',
  };

  it('asks only for the scopes Readout uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(Object.keys(scopeUses).sort());
  });

  it('justifies every scope in the README', () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const connect = readme.slice(readme.indexOf('## Connect Readout to Slack'));
    for (const scope of Object.keys(scopeUses)) expect(connect).toContain(`\`${scope}\``);
  });

  it("declares the shortcuts the app listens for, within Slack's name length", () => {
    expect(
      manifest.features.shortcuts.map((s: { type: string; callback_id: string }) => [s.type, s.callback_id]),
    ).toEqual([
      ['message', searchFormIds.messageShortcut],
      ['global', searchFormIds.globalShortcut],
    ]);
  });

  it('declares link preview domains (each newsroom sets its own)', () => {
    expect(manifest.features.unfurl_domains.length).toBeGreaterThan(0);
  });

  it('turns on Socket Mode, interactivity and the Home tab', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    // Alerts of searches saved in a direct message, and "I cannot post there" notes, arrive here.
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });
});
