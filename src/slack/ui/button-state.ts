/**
 * What a button remembers: the query text and the page offset, as compact JSON in the button's
 * `value`. Never the answer itself: pressing a button runs the query again, so a shared or
 * paged answer is always the archive's current one and nothing a client could tamper with is
 * shown as Readout's words.
 */

/** Slack's limit on a button's value. */
export const maxButtonValueLength = 2000;

export interface ButtonState {
  /** The query text as typed. */
  q: string;
  /** Offset of the page to show. */
  o: number;
  /** A saved search's alert: only articles of re-index runs after `a`, through `t`. */
  a?: number;
  t?: number;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * Encodes a state for a button value, shortening the query if its JSON would exceed Slack's
 * limit (only a query made mostly of quotes or backslashes can).
 */
export function encodeButtonState(state: ButtonState): string {
  const offset = Math.max(0, Math.trunc(state.o));
  const runs = state.a === undefined ? {} : { a: state.a, t: state.t };
  let query = state.q;
  let value = JSON.stringify({ q: query, o: offset, ...runs });
  while (value.length > maxButtonValueLength && query.length > 0) {
    query = query.slice(0, Math.max(0, query.length - Math.ceil((value.length - maxButtonValueLength) / 2)));
    value = JSON.stringify({ q: query, o: offset, ...runs });
  }
  return value;
}

/** Decodes a button value; null for anything that is not a state this module wrote. */
export function decodeButtonState(value: string | undefined): ButtonState | null {
  if (!value || value.length > maxButtonValueLength) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { q, o, a, t } = parsed as Record<string, unknown>;
  if (typeof q !== 'string' || !isCount(o)) return null;
  if (a === undefined) return { q, o };
  if (!isCount(a) || !(t === undefined || isCount(t))) return null;
  return t === undefined ? { q, o, a } : { q, o, a, t };
}
