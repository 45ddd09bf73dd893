// GET /sync_status: one entry per synchronizer, with read and write status (green or red); a
// location with no synchronizer behind it has no entry. `location_ids[]` and the status filters narrow it.
import { ok, type Router } from '../http';
import { renderSync } from '../model';
import { subdomain, type ApiContext } from './context';

export function registerSyncStatus(router: Router, ctx: ApiContext): void {
  router.add('GET', '/sync_status', ({ query }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const locationIds = query.intArray('location_ids');
    const readStatus = query.str('read_status');
    const writeStatus = query.str('write_status');
    const syncs = state.syncs.filter((sync) => (!locationIds || sync.location_ids.some((id) => locationIds.includes(id)))
      && (readStatus === undefined || sync.read_status === readStatus)
      && (writeStatus === undefined || sync.write_status === writeStatus));
    return ok(syncs.map((sync) => renderSync(state, sync)), { count: syncs.length });
  });
}
