/**
 * The re-index helper process (see helper-process.ts): prepares the files it is sent in batches,
 * and answers each prepared file on its own. It never opens the database. It exits when the
 * re-index process goes away (or stops it).
 */

import type { FromHelper, ToHelper } from './helper-process.js';
import { prepareFile } from './prepare-file.js';

const reply = (message: FromHelper) => process.send!(message);

process.on('message', (message: ToHelper) => {
  try {
    for (const job of message.jobs) reply({ type: 'prepared', prepared: prepareFile(job) });
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
// A killed re-index closes the channel: nothing more to do.
process.on('disconnect', () => process.exit(0));
// Loaded and listening: the re-index starts timing each file from here, not from the fork.
reply({ type: 'ready' });
