/**
 * The re-index helper process (see helper-process.ts): prepares the files it is sent in batches,
 * and answers each prepared file on its own and, at the end, the vocabulary it counted. It never opens
 * the database. It exits when the re-index asks, or when the re-index process goes away.
 */

import { VocabularyTally } from '../index/vocabulary-tally.js';
import type { FromHelper, ToHelper } from './helper-process.js';
import { prepareCounted } from './prepare-file.js';

const tally = new VocabularyTally();
const reply = (message: FromHelper, then?: () => void) => process.send!(message, undefined, undefined, then);

process.on('message', (message: ToHelper) => {
  try {
    if (message.type === 'jobs') {
      for (const job of message.jobs) reply({ type: 'prepared', prepared: prepareCounted(job, tally) });
    } else {
      // Disconnect only once the (large) answer is out, or it may be lost.
      reply({ type: 'vocabulary', entries: tally.entries() }, () => process.disconnect());
    }
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
// A killed re-index closes the channel: nothing more to do.
process.on('disconnect', () => process.exit(0));
// Loaded and listening: the re-index starts timing each file from here, not from the fork.
reply({ type: 'ready' });
