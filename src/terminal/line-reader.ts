/**
 * Where the console's lines come from. On a terminal (input and output both TTYs) readline edits
 * the line: arrow keys move in it, up and down recall earlier lines, and a prompt shows when
 * Readout is ready. From a pipe or a file it reads plain lines with no prompt and no echo, so a
 * script can feed the console and parse what comes back.
 */
import type readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** How many earlier lines up-arrow can recall (readline keeps 30 by default). */
export const historySize = 1000;

/** A stream that may be a terminal (process.stdin and process.stdout are tty streams there). */
type MaybeTty<Stream> = Stream & { isTTY?: boolean };

/** Whether lines are typed at a terminal: the input and the output are both TTYs. */
export function isTerminal(input: MaybeTty<Readable>, output?: MaybeTty<Writable>): boolean {
  return Boolean(input.isTTY && output?.isTTY);
}

/**
 * readline's options for the console: `terminal: true` with history and a prompt on a terminal;
 * `terminal: false` otherwise, which also keeps escape sequences out of the lines read.
 */
export function lineReaderOptions(
  input: MaybeTty<Readable>,
  output: MaybeTty<Writable> | undefined,
  prompt: string,
): readline.ReadLineOptions {
  if (!isTerminal(input, output)) return { input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY };
  return {
    input,
    output,
    terminal: true,
    prompt,
    historySize,
    // Recalling a query typed five times should take one keypress, not five.
    removeHistoryDuplicates: true,
  };
}
