/**
 * The console's Slack: an in-process `fetch` that plays the Web API and response_url for the
 * app, and prints every message the app sends as readable text. Given to Bolt as
 * `clientOptions.fetch`, so the app, its listeners and its Web API client are the real ones;
 * only the far end of the wire is the terminal. Nothing leaves the process.
 */
import { actionIds } from '../slack/ui/render-answer.js';
import { compareActionIds } from '../slack/ui/render-comparison.js';
import { messageToText, type TextOptions } from './message-text.js';
import { messageTs, type SlackWorkspace } from './slack-payloads.js';

/** The console's one-person workspace: you, in #console, with Readout. */
export const consoleWorkspace: SlackWorkspace = {
  teamId: 'T0CONSOLE',
  teamDomain: 'console',
  appId: 'A0READOUT',
  botUserId: 'U0READOUT',
  userId: 'U0CONSOLE',
  userName: 'you',
  channelId: 'C0CONSOLE',
  channelName: 'console',
  homeChannelId: 'D0CONSOLE',
  verificationToken: 'console',
};

export interface ConsoleButton {
  action_id: string;
  value?: string;
  text: { text: string };
}

interface PrivateMessage {
  id: number;
  /** Its message timestamp, which a button press on it carries. */
  ts: string;
  buttons: ConsoleButton[];
}

interface ChannelMessage {
  ts: string;
  thread_ts?: string;
  text: string;
  user?: string;
}

type WebApiResult = Record<string, unknown> & { ok: boolean };

// Arguments the Web API client sends as JSON strings inside a form body.
const jsonArguments = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls']);

/** Words that press a button in the console, where the label is not one (👍, 👎). */
export const consoleButtonWords: Record<string, string> = {
  [actionIds.helpful]: 'good',
  [actionIds.unhelpful]: 'bad',
};

/**
 * What to type to press `button`: its word, `event N` for a comparison's Nth other event (`nth`:
 * its place among the buttons with its action), else the first word of its label.
 */
export function consoleButtonWord(button: ConsoleButton, nth = 0): string {
  if (button.action_id === compareActionIds.event) return `event ${nth + 1}`;
  return consoleButtonWords[button.action_id] ?? button.text.text.split(' ')[0]!.toLowerCase();
}

export class ConsoleSlack {
  readonly origin = 'http://readout-console.invalid';
  readonly apiUrl = `${this.origin}/api/`;
  private readonly privateMessages = new Map<number, PrivateMessage>();
  private readonly responseTargets = new Map<string, number | undefined>();
  private readonly channelMessages: ChannelMessage[] = [];
  private messageCount = 0;
  private responseUrlCount = 0;
  private tsCount = 0;
  /** The private answer whose buttons the next `more`/`share`/`dismiss` presses. */
  latestInteractive?: PrivateMessage;
  /** The form (modal) the app opened last, for `submit`. */
  latestView?: { id: string; view: Record<string, unknown> };
  private viewCount = 0;

  constructor(
    private readonly print: (text: string) => void,
    private readonly textOptions: TextOptions,
    readonly workspace: SlackWorkspace = consoleWorkspace,
  ) {}

  /** A response_url; `messageId` when it belongs to a message's buttons (replace/delete act on it). */
  responseUrl(messageId?: number): string {
    this.responseUrlCount += 1;
    const url = `${this.origin}/respond/${this.responseUrlCount}`;
    this.responseTargets.set(url, messageId);
    return url;
  }

  /** Records something the person typed in the channel, as Slack would store it. */
  postAsUser(text: string): string {
    const ts = this.nextTs();
    this.channelMessages.push({ ts, text, user: this.workspace.userId });
    return ts;
  }

  /** The button of the latest private answer whose action ID is `actionId`. */
  findButton(
    actionId: string,
    nth = 0,
  ): { messageId: number; ts: string; button: ConsoleButton } | undefined {
    const message = this.latestInteractive;
    const button = message?.buttons.filter((candidate) => candidate.action_id === actionId)[nth];
    return message && button ? { messageId: message.id, ts: message.ts, button } : undefined;
  }

  /** The `fetch` Bolt and its Web API client use in console mode. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === 'string' ? init.body : '';
    if (url.startsWith(`${this.origin}/respond/`)) {
      this.onResponse(url, JSON.parse(body || '{}') as Record<string, unknown>);
      return json({ ok: true });
    }
    if (url.startsWith(this.apiUrl)) {
      return json(this.onApiCall(url.slice(this.apiUrl.length), parseForm(body)));
    }
    return json({ ok: false, error: 'console_has_no_network' }, 404);
  };

  /** A fresh message timestamp, as Slack gives every message it stores. */
  nextTs(): string {
    this.tsCount += 1;
    return messageTs(this.tsCount);
  }

