/**
 * Builds dist/ once before the tests: the tests that start Readout as a real process (the bot,
 * the re-index, the CLI) run the compiled JavaScript, exactly as `npm start` and systemd do.
 * tsc is incremental, so an up-to-date build costs about a second.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../src/paths.js';

export default function buildOnce(): void {
  execFileSync(
    process.execPath,
    [path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
    {
      cwd: projectRoot,
      stdio: 'inherit',
    },
  );
}
