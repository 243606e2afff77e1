/**
 * What the three preview buttons share: the arguments Bolt passes a button listener, the state
 * the button carries, and a safe way to answer through the message's response_url.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ReadoutResult } from '../../../readout.js';
import { slackFailureContext } from '../../transport/slack-errors.js';
import { type ButtonState, decodeButtonState } from '../../ui/button-state.js';
import type { SlackMessage } from '../../ui/limits.js';
import { renderNotice } from '../../ui/render-answer.js';
import { type ListenerContext, refusal, searchArchive } from '../context.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export interface PressedButton {
  state: ButtonState | null;
  userId: string;
  channelId: string | undefined;
  where: Record<string, unknown>;
}

export function pressedButton({ action, body }: ButtonArgs): PressedButton {
  const channelId = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
  return {
    state: decodeButtonState(action.value),
    userId: body.user.id,
    channelId,
    where: { user: body.user.id, channel: channelId, action: action.action_id },
  };
}

export const expiredButton = renderNotice(
  'That button no longer works (Readout was updated since). Please ask again with `/readout`.',
);

/**
 * Sends through the response_url of the message the button is on: as a new private message, or
 * replacing / deleting the message itself. Failures are logged, not thrown: there is nobody
 * left to tell.
 */
export async function respondTo(
  context: ListenerContext,
  args: ButtonArgs,
  where: Record<string, unknown>,
  message: SlackMessage | 'delete',
  mode: 'new' | 'replace' = 'new',
): Promise<boolean> {
  try {
    if (message === 'delete') await args.respond({ delete_original: true });
    else {
      await args.respond({
        response_type: 'ephemeral',
        replace_original: mode === 'replace',
        text: message.text,
        blocks: message.blocks,
      });
    }
    return true;
  } catch (error) {
    context.logger.error(
      'readout: could not answer a button',
      slackFailureContext('response_url', error, where),
    );
    return false;
  }
}

/**
 * The start of a press that reads the archive again: reads the button's state, and answers the
 * press at once when the state is unreadable (or an alert's, unless `alertState`) or the user may
 * not search now. Returns the press, or undefined when it has been answered already.
 */
export async function checkedPress(
  context: ListenerContext,
  args: ButtonArgs,
  options: { needsChannel?: boolean; alertState?: boolean } = {},
): Promise<(PressedButton & { state: ButtonState }) | undefined> {
  const pressed = pressedButton(args);
  const { state, userId, channelId, where } = pressed;
  const foreign = state?.a !== undefined && options.alertState === false;
  if (!state || foreign || (options.needsChannel && !channelId)) {
    await respondTo(context, args, where, expiredButton);
    return undefined;
  }
  const refused = refusal(context, { userId, channelId });
  if (refused) {
    await respondTo(context, args, where, refused);
    return undefined;
  }
  return { ...pressed, state };
}

/**
 * A press that searches again (More results, Share): checked as above, then the search run.
 * Returns the press and the search result, or undefined when the press has been answered already.
 */
export async function searchAgain(
  context: ListenerContext,
  args: ButtonArgs,
  options: { needsChannel?: boolean } = {},
): Promise<{ pressed: PressedButton & { state: ButtonState }; result: ReadoutResult } | undefined> {
  const pressed = await checkedPress(context, args, options);
  if (!pressed) return undefined;
  const { state, where } = pressed;
  return { pressed, result: await searchArchive(context, state.q, state.o, where) };
}