  private show(heading: string, message: { text?: string; blocks?: unknown[] }): void {
    const rule = this.textOptions.color ? `\u001b[2m── ${heading} ──\u001b[22m` : `── ${heading} ──`;
    this.print(`${rule}\n${messageToText(message, this.textOptions)}\n`);
  }

  private remember(message: { blocks?: unknown[] }, id = this.messageCount + 1): PrivateMessage {
    this.messageCount = Math.max(this.messageCount, id);
    const buttons = ((message.blocks ?? []) as Array<{ type: string; elements?: ConsoleButton[] }>)
      .filter((block) => block.type === 'actions')
      .flatMap((block) => block.elements ?? []);
    // A replaced message keeps its timestamp, as in Slack.
    const stored = { id, ts: this.privateMessages.get(id)?.ts ?? this.nextTs(), buttons };
    this.privateMessages.set(id, stored);
    this.latestInteractive = buttons.length > 0 ? stored : this.latestInteractive;
    if (buttons.length > 0) {
      const names = buttons
        .map((button, index) =>
          consoleButtonWord(
            button,
            buttons.slice(0, index).filter((b) => b.action_id === button.action_id).length,
          ),
        )
        .join(', ');
      this.print(`(type ${names} to press a button)\n`);
    }
    return stored;
  }

  private forget(id: number | undefined): void {
    if (id === undefined) return;
    this.privateMessages.delete(id);
    if (this.latestInteractive?.id === id) this.latestInteractive = undefined;
  }

  private onResponse(url: string, message: Record<string, unknown>): void {
    const target = this.responseTargets.get(url);
    if (message.delete_original) {
      this.forget(target);
      this.print('(Readout removed its private answer)\n');
      return;
    }
    const blocks = message.blocks as unknown[] | undefined;
    const text = message.text as string | undefined;
    if (message.replace_original && target !== undefined) {
      this.show('Readout, replacing its answer (only you can see this)', { text, blocks });
      this.remember({ blocks }, target);
      return;
    }
    const inChannel = message.response_type === 'in_channel';
    this.show(inChannel ? 'Readout in the channel' : 'Readout (only you can see this)', { text, blocks });
    if (!inChannel) this.remember({ blocks });
  }

  private onApiCall(method: string, args: Record<string, unknown>): WebApiResult {
    const text = args.text as string | undefined;
    const blocks = args.blocks as unknown[] | undefined;
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          team_id: this.workspace.teamId,
          user_id: this.workspace.botUserId,
          bot_id: 'B0READOUT',
          user: 'readout',
          team: 'Console',
        };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const threadTs = args.thread_ts as string | undefined;
        this.channelMessages.push({ ts, thread_ts: threadTs, text: text ?? '' });
        this.show(threadTs ? 'Readout, replying in the thread' : 'Readout in the channel', { text, blocks });
        return { ok: true, channel: args.channel, ts };
      }
      case 'chat.postEphemeral':
        this.show('Readout (only you can see this)', { text, blocks });
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update':
        this.show('Readout, updating its message', { text, blocks });
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'conversations.replies': {
        const ts = String(args.ts ?? '');
        const messages = this.channelMessages.filter((m) => m.ts === ts || m.thread_ts === ts);
        return messages.length > 0
          ? { ok: true, messages: messages.slice(0, Number(args.limit ?? 1000)) }
          : { ok: false, error: 'thread_not_found' };
      }
      case 'conversations.info':
        return { ok: true, channel: { id: args.channel, is_member: true, is_archived: false } };
      case 'views.open':
      case 'views.update': {
        const view = (args.view ?? {}) as Record<string, unknown>;
        const id = method === 'views.open' ? `V0FORM${++this.viewCount}` : String(args.view_id ?? '');
        this.latestView = { id, view };
        const title = (view.title as { text?: string } | undefined)?.text ?? 'Readout';
        this.show(`Readout: ${title}`, { blocks: (view.blocks as unknown[]) ?? [] });
        if (view.submit)
          this.print('(type submit to send the form, or submit WORDS to search for other words)\n');
        return { ok: true, view: { id, ...view } };
      }
      case 'chat.unfurl':
        this.show('Readout, previewing a link', {
          blocks: Object.values(args.unfurls ?? {}).flatMap(
            (u) => (u as { blocks?: unknown[] }).blocks ?? [],
          ),
        });
        return { ok: true };
      case 'views.publish': {
        const view = args.view as { blocks?: unknown[] } | undefined;
        this.show('Readout Home tab', { blocks: view?.blocks ?? [] });
        return { ok: true, view: { id: 'V0CONSOLE' } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function parseForm(body: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  if (body.trimStart().startsWith('{')) return JSON.parse(body) as Record<string, unknown>;
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = jsonArguments.has(key) ? JSON.parse(value) : value;
  }
  return args;
}
