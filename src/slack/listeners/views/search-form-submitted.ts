/**
 * The search form submitted: the fields become one query (ui/render-search-form.ts#formQuery),
 * which goes through the one readout path and is answered privately in the conversation the
 * form names (its response_url), with the usual Share / More / Dismiss buttons.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { renderAnswer } from '../../ui/render-answer.js';
import { formQuery, readSearchForm, searchFormErrors } from '../../ui/render-search-form.js';
import { type ListenerContext, privateResponder, refusal, searchArchive } from '../context.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export function searchFormSubmitted(context: ListenerContext) {
  return async ({ ack, body, view, respond }: SubmitArgs): Promise<void> => {
    const values = readSearchForm(view.state?.values as Parameters<typeof readSearchForm>[0]);
    const errors = searchFormErrors(values);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const target = (body as { response_urls?: Array<{ channel_id?: string }> }).response_urls?.[0];
    const where = { user: body.user.id, channel: target?.channel_id, view: view.callback_id };
    if (!target) {
      // Slack sends a response_url for the chosen conversation; without one there is nowhere to answer.
      context.logger.warn('readout: a search form came without a conversation to answer in', where);
      return;
    }
    const send = privateResponder(context, respond, where, 'answer a search form');
    const refused = refusal(context, { userId: body.user.id, channelId: target.channel_id });
    if (refused) return send(refused);
    const result = await searchArchive(context, formQuery(values), 0, where);
    await send(renderAnswer(result, { kind: 'private' }));
  };
}
