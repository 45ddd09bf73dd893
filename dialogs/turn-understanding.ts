// Runs `understand` on the turn's text once per "expecting" and keeps the result on the turn, so the
// interruption check and the active step read the same understanding without parsing twice.
import type { DialogContext } from 'botbuilder-dialogs';
import { understand, type Understanding } from '../services/nlu';
import { nluExpecting, type Expecting } from './conversation-data';
import type { DialogServices } from './dialog-services';
import { flowState } from './dialog-steps';

const CACHE_KEY = Symbol('turnUnderstanding');

export async function understandTurn(dc: DialogContext, services: DialogServices, expecting?: Expecting): Promise<Understanding> {
  const { context } = dc;
  const cache: Map<string, Understanding> = context.turnState.get(CACHE_KEY) ?? new Map<string, Understanding>();
  context.turnState.set(CACHE_KEY, cache);
  const key = expecting ?? '';
  const cached = cache.get(key);
  if (cached) return cached;
  const reference = await services.booking.schedule.understandingReference(flowState(dc).draft.locationId);
  const understanding = understand(context.activity.text ?? '', {
    now: services.clock.now(),
    timeZone: reference.timeZone,
    expecting: nluExpecting(expecting),
    appointmentTypes: reference.appointmentTypes,
    providers: reference.providers,
    locations: reference.locations,
  });
  cache.set(key, understanding);
  return understanding;
}
