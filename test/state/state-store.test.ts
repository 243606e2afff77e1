import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../src/index/database.js';
import { stateMigrationsDir } from '../../src/paths.js';
import { openStateDatabase } from '../../src/state/state-database.js';
import { maxSavedSearchesPerChannel, StateStore } from '../../src/state/state-store.js';
import { tempDir } from '../support/fixtures.js';

function freshStore(): StateStore {
  return new StateStore(openStateDatabase(path.join(tempDir(), 'state', 'readout-state.sqlite')));
}

const search = (channelId: string, query: string, checkedRun = 3) => ({
  channelId,
  query,
  createdBy: 'U0SAVER',
  createdAt: '2026-11-30T10:00:00.000Z',
  checkedRun,
});

describe('openStateDatabase', () => {
  it('creates the file and its folder, migrated to the latest state migration', () => {
    const file = path.join(tempDir(), 'new', 'state.sqlite');
    const db = openStateDatabase(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(schemaVersion(db)).toBe(
      fs.readdirSync(stateMigrationsDir).filter((f) => f.endsWith('.sql')).length,
    );
    db.close();
  });

  it('names the state file and what to do when it is damaged', () => {
    const file = path.join(tempDir(), 'junk.sqlite');
    fs.writeFileSync(file, 'not a database '.repeat(400));
    expect(() => openStateDatabase(file)).toThrow(/state database .*junk\.sqlite is damaged; move it aside/);
  });
});

describe('StateStore saved searches', () => {
  it('saves, lists by channel in order, and removes', () => {
    const store = freshStore();
    const first = store.saveSearch(search('C1', 'ferry strike'))!;
    const second = store.saveSearch(search('C1', 'harbour'))!;
    store.saveSearch(search('C2', 'elsewhere'));
    expect(store.savedSearchesIn('C1').map((s) => s.query)).toEqual(['ferry strike', 'harbour']);
    expect(store.savedSearch(first.id)).toMatchObject({
      query: 'ferry strike',
      checkedRun: 3,
      toldNotInChannel: false,
    });
    expect(store.removeSavedSearch(first.id)).toBe(true);
    expect(store.removeSavedSearch(first.id)).toBe(false);
    expect(store.savedSearchesIn('C1').map((s) => s.id)).toEqual([second.id]);
    expect(store.activeSavedSearchCount()).toBe(2);
  });

  it(`refuses more than ${maxSavedSearchesPerChannel} in one channel, not in another`, () => {
    const store = freshStore();
    for (let i = 0; i < maxSavedSearchesPerChannel; i++)
      expect(store.saveSearch(search('C1', `q${i}`))).toBeDefined();
    expect(store.saveSearch(search('C1', 'one too many'))).toBeUndefined();
    expect(store.saveSearch(search('C2', 'fine here'))).toBeDefined();
  });

  it('remembers announced articles per saved search and moves the checked run forward only', () => {
    const store = freshStore();
    const a = store.saveSearch(search('C1', 'a'))!;
    const b = store.saveSearch(search('C1', 'b'))!;
    store.recordAlert(a.id, ['k1', 'k2'], 5, '2026-11-30T11:00:00Z');
    store.recordAlert(a.id, ['k2'], 4, '2026-11-30T11:00:00Z');
    expect([...store.announcedKeys(a.id, ['k1', 'k2', 'k3'])].sort()).toEqual(['k1', 'k2']);
    expect(store.announcedKeys(b.id, ['k1']).size).toBe(0);
    expect(store.savedSearch(a.id)?.checkedRun).toBe(5);
  });

  it('disables a saved search: no longer active or listed', () => {
    const store = freshStore();
    const a = store.saveSearch(search('C1', 'a'))!;
    store.disableSavedSearch(a.id, 'channel archived', '2026-11-30T12:00:00Z');
    expect(store.activeSavedSearches()).toEqual([]);
    expect(store.savedSearchesIn('C1')).toEqual([]);
    expect(store.savedSearch(a.id)).toBeUndefined();
  });

  it('remembers that the saver was told the bot cannot post', () => {
    const store = freshStore();
    const a = store.saveSearch(search('C1', 'a'))!;
    store.setToldNotInChannel(a.id, true);
    expect(store.savedSearch(a.id)?.toldNotInChannel).toBe(true);
    store.setToldNotInChannel(a.id, false);
    expect(store.savedSearch(a.id)?.toldNotInChannel).toBe(false);
  });
});

describe('StateStore feedback', () => {
  it('counts one vote per person per query, the latest winning, and lists the most disappointing', () => {
    const store = freshStore();
    store.recordVote('U1', 'ferry', 1, '2026-11-30T10:00:00Z');
    store.recordVote('U1', 'ferry', -1, '2026-11-30T10:01:00Z');
    store.recordVote('U2', 'ferry', -1, '2026-11-30T10:02:00Z');
    store.recordVote('U3', 'harbour', -1, '2026-11-30T10:03:00Z');
    store.recordVote('U3', 'lighthouse', 1, '2026-11-30T10:04:00Z');
    expect(store.feedbackSummary()).toEqual({
      up: 1,
      down: 3,
      disappointing: [
        { query: 'ferry', down: 2, up: 0 },
        { query: 'harbour', down: 1, up: 0 },
      ],
    });
  });

  it('is empty before anyone votes', () => {
    expect(freshStore().feedbackSummary()).toEqual({ up: 0, down: 0, disappointing: [] });
  });
});
