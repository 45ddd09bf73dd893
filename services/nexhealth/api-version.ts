// What differs between the two NexHealth API versions the client speaks, in one place: headers,
// the paths that were renamed, how lists page, and how GET /appointments filters by patient.
// v3.0.0 (v20240412) is NexHealth's current stable version; v2.2.2 is deprecated but still served.
import type { Query } from './transport';

export const API_VERSIONS = ['v2', 'v3'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const DEFAULT_API_VERSION: ApiVersion = 'v3';

/** The v2.2.2 vendored Accept header (the migration guide's v2.2.2 request). */
export const API_VERSION_ACCEPT = 'application/vnd.Nexhealth+json;version=2';

export interface VersionStrategy {
  readonly version: ApiVersion;
  /** Sent on every request, as each version's docs require. */
  readonly headers: Readonly<Record<string, string>>;
  readonly slotsPath: '/appointment_slots' | '/available_slots';
  readonly workingHoursPath: '/availabilities' | '/working_hours';
  /** The body key of a working-hours write: `availability` (v2) or `working_hour` (v3). */
  readonly workingHoursKey: 'availability' | 'working_hour';
  /** page/per_page with `count` (v2), or start_cursor/end_cursor with `page_info` (v3). */
  readonly paging: 'pages' | 'cursor';
  /** GET /appointments' patient filter: `patient_id` (v2) or `patient_ids[]` (v3). */
  patientFilter(patientId: number | undefined): Query;
}

const V2: VersionStrategy = {
  version: 'v2',
  // v2.2.2 Versioning page: "All requests must include … Nex-Api-Version: v2"; the migration
  // guide shows the Accept header for v2.2.2. Production v2 code sends both.
  headers: { Accept: API_VERSION_ACCEPT, 'Nex-Api-Version': 'v2' },
  slotsPath: '/appointment_slots',
  workingHoursPath: '/availabilities',
  workingHoursKey: 'availability',
  paging: 'pages',
  patientFilter: (patientId) => ({ patient_id: patientId }),
};

const V3: VersionStrategy = {
  version: 'v3',
  // Migration guide: "Versioning moved from a vendored Accept header to the dedicated
  // Nex-Api-Version header", shown as `Nex-Api-Version: v20240412` (v3.0.0 names the same version).
  headers: { Accept: 'application/json', 'Nex-Api-Version': 'v20240412' },
  slotsPath: '/available_slots',
  workingHoursPath: '/working_hours',
  workingHoursKey: 'working_hour',
  paging: 'cursor',
  patientFilter: (patientId) => ({ patient_ids: patientId === undefined ? undefined : [patientId] }),
};

export function versionStrategy(version: ApiVersion): VersionStrategy {
  return version === 'v2' ? V2 : V3;
}
