/**
 * Stop watching (on an alert, and on each search `/readout watching` lists): removes the saved
 * search. Anyone who can see the alert can stop it, as anyone in the channel can type
 * `/readout unwatch`; the answer names who saved it.
 */
import { describeError } from '../../../errors.js';
import { renderUnwatched, renderUnwatchUnknown, renderWatchRefused } from '../../ui/render-watch.js';
import type { ListenerContext } from '../context.js';
import { type ButtonArgs, pressedButton, respondTo } from './button-args.js';

export function stopWatching(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { userId, channelId, where } = pressedButton(args);
    const id = Number(args.action.value);
    let message = renderUnwatchUnknown(0);
    try {
      const search = Number.isInteger(id) ? context.state.savedSearch(id) : undefined;
      // The button belongs to the search's channel (or the saver's own DM with Readout).
      const here = search && (search.channelId === channelId || search.channelId === userId);
      if (search && here) {
        context.state.removeSavedSearch(search.id);
        context.logger.info('readout: stopped a saved search', { ...where, savedSearch: search.id });
        message = renderUnwatched(search, userId);
      }
    } catch (error) {
      context.logger.error('readout: could not stop a saved search', {
        ...where,
        error: describeError(error),
      });
      message = renderWatchRefused({ reason: 'unavailable' });
    }
    await respondTo(context, args, where, message);
  };
}
