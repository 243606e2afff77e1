/**
 * A Bolt Receiver for the terminal: each line typed becomes the payload Slack would send (a
 * `/readout` command, an `app_mention` event, a button press on the latest private answer,
 * an `app_home_opened` event, a message shortcut and the submission of the form it opens) and
 * goes through `app.processEvent`, so the same listeners answer it. Lines are handled one at a time, in order; on a terminal they are edited with
 * readline (history, a prompt), see line-reader.ts.
 */
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { App, Receiver } from '@slack/bolt';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';
import { actionIds } from '../slack/ui/render-answer.js';
import { compareActionIds } from '../slack/ui/render-comparison.js';
import { searchFormIds } from '../slack/ui/render-search-form.js';
import { timelineActionIds } from '../slack/ui/render-timeline.js';
import type { ConsoleSlack } from './console-slack.js';
import { searchFormSubmission, shortcutPayload } from './form-payloads.js';
import { lineReaderOptions } from './line-reader.js';
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionsPayload,
  eventCallbackPayload,
  mentionText,
  slashCommandPayload,
} from './slack-payloads.js';

export type ConsoleLine =
  | { kind: 'command'; text: string }
  | { kind: 'mention'; text: string }
  | { kind: 'press'; actionId: string; label: string; nth?: number }
  | { kind: 'home' }
  | { kind: 'shortcut'; text: string }
  | { kind: 'submit'; text: string }
  | { kind: 'reindex' }
  | { kind: 'quit' }
  | { kind: 'unknown_command'; command: string }
  | { kind: 'empty' };

const buttonWords: Record<string, { actionId: string; label: string }> = {
  share: { actionId: actionIds.share, label: 'Share in channel' },
  more: { actionId: actionIds.more, label: 'More results' },
  earlier: { actionId: timelineActionIds.earlier, label: 'Earlier' },
  later: { actionId: timelineActionIds.later, label: 'Later' },
  dismiss: { actionId: actionIds.dismiss, label: 'Dismiss' },
  good: { actionId: actionIds.helpful, label: '👍' },
  bad: { actionId: actionIds.unhelpful, label: '👎' },
};

/** Buttons that one word presses too, where the latest answer has them instead (a comparison's or a timeline's Share). */
const alsoPressed: Record<string, string[]> = {
  [actionIds.share]: [compareActionIds.share, timelineActionIds.share],
};

/**
 * What a typed line means. `/readout …` is the command, `@readout …` a mention, `share`, `more`,
 * `earlier`, `later`, `good`, `bad` and `dismiss` press the buttons of the latest answer (`event N` a
 * comparison's Nth other event), `home` opens the Home tab,
 * `shortcut TEXT` uses "Search archive for this" on a message TEXT (alone: the global shortcut),
 * `submit [WORDS]` sends the form it opened, `reindex` re-indexes the archive now (saved
 * searches then post what is new), `quit` ends; any other line (`watch …`, `watching`,
 * `unwatch N` and `timeline …` included) is read as if typed after `/readout`.
 */
export function parseConsoleLine(line: string): ConsoleLine {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  const command = /^\/(\S+)\s*([\s\S]*)$/.exec(text);
  if (command) {
    return command[1]!.toLowerCase() === 'readout'
      ? { kind: 'command', text: command[2]!.trim() }
      : { kind: 'unknown_command', command: `/${command[1]}` };
  }
  const mention = /^@readout(?:\s+([\s\S]*))?$/i.exec(text);
  if (mention) return { kind: 'mention', text: (mention[1] ?? '').trim() };
  const word = text.toLowerCase();
  const button = buttonWords[word];
  if (button) return { kind: 'press', ...button };
  const event = /^event\s+(\d{1,2})$/.exec(word);
  if (event)
    return { kind: 'press', actionId: compareActionIds.event, label: word, nth: Number(event[1]) - 1 };
  if (word === 'home') return { kind: 'home' };
  if (word === 'reindex') return { kind: 'reindex' };
  const form = /^(shortcut|submit)(?:\s+([\s\S]*))?$/i.exec(text);
  if (form) return { kind: form[1]!.toLowerCase() as 'shortcut' | 'submit', text: (form[2] ?? '').trim() };
  if (word === 'quit' || word === 'exit') return { kind: 'quit' };
  return { kind: 'command', text };
}

export interface ConsoleReceiverOptions {
  input: Readable;
  /** Where typing is echoed: with a TTY input and output, lines are edited there, with history. */
  output?: Writable;
  slack: ConsoleSlack;
  print: (text: string) => void;
  logger: Logger;
  /** Shown before each line when reading from a terminal. */
  prompt?: string;
  /** `reindex`: re-indexes the archive and says what changed. */
  reindex?: () => Promise<void>;
}

