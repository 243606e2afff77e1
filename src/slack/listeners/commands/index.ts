import type { App } from '@slack/bolt';
import type { ListenerContext } from '../context.js';
import { readoutCommand } from './readout-command.js';

/** The slash command's name, as in manifest.json. */
export const readoutCommandName = '/readout';

export function registerCommands(app: App, context: ListenerContext): void {
  app.command(readoutCommandName, readoutCommand(context));
}
