// Registers (idempotently) our webhook endpoint and the appointment_insertion subscription with
// NexHealth. The endpoint's secret is only shown when it is created, so it is kept in the bot's
// storage: a restart and a second instance reuse it instead of creating another endpoint.
import type { Logger } from '../logger';
import type { WebhookEndpoint, WebhookSubscription } from '../nexhealth';
import type { KeyValueStorage } from '../storage';
import { isETagConflict } from './pending-appointment-store';

export interface WebhookApi {
  subdomain: string;
  listWebhookEndpoints(): Promise<WebhookEndpoint[]>;
  createWebhookEndpoint(targetUrl: string): Promise<WebhookEndpoint>;
  deleteWebhookEndpoint(endpointId: number): Promise<void>;
  updateWebhookEndpoint(endpointId: number, changes: { active?: boolean }): Promise<WebhookEndpoint>;
  listWebhookSubscriptions(endpointId: number): Promise<WebhookSubscription[]>;
  createWebhookSubscription(endpointId: number, event: string, resourceType?: string): Promise<WebhookSubscription>;
}

export interface WebhookRegistration {
  endpointId: number;
  secret: string;
  targetUrl: string;
}

export const INSERTION_EVENT = 'appointment_insertion';
export const REGISTRATION_KEY = 'nexhealth-webhook/registration';

export async function readWebhookRegistration(storage: KeyValueStorage): Promise<WebhookRegistration | undefined> {
  const item = (await storage.read([REGISTRATION_KEY]))[REGISTRATION_KEY];
  if (!item || typeof item.endpointId !== 'number' || typeof item.secret !== 'string' || typeof item.targetUrl !== 'string') return undefined;
  return { endpointId: item.endpointId, secret: item.secret, targetUrl: item.targetUrl };
}

export async function ensureWebhookRegistration(api: WebhookApi, storage: KeyValueStorage, targetUrl: string, logger: Logger): Promise<WebhookRegistration> {
  const endpoints = await api.listWebhookEndpoints();
  let registration = await readWebhookRegistration(storage);
  const known = registration && endpoints.find((endpoint) => endpoint.id === registration?.endpointId && endpoint.target_url === targetUrl);
  if (!registration || !known) {
    const created = await api.createWebhookEndpoint(targetUrl);
    if (!created.secret_key) throw new Error('NexHealth did not return the webhook secret');
    const candidate = { endpointId: created.id, secret: created.secret_key, targetUrl };
    registration = await saveOrAdopt(storage, candidate, registration);
    if (registration.endpointId !== created.id) {
      // Another instance registered at the same moment: use its endpoint, drop ours.
      await api.deleteWebhookEndpoint(created.id);
    }
    logger.info({ endpointId: registration.endpointId }, 'webhook endpoint registered');
  } else if (!known.active) {
    await api.updateWebhookEndpoint(known.id, { active: true });
  }
  // Endpoints of ours whose secret we no longer have only cause 401s: remove them.
  for (const stale of endpoints.filter((endpoint) => endpoint.target_url === targetUrl && endpoint.id !== registration?.endpointId)) {
    await api.deleteWebhookEndpoint(stale.id);
  }
  const subscriptions = await api.listWebhookSubscriptions(registration.endpointId);
  const subscribed = subscriptions.some((subscription) => subscription.event === INSERTION_EVENT && subscription.active
    && (subscription.subdomain === undefined || subscription.subdomain === api.subdomain));
  if (!subscribed) await api.createWebhookSubscription(registration.endpointId, INSERTION_EVENT, 'Appointment');
  return registration;
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
