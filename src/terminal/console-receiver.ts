/**
 * A Bolt Receiver for the terminal: each line typed becomes the payload Slack would send (a
 * `/readout` command, an `app_mention` event, a button press on the latest private answer,
 * an `app_home_opened` event, a message shortcut and the submission of the form it opens) and
 * goes through `app.processEvent`, so the same listeners answer it. Lines are handled one at a
 * time, in order.
 */
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import type { App, Receiver } from '@slack/bolt';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';
import { actionIds } from '../slack/ui/render-answer.js';
import { searchFormIds } from '../slack/ui/render-search-form.js';
import type { ConsoleSlack } from './console-slack.js';
import { searchFormSubmission, shortcutPayload } from './form-payloads.js';

export type ConsoleLine =
  | { kind: 'command'; text: string }
  | { kind: 'mention'; text: string }
  | { kind: 'press'; actionId: string; label: string }
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
  dismiss: { actionId: actionIds.dismiss, label: 'Dismiss' },
  good: { actionId: actionIds.helpful, label: '👍' },
  bad: { actionId: actionIds.unhelpful, label: '👎' },
};

/**
 * What a typed line means. `/readout …` is the command, `@readout …` a mention, `share`, `more`,
 * `good`, `bad` and `dismiss` press the buttons of the latest answer, `home` opens the Home tab,
 * `shortcut TEXT` uses "Search archive for this" on a message TEXT (alone: the global shortcut),
 * `submit [WORDS]` sends the form it opened, `reindex` re-indexes the archive now (saved
 * searches then post what is new), `quit` ends; any other line (`watch …`, `watching`,
 * `unwatch N` included) is read as if typed after `/readout`.
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
  if (word === 'home') return { kind: 'home' };
  if (word === 'reindex') return { kind: 'reindex' };
  const form = /^(shortcut|submit)(?:\s+([\s\S]*))?$/i.exec(text);
  if (form) return { kind: form[1]!.toLowerCase() as 'shortcut' | 'submit', text: (form[2] ?? '').trim() };
  if (word === 'quit' || word === 'exit') return { kind: 'quit' };
  return { kind: 'command', text };
}

/** Escapes text as Slack does in the payloads it sends. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface ConsoleReceiverOptions {
  input: Readable;
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
  private eventCount = 0;
  private resolveFinished!: () => void;
  /** Resolves when the input ends or the person types `quit`. */
  readonly finished = new Promise<void>((resolve) => {
    this.resolveFinished = resolve;
  });

  constructor(private readonly options: ConsoleReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    const lines = readline.createInterface({ input: this.options.input, terminal: false });
    this.lines = lines;
    void this.readLines(lines);
  }

  async stop(): Promise<void> {
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
        await this.dispatch({
          token: 'console',
          team_id: workspace.teamId,
          team_domain: 'console',
          channel_id: workspace.channelId,
          channel_name: 'console',
          user_id: workspace.userId,
          user_name: 'you',
          command: '/readout',
          text: slackEscape(parsed.text),
          api_app_id: 'A0READOUT',
          response_url: slack.responseUrl(),
          trigger_id: `console-${this.eventCount}`,
        });
        return 'continue';
      case 'mention': {
        const text = `<@${workspace.botUserId}> ${slackEscape(parsed.text)}`.trim();
        const ts = slack.postAsUser(text);
        await this.dispatch(
          this.eventCallback({
            type: 'app_mention',
            user: workspace.userId,
            text,
            ts,
            channel: workspace.channelId,
            event_ts: ts,
          }),
        );
        return 'continue';
      }
      case 'reindex':
        if (this.options.reindex) await this.options.reindex();
        else print('Re-indexing is not available here.\n');
        return 'continue';
      case 'shortcut':
        this.eventCount += 1;
        await this.dispatch(shortcutPayload(slack, parsed.text, `console-${this.eventCount}`));
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
      case 'home':
        await this.dispatch(
          this.eventCallback({
            type: 'app_home_opened',
            user: workspace.userId,
            channel: 'D0CONSOLE',
            tab: 'home',
            event_ts: '0',
          }),
        );
        return 'continue';
      case 'press': {
        const found = slack.findButton(parsed.actionId);
        if (!found) {
          print(`There is no answer with a “${parsed.label}” button to press.\n`);
          return 'continue';
        }
        await this.dispatch({
          type: 'block_actions',
          user: { id: workspace.userId, username: 'you', name: 'you', team_id: workspace.teamId },
          api_app_id: 'A0READOUT',
          token: 'console',
          container: {
            type: 'message',
            message_ts: '0',
            channel_id: workspace.channelId,
            is_ephemeral: true,
          },
          trigger_id: `console-${this.eventCount}`,
          team: { id: workspace.teamId, domain: 'console' },
          channel: { id: workspace.channelId, name: 'console' },
          response_url: slack.responseUrl(found.messageId),
          actions: [
            {
              type: 'button',
              action_id: found.button.action_id,
              block_id: 'readout_actions',
              text: { type: 'plain_text', text: found.button.text.text },
              value: found.button.value,
              action_ts: '0',
            },
          ],
        });
        return 'continue';
      }
    }
  }

  private eventCallback(event: Record<string, unknown>): Record<string, unknown> {
    this.eventCount += 1;
    return {
      token: 'console',
      team_id: this.options.slack.workspace.teamId,
      api_app_id: 'A0READOUT',
      type: 'event_callback',
      event_id: `EvCONSOLE${this.eventCount}`,
      event_time: Math.floor(Date.now() / 1000),
      event,
    };
  }

  private async dispatch(body: Record<string, unknown>): Promise<void> {
    this.eventCount += 1;
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

  private async readLines(lines: readline.Interface): Promise<void> {
    const { prompt, print } = this.options;
    if (prompt) print(prompt);
    try {
      for await (const line of lines) {
        if ((await this.handleLine(line)) === 'quit') break;
        if (prompt) print(prompt);
      }
    } finally {
      lines.close();
      this.resolveFinished();
    }
  }
}
