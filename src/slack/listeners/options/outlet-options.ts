/**
 * The outlet field of the search form when the archive has more outlets than a list may hold:
 * Slack asks as the person types (block_suggestion) and gets the outlets whose name contains it.
 */
import type { AllMiddlewareArgs, BlockSuggestion, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../../errors.js';
import { maxStaticOptions, outletOption } from '../../ui/render-search-form.js';
import type { ListenerContext } from '../context.js';

type OptionsArgs = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

export function outletOptions(context: ListenerContext) {
  return async ({ options, ack }: OptionsArgs): Promise<void> => {
    const typed = String((options as BlockSuggestion).value ?? '').slice(0, 100);
    try {
      const outlets = await context.readout.outlets(typed, maxStaticOptions);
      await ack({ options: outlets.map((outlet) => outletOption(outlet.source)) });
    } catch (error) {
      context.logger.error('readout: could not suggest outlets', { error: describeError(error) });
      await ack({ options: [] });
    }
  };
}
