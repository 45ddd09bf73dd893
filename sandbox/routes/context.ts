// What every route file shares: the sandbox state it reads, and the checks NexHealth makes on
// every request (subdomain access, a known location, a numeric id).
import { ApiError, invalid, notFound, type ApiRequest, type Query } from '../http';
import type { Appointment, Location, State } from '../model';

export interface ApiContext {
  state(): State;
  now(): Date;
  onAppointmentCreated(appointment: Appointment): void;
  /** Cancelled, confirmed or moved through the API: NexHealth's read-back reports it later. */
  onAppointmentChanged(appointment: Appointment): void;
}

export const digits = (value: string): string => value.replace(/\D/g, '');
export const iso = (date: Date): string => date.toISOString();

/** NexHealth answers 403 for a subdomain the key cannot reach; the sandbox key reaches one. */
export function subdomain(ctx: ApiContext, query: Query): string {
  const value = query.requireStr('subdomain');
  if (value !== ctx.state().institution.subdomain) {
    throw new ApiError(403, ["You don't have access to perform this action."]);
  }
  return value;
}

export function locationFrom(ctx: ApiContext, id: number): Location {
  const location = ctx.state().locations.find((candidate) => candidate.id === id);
  if (!location) throw notFound('Location');
  return location;
}

export const requireLocation = (ctx: ApiContext, query: Query): Location => locationFrom(ctx, query.requireInt('location_id'));

export function idParam(request: ApiRequest, name = 'id'): number {
  const value = request.params[name] ?? '';
  if (!/^\d+$/.test(value)) throw invalid(name);
  return Number(value);
}
