import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { projectRoot } from '../src/paths.js';

describe('loadConfig: the bot’s own database and the re-index watch', () => {
  it('puts the state database beside the index unless told otherwise', () => {
    expect(loadConfig({ READOUT_DB: '/srv/readout/index.sqlite' }).stateFile).toBe(
      '/srv/readout/readout-state.sqlite',
    );
    expect(loadConfig({ READOUT_STATE_DB: 'var/state.sqlite' }).stateFile).toBe(
      path.join(projectRoot, 'var/state.sqlite'),
    );
  });

  it.each([
    [undefined, 30_000],
    ['5', 5_000],
    ['0.05', 50],
  ])('reads READOUT_WATCH_SECONDS=%s as %d ms', (seconds, ms) => {
    expect(loadConfig({ READOUT_WATCH_SECONDS: seconds }).watchIntervalMs).toBe(ms);
  });

  it.each(['0', '-1', 'soon', '100000'])('refuses READOUT_WATCH_SECONDS=%s, naming it', (seconds) => {
    expect(() => loadConfig({ READOUT_WATCH_SECONDS: seconds })).toThrow(/READOUT_WATCH_SECONDS/);
  });
});

describe('loadConfig: quotation extraction', () => {
  it.each([
    [undefined, true],
    ['on', true],
    ['OFF', false],
    ['off', false],
  ])('reads READOUT_QUOTATIONS=%s as %s', (setting, quotations) => {
    const env = setting === undefined ? {} : { READOUT_QUOTATIONS: setting };
    expect(loadConfig(env).quotations).toBe(quotations);
  });

  it.each(['no', '0', 'maybe'])('refuses READOUT_QUOTATIONS=%s, naming it', (setting) => {
    expect(() => loadConfig({ READOUT_QUOTATIONS: setting })).toThrow(
      /READOUT_QUOTATIONS should be on or off/,
    );
  });
});
