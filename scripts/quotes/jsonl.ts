/**
 * Reading paragraph-per-line JSONL (`{"id", "doc", "text", ...}`) one article at a time: the lines
 * of one article are consecutive and share `doc`, so only one article is ever held in memory.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One input line: its record when it parsed as a paragraph, else why not. */
export type ParagraphLine =
  | { ok: true; id: string; doc: string; text: string; record: Record<string, unknown> }
  | { ok: false; id: string | null; problem: string };

/**
 * Parses one JSONL line as a paragraph record.
 *
 * @example parseParagraphLine('{"id":"a:p0","doc":"a","text":"Hi."}') // { ok: true, id: 'a:p0', ... }
 */
export function parseParagraphLine(line: string): ParagraphLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, id: null, problem: `not JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, id: null, problem: 'not a JSON object' };
  }
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : null;
  if (typeof record.text !== 'string') return { ok: false, id, problem: 'no "text" string' };
  if (id === null) return { ok: false, id, problem: 'no "id"' };
  const doc = typeof record.doc === 'string' || typeof record.doc === 'number' ? String(record.doc) : id;
  return { ok: true, id, doc, text: record.text, record };
}

/**
 * Yields the lines of a JSONL file grouped into articles (runs of consecutive lines with one
 * `doc`); a malformed line (a blank one too: every line gets its answer) is yielded with the
 * article it sits in. `file` may be `/dev/stdin`.
 */
export async function* readArticles(file: string): AsyncGenerator<ParagraphLine[]> {
  // /dev/stdin may be a socket (a spawned child's pipe), which fs cannot open: read the stream itself.
  const input = file === '/dev/stdin' || file === '-' ? process.stdin : createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let article: ParagraphLine[] = [];
  let doc: string | null = null;
  for await (const raw of lines) {
    const line = parseParagraphLine(raw);
    if (line.ok && doc !== null && line.doc !== doc && article.length > 0) {
      yield article;
      article = [];
    }
    if (line.ok) doc = line.doc;
    article.push(line);
  }
  if (article.length > 0) yield article;
}
