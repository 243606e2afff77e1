/** Small formatting helpers shared by the command-line scripts. */

/** `formatBytes(2_400_000)` → "2.3 MB" */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** `formatDuration(48.2)` → "48 ms", `formatDuration(12_345)` → "12.3 s" */
export function formatDuration(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

// C0 and C1 control characters (newline, ESC…), DEL, and the bidirectional overrides and
// isolates that make text display in another order than it is stored.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const unprintable = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from outside (a file name, a reason quoting a file) made safe for one terminal line:
 * control characters become visible escapes, so a name cannot forge a line of the summary,
 * move the cursor or recolour the terminal.
 *
 * `printable('a\nb\u001b[31m')` → "a\\nb\\x1b[31m"
 */
export function printable(text: string): string {
  return text.replace(unprintable, (character) => {
    const code = character.charCodeAt(0);
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    if (character === '\t') return '\\t';
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
