/**
 * Slack mrkdwn, safely. Every piece of text that comes from an article or a user passes through
 * `escapeMrkdwn` before it reaches Slack: with `&`, `<` and `>` escaped, no archive text can ping
 * `@channel`/`@here`/a user (`<!channel>`, `<@U123>`) or forge a link (`<https://x|y>`). Links and
 * user mentions that Readout itself adds are built here from validated parts only.
 *
 * The other direction, `plainTextFromSlack`, turns the formatted text Slack sends us (a mention's
 * message, a thread's first message) back into what the person typed, for use as a query.
 */

// Bidirectional embeddings, overrides and isolates: invisible, they make text (a headline, an
// outlet, a link's label) display in another order than it is stored.
const bidiControls = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes the three characters Slack's mrkdwn treats as control characters, and drops the
 * bidirectional override characters (a reversed "moc.elgoog" must not read as google.com).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(bidiControls, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undoes `escapeMrkdwn` (Slack escapes `&`, `<`, `>` in the message text it sends). */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The URL if it is an absolute http(s) URL, normalised and safe to put inside `<…|…>`; otherwise
 * null (archive metadata is not trusted: `javascript:`, relative paths and junk are dropped).
 *
 * @example safeLinkUrl('https://example.org/a?b=1&c=2') // 'https://example.org/a?b=1&amp;c=2'
 */
export function safeLinkUrl(raw: string | null | undefined): string | null {
  const url = parsedLinkUrl(raw);
  if (!url) return null;
  // Credentials before the host (`https://slack.com@evil.example`) only disguise where it leads.
  url.username = '';
  url.password = '';
  // `|` would end the URL part of a link early; the URL parser leaves it unencoded.
  const href = escapeMrkdwn(url.href.replace(/\|/g, '%7C'));
  // Too long to keep whole in an attribution line: no link rather than half of one.
  return href.length > maxLinkUrlLength ? null : href;
}

/** Longest link URL Readout writes (an attribution line holds a few of them at most, in 3,000 characters). */
export const maxLinkUrlLength = 1000;

function parsedLinkUrl(raw: string | null | undefined): URL | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed) || /\s/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url : null;
}

/**
 * The real host of a URL that names another before an `@` (`https://slack.com@evil.example` →
 * "evil.example"), to show beside its link; undefined for an ordinary URL.
 */
export function disguisedHost(raw: string | null | undefined): string | undefined {
  const url = parsedLinkUrl(raw);
  return url && (url.username || url.password) ? url.host : undefined;
}

/** A link `<url|label>` when the URL is safe, else just the escaped label. */
export function link(url: string | null | undefined, label: string): string {
  const href = safeLinkUrl(url);
  const text = escapeMrkdwn(label);
  return href ? `<${href}|${text}>` : text;
}

/** `<@U123>` for a well-formed user ID; anything else is shown as escaped text, never parsed. */
export function mentionUser(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** `<#C123>` for a well-formed channel ID; anything else is shown as escaped text. */
export function mentionChannel(channelId: string): string {
  return /^[CGD][A-Z0-9]{2,}$/.test(channelId) ? `<#${channelId}>` : escapeMrkdwn(channelId);
}

/**
 * Escapes `text` and wraps each marked range in `*bold*`. Marks are [start, end) UTF-16 offsets,
 * sorted and not overlapping (the ReadoutAnswer contract). Marks are narrowed to exclude
 * surrounding whitespace (Slack does not render `* word*` as bold) and touching marks are merged.
 */
export function boldMarks(text: string, marks: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let position = 0;
  for (const [start, end] of normaliseMarks(text, marks)) {
    out += `${escapeMrkdwn(text.slice(position, start))}*${escapeMrkdwn(text.slice(start, end))}*`;
    position = end;
  }
  return out + escapeMrkdwn(text.slice(position));
}

/** Clamps, trims, drops empty and merges touching marks; skips any that overlap an earlier one. */
export function normaliseMarks(
  text: string,
  marks: ReadonlyArray<readonly [number, number]>,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [rawStart, rawEnd] of marks) {
    let start = Math.max(0, Math.min(rawStart, text.length));
    let end = Math.max(start, Math.min(rawEnd, text.length));
    while (start < end && /\s/.test(text[start]!)) start += 1;
    while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
    if (start >= end) continue;
    const previous = out.at(-1);
    if (previous && start < previous[1]) continue;
    if (previous && start === previous[1]) previous[1] = end;
    else out.push([start, end]);
  }
  return out;
}

/**
 * Renders a passage as a mrkdwn block quote: every line starts with `>`, matched words in bold.
 * Marks that span a line break are split so each line's bold markers pair up.
 */
export function quoteWithMarks(text: string, marks: ReadonlyArray<readonly [number, number]>): string {
  const lines: string[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    const lineMarks = marks
      .filter(([start, end]) => start < lineEnd && end > lineStart)
      .map(([start, end]): [number, number] => [
        Math.max(start, lineStart) - lineStart,
        Math.min(end, lineEnd) - lineStart,
      ]);
    const rendered = boldMarks(line, lineMarks);
    lines.push(rendered.trim() ? `>${rendered}` : '>');
    lineStart = lineEnd + 1;
  }
  return lines.join('\n');
}

/**
 * What a person typed, from the text of a Slack message: user and special mentions are dropped,
 * links become their label (or address), channel links their name, and entities are unescaped.
 *
 * @example plainTextFromSlack('<@U1> obama &amp; <https://x.org|putin>') // 'obama & putin'
 */
export function plainTextFromSlack(text: unknown): string {
  // A payload is not trusted to carry a string where Slack would.
  if (typeof text !== 'string') return '';
  const withoutMarkup = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@') || target.startsWith('!')) return ' ';
    if (target.startsWith('#')) return label ? `#${label}` : ' ';
    if (label) return label;
    return target.replace(/^mailto:/, '');
  });
  return unescapeMrkdwn(withoutMarkup).replace(/\s+/g, ' ').trim();
}

/**
 * Cuts text to at most `max` characters at a word boundary, ending with '…'. Never splits a
 * surrogate pair.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  let cut = text.slice(0, max - 1);
  // Drop the last word if the cut went through it (and dropping it loses little).
  const cutMidWord = /\S/.test(text[max - 1]!);
  const lastSpace = cut.search(/\s\S*$/);
  if (cutMidWord && lastSpace > max * 0.6) cut = cut.slice(0, lastSpace);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
