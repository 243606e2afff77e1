import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

// In a process of its own (a test worker may have loaded compromise for another file already),
// from the compiled modules the bot runs (built by test/global-setup.ts).
function loadedAfter(steps: string): string {
  const dist = (file: string) => JSON.stringify(path.join(projectRoot, 'dist', file));
  const script = `(async () => {
    const loaded = () => Object.keys(require.cache).some((file) => file.includes('compromise'));
    const said = [];
    await import(${dist('src/slack/app.js')});
    await import(${dist('src/readout.js')});
    said.push(loaded());
    ${steps}
    said.push(loaded());
    console.log(said.join(' '));
  })()`;
  return execFileSync(process.execPath, ['-e', script], { cwd: projectRoot, encoding: 'utf8' }).trim();
}

describe('compromise', () => {
  it('is not loaded by the bot’s modules, only when the comparison or the key terms ask for it', () => {
    // The bot's app (every listener) and the one readout() path, nothing asked: not loaded.
    expect(loadedAfter('')).toBe('false false');
    const keyTerms = JSON.stringify(path.join(projectRoot, 'dist/src/search/key-terms.js'));
    const askKeyTerms = `(await import(${keyTerms})).keyTermsQuery('Mayor Ada Lund closed the harbour.');`;
    expect(loadedAfter(askKeyTerms)).toBe('false true');
  });
});
