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
    ]);
  });

  it('asks only for the scopes Readout uses', () => {
    // commands: /readout; app_mentions:read: app_mention events; chat:write: answers, shares and
    // private notices; channels:history + groups:history: a thread's first message
    // (conversations.replies) in public and private channels.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history'].sort(),
    );
  });

  it('turns on Socket Mode, interactivity and the Home tab', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});
