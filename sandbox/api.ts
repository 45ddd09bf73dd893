// The NexHealth API routes (everything except /authenticates, which server.ts owns), one file per
// resource under routes/.
import type { Router } from './http';
import { registerAppointments } from './routes/appointments';
import type { ApiContext } from './routes/context';
import { registerAvailabilities } from './routes/availabilities';
import { registerPatients } from './routes/patients';
import { registerReferenceData } from './routes/reference-data';
import { registerSlots } from './routes/slots';
import { registerSyncStatus } from './routes/sync-status';
import { registerWebhooks } from './routes/webhooks';

export type { ApiContext };

export function registerApi(router: Router, ctx: ApiContext): void {
  registerReferenceData(router, ctx);
  registerAvailabilities(router, ctx);
  registerPatients(router, ctx);
  registerSlots(router, ctx);
  registerAppointments(router, ctx);
  registerWebhooks(router, ctx);
  registerSyncStatus(router, ctx);
}
