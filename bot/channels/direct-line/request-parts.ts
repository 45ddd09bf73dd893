// Route parameters, query values and bodies from restify's loosely typed request, narrowed.
import type { Activity } from 'botbuilder';
import type { Request } from 'restify';

export function paramOf(req: Request, name: string): string {
  return stringIn(req.params, name) ?? '';
}

export function queryOf(req: Request, name: string): string | undefined {
  const value = stringIn(req.query, name);
  return value === '' ? undefined : value;
}

function stringIn(record: unknown, name: string): string | undefined {
  const value: unknown = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A JSON body that can be taken as an activity (it has a type). */
export function isActivity(body: unknown): body is Partial<Activity> {
  return typeof body === 'object' && body !== null && typeof (body as { type?: unknown }).type === 'string';
}
