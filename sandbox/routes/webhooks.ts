// Webhook endpoints and their subscriptions (secret_key shown on every answer).
import { randomBytes } from 'node:crypto';
import {
  invalid, isObject, missing, noContent, notFound, ok, optBool, optString, paginate, reqString,
  type ApiRequest, type Json, type Router,
} from '../http';
import { renderSubscription, renderWebhookEndpoint, type WebhookEndpoint, type WebhookSubscription } from '../model';
import { idParam, iso, subdomain, type ApiContext } from './context';

function findEndpoint(ctx: ApiContext, request: ApiRequest): WebhookEndpoint {
  const found = ctx.state().webhookEndpoints.find((e) => e.id === idParam(request));
  if (!found) throw notFound('Webhook endpoint');
  return found;
}

function targetUrl(input: Json, required: boolean): string | undefined {
  const value = required ? reqString(input, 'target_url', 'target_url') : optString(input, 'target_url', 'target_url');
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw invalid('target_url');
  }
  // Real NexHealth requires https; the sandbox also takes http so local receivers work.
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalid('target_url');
  return value;
}

function findSubscription(ctx: ApiContext, request: ApiRequest): WebhookSubscription {
  const endpoint = findEndpoint(ctx, request);
  const found = ctx.state().webhookSubscriptions.find((s) => s.id === idParam(request, 'sid') && s.webhook_endpoint_id === endpoint.id);
  if (!found) throw notFound('Webhook subscription');
  return found;
}

export function registerWebhooks(router: Router, ctx: ApiContext): void {
  registerEndpoints(router, ctx);
  registerSubscriptions(router, ctx);
}

/** Webhook endpoints: create, list, read, change, delete. */
function registerEndpoints(router: Router, ctx: ApiContext): void {
  router.add('POST', '/webhook_endpoints', ({ body }) => {
    const state = ctx.state();
    if (!isObject(body)) throw missing('target_url');
    const url = targetUrl(body, true) ?? '';
    const stamp = iso(ctx.now());
    const endpoint = {
      id: state.nextId.webhookEndpoint++,
      target_url: url,
      secret_key: randomBytes(24).toString('hex'),
      active: optBool(body, 'active', 'active') ?? true,
      created_at: stamp,
      updated_at: stamp,
    };
    state.webhookEndpoints.push(endpoint);
    return ok(renderWebhookEndpoint(endpoint), { status: 201, description: 'Created' });
  });

  router.add('GET', '/webhook_endpoints', ({ query }) => {
    const { page, count } = paginate(ctx.state().webhookEndpoints, query);
    return ok(page.map((e) => renderWebhookEndpoint(e)), { count });
  });

  router.add('GET', '/webhook_endpoints/:id', (request) => ok(renderWebhookEndpoint(findEndpoint(ctx, request))));

  router.add('PATCH', '/webhook_endpoints/:id', (request) => {
    const endpoint = findEndpoint(ctx, request);
    if (!isObject(request.body)) throw missing('target_url');
    const url = targetUrl(request.body, false);
    const active = optBool(request.body, 'active', 'active');
    if (url !== undefined) endpoint.target_url = url;
    if (active !== undefined) endpoint.active = active;
    endpoint.updated_at = iso(ctx.now());
    return ok(renderWebhookEndpoint(endpoint));
  });

  router.add('DELETE', '/webhook_endpoints/:id', (request) => {
    const state = ctx.state();
    const endpoint = findEndpoint(ctx, request);
    state.webhookEndpoints = state.webhookEndpoints.filter((e) => e !== endpoint);
    state.webhookSubscriptions = state.webhookSubscriptions.filter((s) => s.webhook_endpoint_id !== endpoint.id);
    return noContent();
  });
}

const RESOURCE_TYPES = ['Appointment', 'Patient', 'SyncStatus'];
/** The docs' sync events (`.red` when a status goes down, `.green` when it comes back). */
const SYNC_STATUS_EVENTS = ['sync_status_read_change', 'sync_status_write_change'];

/** Subscriptions of an endpoint, scoped by subdomain. */
function registerSubscriptions(router: Router, ctx: ApiContext): void {
  router.add('POST', '/webhook_endpoints/:id/webhook_subscriptions', (request) => {
    const sub = subdomain(ctx, request.query);
    const state = ctx.state();
    const endpoint = findEndpoint(ctx, request);
    if (!isObject(request.body)) throw missing('resource_type');
    const resourceType = reqString(request.body, 'resource_type', 'resource_type');
    const event = reqString(request.body, 'event', 'event');
    const resource = RESOURCE_TYPES.find((name) => name.toLowerCase() === resourceType.toLowerCase());
    if (!resource) throw invalid('resource_type');
    if (resource === 'SyncStatus' && !SYNC_STATUS_EVENTS.includes(event)) throw invalid('event');
    const stamp = iso(ctx.now());
    const subscription = {
      id: state.nextId.webhookSubscription++,
      webhook_endpoint_id: endpoint.id,
      resource_type: resource,
      event,
      active: optBool(request.body, 'active', 'active') ?? true,
      subdomain: sub,
      // Pinned to the version of the request that made it (docs: subscriptions deliver payloads
      // in the entity contract of the version they are pinned to).
      api_version: request.version,
      created_at: stamp,
      updated_at: stamp,
    };
    state.webhookSubscriptions.push(subscription);
    return ok(renderSubscription(subscription), { status: 201, description: 'Created' });
  });

  router.add('GET', '/webhook_endpoints/:id/webhook_subscriptions', (request) => {
    subdomain(ctx, request.query);
    const endpoint = findEndpoint(ctx, request);
    const list = ctx.state().webhookSubscriptions.filter((s) => s.webhook_endpoint_id === endpoint.id);
    const { page, count } = paginate(list, request.query);
    return ok(page.map(renderSubscription), { count });
  });

  router.add('GET', '/webhook_endpoints/:id/webhook_subscriptions/:sid', (request) => {
    subdomain(ctx, request.query);
    return ok(renderSubscription(findSubscription(ctx, request)));
  });

  router.add('PATCH', '/webhook_endpoints/:id/webhook_subscriptions/:sid', (request) => {
    subdomain(ctx, request.query);
    const subscription = findSubscription(ctx, request);
    const active = isObject(request.body) ? optBool(request.body, 'active', 'active') : undefined;
    if (active !== undefined) subscription.active = active;
    subscription.updated_at = iso(ctx.now());
    return ok(renderSubscription(subscription));
  });

  router.add('DELETE', '/webhook_endpoints/:id/webhook_subscriptions/:sid', (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const subscription = findSubscription(ctx, request);
    state.webhookSubscriptions = state.webhookSubscriptions.filter((s) => s !== subscription);
    return noContent();
  });
}
