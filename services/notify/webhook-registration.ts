// Registers (idempotently) our webhook endpoint and its subscriptions (SUBSCRIPTIONS) with
// NexHealth. Which endpoint is ours is kept in the bot's storage, so a restart and a second
// instance reuse it; its secret is read back from GET /webhook_endpoints (which shows it). Endpoints
// this deployment did not create are never deleted: another deployment may share the key and URL.
// A subscription is pinned to the API version that created it (its payloads follow that version),
// so the version it was made under is kept too, and a version change re-creates it.
import type { Logger } from '../logger';
import type { WebhookEndpoint, WebhookSubscription } from '../nexhealth';
import type { KeyValueStorage } from '../storage';
import { isETagConflict } from './pending-appointment-store';

export interface WebhookApi {
  subdomain: string;
  /** The API version requests are made under, and so new subscriptions pinned to. */
  apiVersion: string;
  listWebhookEndpoints(): Promise<WebhookEndpoint[]>;
  createWebhookEndpoint(targetUrl: string): Promise<WebhookEndpoint>;
  deleteWebhookEndpoint(endpointId: number): Promise<void>;
  updateWebhookEndpoint(endpointId: number, changes: { active?: boolean }): Promise<WebhookEndpoint>;
  listWebhookSubscriptions(endpointId: number): Promise<WebhookSubscription[]>;
  createWebhookSubscription(endpointId: number, event: string, resourceType?: string): Promise<WebhookSubscription>;
  updateWebhookSubscription(endpointId: number, subscriptionId: number, changes: { active?: boolean }): Promise<WebhookSubscription>;
  deleteWebhookSubscription(endpointId: number, subscriptionId: number): Promise<void>;
}

export interface WebhookRegistration {
  endpointId: number;
  secret: string;
  targetUrl: string;
  /** The API version our insertion subscription was created under. */
  subscriptionVersion?: string;
}

/** Registrations from before versions were recorded: their subscriptions were made under v2. */
const UNRECORDED_VERSION = 'v2';

export const INSERTION_EVENT = 'appointment_insertion';
/**
 * Every subscription the bot needs: insertion results, the office's own changes to appointments
 * (after NexHealth's read-back), and the synchronizer's write status (so an offline office is not
 * taken for a refusal).
 */
export const SUBSCRIPTIONS: readonly { event: string; resourceType: string }[] = [
  { event: INSERTION_EVENT, resourceType: 'Appointment' },
  { event: 'appointment_updated', resourceType: 'Appointment' },
  { event: 'sync_status_write_change', resourceType: 'SyncStatus' },
];
export const REGISTRATION_KEY = 'nexhealth-webhook/registration';

export async function readWebhookRegistration(storage: KeyValueStorage): Promise<WebhookRegistration | undefined> {
  const item = (await storage.read([REGISTRATION_KEY]))[REGISTRATION_KEY];
  if (!item || typeof item.endpointId !== 'number' || typeof item.secret !== 'string' || typeof item.targetUrl !== 'string') return undefined;
  const subscriptionVersion = typeof item.subscriptionVersion === 'string' ? item.subscriptionVersion : undefined;
  return { endpointId: item.endpointId, secret: item.secret, targetUrl: item.targetUrl, subscriptionVersion };
}

export async function ensureWebhookRegistration(api: WebhookApi, storage: KeyValueStorage, targetUrl: string, logger: Logger): Promise<WebhookRegistration> {
  const endpoints = await api.listWebhookEndpoints();
  let registration = await readWebhookRegistration(storage);
  const known = registration && endpoints.find((endpoint) => endpoint.id === registration?.endpointId && endpoint.target_url === targetUrl);
  if (!registration || !known) {
    registration = await registerEndpoint(api, storage, targetUrl, registration);
    logger.info({ endpointId: registration.endpointId }, 'webhook endpoint registered');
  } else {
    // The list shows the current secret: take it, so a rotated secret does not 401 every delivery.
    if (known.secret_key && known.secret_key !== registration.secret) {
      registration = await saveOrAdopt(storage, { ...registration, secret: known.secret_key }, registration);
    }
    if (!known.active) await api.updateWebhookEndpoint(known.id, { active: true });
  }
  const existing = await api.listWebhookSubscriptions(registration.endpointId);
  const pinnedTo = existing.length > 0 ? registration.subscriptionVersion ?? UNRECORDED_VERSION : api.apiVersion;
  for (const wanted of SUBSCRIPTIONS) await ensureSubscription(api, registration.endpointId, existing, wanted, pinnedTo);
  if (api.apiVersion !== registration.subscriptionVersion) {
    registration = await saveOrAdopt(storage, { ...registration, subscriptionVersion: api.apiVersion }, registration);
  }
  return registration;
}

async function registerEndpoint(api: WebhookApi, storage: KeyValueStorage, targetUrl: string, previous: WebhookRegistration | undefined): Promise<WebhookRegistration> {
  const created = await api.createWebhookEndpoint(targetUrl);
  if (!created.secret_key) throw new Error('NexHealth did not return the webhook secret');
  const registration = await saveOrAdopt(storage, { endpointId: created.id, secret: created.secret_key, targetUrl }, previous);
  // Another instance registered at the same moment: use its endpoint, drop the one we just made.
  if (registration.endpointId !== created.id) await api.deleteWebhookEndpoint(created.id);
  return registration;
}

/**
 * One active subscription per event under the current API version: a disabled one is re-activated
 * in place, not duplicated; one made under another version (`pinnedTo`) is replaced, since its
 * payloads keep that version's contract.
 */
async function ensureSubscription(api: WebhookApi, endpointId: number, existing: WebhookSubscription[], wanted: { event: string; resourceType: string }, pinnedTo: string): Promise<void> {
  const ours = existing.filter((subscription) => subscription.event === wanted.event
    && (subscription.subdomain === undefined || subscription.subdomain === api.subdomain));
  if (pinnedTo !== api.apiVersion) {
    for (const subscription of ours) await api.deleteWebhookSubscription(endpointId, subscription.id);
  } else if (ours.some((subscription) => subscription.active)) {
    return;
  } else if (ours[0]) {
    await api.updateWebhookSubscription(endpointId, ours[0].id, { active: true });
    return;
  }
  await api.createWebhookSubscription(endpointId, wanted.event, wanted.resourceType);
}

/** Writes our registration unless another instance's changed it since we read; then adopts theirs. */
async function saveOrAdopt(storage: KeyValueStorage, candidate: WebhookRegistration, previous: WebhookRegistration | undefined): Promise<WebhookRegistration> {
  const item = (await storage.read([REGISTRATION_KEY]))[REGISTRATION_KEY];
  const current = await readWebhookRegistration(storage);
  if (current && (!previous || current.endpointId !== previous.endpointId)) return current;
  try {
    await storage.write({ [REGISTRATION_KEY]: { ...candidate, eTag: item?.eTag ?? '*' } });
    return candidate;
  } catch (error) {
    if (!isETagConflict(error)) throw error;
    return (await readWebhookRegistration(storage)) ?? candidate;
  }
}