export class ConsoleReceiver implements Receiver {
  private app?: App;
  private lines?: readline.Interface;
  private idCount = 0;
  private stopping = false;
  private resolveFinished!: () => void;
  /** Resolves when the input ends, the person types `quit`, or the receiver is stopped. */
  readonly finished = new Promise<void>((resolve) => {
    this.resolveFinished = resolve;
  });

  constructor(private readonly options: ConsoleReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    // Stopped (Ctrl-C) while the app was starting: read nothing.
    if (this.stopping) return this.resolveFinished();
    const { input, output, prompt = '> ' } = this.options;
    const options = lineReaderOptions(input, output, prompt);
    const lines = readline.createInterface(options);
    this.lines = lines;
    // Ctrl-C at the terminal (readline reads it as a key, so no signal reaches the process):
    // end like quit, after the line being answered, so the app and the database close cleanly.
    lines.on('SIGINT', () => {
      this.options.print('\n');
      void this.stop();
    });
    void this.readLines(lines, options.terminal === true);
  }

  /** Stops reading: the line being answered is finished, the rest are not read. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.lines?.close();
  }

  /** Handles one typed line and resolves when the app has finished answering it. */
  async handleLine(line: string): Promise<'continue' | 'quit'> {
    const parsed = parseConsoleLine(line);
    const { slack, print } = this.options;
    const { workspace } = slack;
    switch (parsed.kind) {
      case 'empty':
        return 'continue';
      case 'quit':
        return 'quit';
      case 'unknown_command':
        print(`Only /readout is known here, not ${parsed.command}.\n`);
        return 'continue';
      case 'command':
        await this.dispatch(
          slashCommandPayload(workspace, {
            text: parsed.text,
            responseUrl: slack.responseUrl(),
            triggerId: this.nextId('console-trigger-'),
          }),
        );
        return 'continue';
      case 'mention': {
        const ts = slack.postAsUser(mentionText(workspace, parsed.text));
        await this.dispatchEvent(appMentionEvent(workspace, { text: parsed.text, ts }));
        return 'continue';
      }
      case 'home':
        await this.dispatchEvent(appHomeOpenedEvent(workspace, { eventTs: slack.nextTs() }));
        return 'continue';
      case 'reindex':
        if (this.options.reindex) await this.options.reindex();
        else print('Re-indexing is not available here.\n');
        return 'continue';
      case 'shortcut':
        await this.dispatch(shortcutPayload(slack, parsed.text, this.nextId('console-trigger-')));
        return 'continue';
      case 'submit': {
        const form = slack.latestView;
        if (form?.view.callback_id !== searchFormIds.callback) {
          print('There is no search form to submit: type shortcut, or shortcut and a message.\n');
          return 'continue';
        }
        await this.dispatch(searchFormSubmission(slack, form, parsed.text));
        return 'continue';
      }
      case 'press': {
        const found =
          slack.findButton(parsed.actionId, parsed.nth) ??
          (alsoPressed[parsed.actionId] ?? []).map((actionId) => slack.findButton(actionId)).find(Boolean);
        if (!found) {
          print(`There is no answer with a “${parsed.label}” button to press.\n`);
          return 'continue';
        }
        await this.dispatch(
          blockActionsPayload(workspace, {
            button: found.button,
            responseUrl: slack.responseUrl(found.messageId),
            triggerId: this.nextId('console-trigger-'),
            messageTs: found.ts,
          }),
        );
        return 'continue';
      }
    }
  }

  private nextId(prefix: string): string {
    this.idCount += 1;
    return `${prefix}${this.idCount}`;
  }

  private dispatchEvent(event: Record<string, unknown>): Promise<void> {
    const { workspace } = this.options.slack;
    return this.dispatch(eventCallbackPayload(workspace, event, { eventId: this.nextId('EvCONSOLE') }));
  }

  private async dispatch(body: Record<string, unknown>): Promise<void> {
    try {
      await this.app!.processEvent({
        body,
        ack: async (response?: unknown) => {
          // Listeners ack empty and answer through response_url; print anything else they send.
          if (response)
            this.options.print(`${typeof response === 'string' ? response : JSON.stringify(response)}\n`);
        },
      });
    } catch (error) {
      this.options.logger.error('console: the app failed to handle a line', { error: describeError(error) });
    }
  }

  private async readLines(lines: readline.Interface, terminal: boolean): Promise<void> {
    // Ctrl-D closes the interface while a line is still being answered: then no prompt follows.
    let open = true;
    lines.once('close', () => {
      open = false;
    });
    if (terminal) lines.prompt();
    try {
      for await (const line of lines) {
        if (this.stopping) break;
        if ((await this.handleLine(line)) === 'quit' || this.stopping) break;
        if (terminal && open) lines.prompt();
      }
    } finally {
      lines.close();
      this.resolveFinished();
    }
  }
}
