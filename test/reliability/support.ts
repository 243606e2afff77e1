/**
 * What the reliability suite's files share: asking Readout over its transport and reading the
 * answer, archives big enough to keep a re-index busy, SQLite checks on real files, and the
 * search for secrets in everything the app printed or sent.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { secrets as harnessSecrets } from '../slack/harness.js';
import { botSecrets } from '../support/bot-process.js';
import { markdownArticle, writeFiles } from '../support/fixtures.js';
import type { SentMessage } from '../support/sent-message.js';
import { type Delivery, type SlackStandIn, slashCommand } from '../support/slack-stand-in/index.js';

export { quotes, type SentMessage } from '../support/sent-message.js';

/** Sends `/readout text` and resolves with the message Readout sent to the response_url. */
export async function ask(
  standIn: SlackStandIn,
  delivery: Delivery,
  text: string,
  options: { userId?: string; channelId?: string } = {},
): Promise<SentMessage> {
  const responseUrl = standIn.responseUrl();
  const delivered = await delivery.deliver(slashCommand({ text, responseUrl, ...options }));
  if (delivered.status !== undefined && delivered.status !== 200) {
    throw new Error(`/readout ${text}: the app answered HTTP ${delivered.status}`);
  }
  return (await standIn.waitForResponse(responseUrl)).body as SentMessage;
}

/** All the mrkdwn/plain text of a message: fallback, sections, context elements, buttons. */
export function allText(message: SentMessage): string[] {
  const texts = [message.text ?? ''];
  for (const block of message.blocks ?? []) {
    if (block.type === 'section') texts.push(block.text?.text ?? '');
    if (block.type === 'context') {
      for (const element of block.elements) if ('text' in element) texts.push(element.text);
    }
    if (block.type === 'actions') {
      for (const element of block.elements) if (element.type === 'button') texts.push(element.text.text);
    }
  }
  return texts;
}

/** A paragraph of `count` sentences about `topic`. */
export function paragraph(topic: string, count = 6): string {
  return Array.from(
    { length: count },
    (_, i) => `Sentence ${i} of the report on ${topic} describes the harbour, the tide and the council.`,
  ).join(' ');
}

/**
 * Writes `count` articles under `dir/subfolder`, each with eight paragraphs mentioning `word`:
 * enough text that a re-index of a few hundred of them writes megabytes inside its transaction.
 */
export function writeBulkArticles(dir: string, subfolder: string, count: number, word: string): void {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 8 }, (_, p) => paragraph(`${word} item${i} part${p}`)).join('\n\n');
    files[`${subfolder}/${i}.md`] = markdownArticle(
      { title: `${word} story number ${i}`, source: 'Reliability Wire', published: '2022-05-01' },
      body,
    );
  }
  writeFiles(dir, files);
}

/** `PRAGMA integrity_check` of a database file, through a connection of its own. */
export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Article titles in a database file, sorted, through a read-only connection of its own. */
export function articleTitles(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT title FROM articles ORDER BY title').pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

/** The bytes of a file and the files SQLite keeps beside it, to prove nothing changed. */
export function fileBytes(file: string): string {
  return fs.readFileSync(file).toString('base64');
}

/** The tokens and signing secrets the suite configures (in-process harness and real processes). */
export const testSecrets: string[] = [...Object.values(harnessSecrets), ...Object.values(botSecrets)];

/** Every test secret, and every long piece of one, found in `text`. */
export function leakedSecrets(text: string): string[] {
  const found = new Set<string>();
  for (const secret of testSecrets) {
    if (text.includes(secret)) found.add(secret);
    // A secret cut or wrapped still leaks: look for its distinctive middle too.
    const middle = secret.slice(5, 5 + 16);
    if (middle.length >= 12 && text.includes(middle)) found.add(`${middle}… (part of a secret)`);
  }
  return [...found];
}

/** Asserts that none of `outputs` (log lines, process output, messages sent) holds a secret. */
export function expectNoSecrets(outputs: string[], what: string): void {
  const leaks = outputs.flatMap((output) => leakedSecrets(output));
  expect(leaks, `${what} printed a secret`).toEqual([]);
}

/**
 * What Readout sent to Slack, as text to search for secrets: arguments and bodies, without the
 * token it authenticates with (the Authorization header, or a `token` argument: where a token
 * belongs).
 */
export function sentToSlack(standIn: SlackStandIn): string[] {
  return standIn.records.map((record) => {
    if (record.kind !== 'api') return JSON.stringify(record);
    const { token: _token, ...args } = record.args;
    return JSON.stringify({ method: record.method, args });
  });
}

export function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Whether another connection holds `file`'s write lock (a re-index inside its transaction). */
export function writeLockHeld(file: string): boolean {
  const probe = new Database(file, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    probe.close();
  }
}

/** Resolves once every thread of `pid` is stopped (Linux /proc; elsewhere after a short pause). */
export async function stopped(pid: number): Promise<void> {
  const taskDir = `/proc/${pid}/task`;
  if (!fs.existsSync(taskDir)) return new Promise((resolve) => setTimeout(resolve, 20));
  for (let attempt = 0; attempt < 500; attempt++) {
    const states = fs
      .readdirSync(taskDir)
      .map((task) => fs.readFileSync(`${taskDir}/${task}/stat`, 'utf8').replace(/^.*\) /s, '')[0]);
    if (states.every((state) => state === 'T' || state === 't')) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`process ${pid} did not stop`);
}

/** Clock ticks per second of /proc/PID/stat's CPU times (USER_HZ: 100 on Linux). */
const clockTicksPerSecond = 100;

/**
 * CPU time (user + system, all threads) a process has used so far, in ms; undefined once it is
 * gone. Progress measured in CPU time hardly depends on how busy the machine is, unlike wall-clock
 * time: a test that picks a moment this way picks the same point of the work on a loaded machine.
 */
export function cpuMs(pid: number): number | undefined {
  try {
    const fields = fs
      .readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    // After the command: state is field 3, utime 14 and stime 15 (1-based) → indexes 11 and 12.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}

/** Resolves once `child` has used `targetMs` of CPU time, or has exited. */
export async function untilCpu(child: ChildProcess, targetMs: number): Promise<void> {
  for (;;) {
    const used = cpuMs(child.pid!);
    if (used === undefined || used >= targetMs || !running(child)) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Freezes the re-index, reports whether it is inside its write transaction, and leaves it
 * frozen. Frozen, it cannot race the probe for the lock (its BEGIN uses busy_timeout 0).
 */
export async function freezeAndProbe(child: ChildProcess, file: string): Promise<boolean> {
  child.kill('SIGSTOP');
  await stopped(child.pid!);
  return writeLockHeld(file);
}

/** Freezes and probes every few milliseconds until the re-index is inside its transaction. */
export async function untilInTransaction(child: ChildProcess, file: string): Promise<void> {
  for (;;) {
    if (!running(child)) throw new Error('the re-index exited before it began its transaction');
    if (await freezeAndProbe(child, file)) {
      child.kill('SIGCONT');
      return;
    }
    child.kill('SIGCONT');
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}
