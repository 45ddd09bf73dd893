// Patient search, one patient, and POST /patients as the API validates it.
import { DateTime } from 'luxon';
import {
  badRequest, invalid, isIsoDate, isObject, missing, notFound, objectField, ok, optBool, optString, listPage,
  reqInt, reqString, type Router,
} from '../http';
import { isBlocking, renderPatient, type Appointment, type Patient } from '../model';
import { digits, idParam, iso, requireLocation, subdomain, type ApiContext } from './context';

const PATIENT_GENDERS: readonly string[] = ['Male', 'Female', 'Other'];

function upcomingOf(ctx: ApiContext, patient: Patient): Appointment[] {
  const now = ctx.now();
  return ctx.state().appointments.filter((a) => a.patient_id === patient.id && isBlocking(a) && a.start > now);
}

export function registerPatients(router: Router, ctx: ApiContext): void {
  registerSearch(router, ctx);
  registerCreate(router, ctx);
}

/** Patient search and one patient. */
function registerSearch(router: Router, ctx: ApiContext): void {
  router.add('GET', '/patients', (request) => {
    const { query } = request;
    subdomain(ctx, query);
    const state = ctx.state();
    const location = requireLocation(ctx, query);
    const name = query.str('name')?.trim().toLowerCase();
    const email = query.str('email')?.trim().toLowerCase();
    const phone = query.str('phone_number');
    const dob = query.date('date_of_birth');
    const newPatient = query.bool('new_patient');
    const locationStrict = query.bool('location_strict') ?? false;
    const inactive = query.bool('inactive');
    const nonPatient = query.bool('non_patient');
    const includeUpcoming = query.bool('include_upcoming_appts') ?? false;
    const sort = query.str('sort');
    if (phone !== undefined && digits(phone).length === 0) throw invalid('phone_number');
    const hasVisits = (patient: Patient): boolean => state.appointments.some((a) => a.patient_id === patient.id && isBlocking(a));
    const list = state.patients.filter((patient) => {
      const full = `${patient.first_name} ${patient.middle_name ? `${patient.middle_name} ` : ''}${patient.last_name}`.toLowerCase();
      const short = `${patient.first_name} ${patient.last_name}`.toLowerCase();
      return (!name || patient.first_name.toLowerCase() === name || patient.last_name.toLowerCase() === name
          || full === name || short === name || full.includes(name))
        && (!email || patient.email.toLowerCase() === email)
        && (phone === undefined || digits(patient.bio.phone_number).endsWith(digits(phone).slice(-10))
          || (patient.bio.cell_phone_number !== null && digits(patient.bio.cell_phone_number).endsWith(digits(phone).slice(-10))))
        && (!dob || patient.bio.date_of_birth === dob)
        && (newPatient === undefined || hasVisits(patient) !== newPatient)
        && (!locationStrict || patient.location_ids.includes(location.id))
        && (inactive === undefined ? !patient.inactive : patient.inactive === inactive)
        && (nonPatient === undefined || patient.non_patient === nonPatient);
    });
    if (sort === 'name') list.sort((a, b) => `${a.last_name} ${a.first_name}`.localeCompare(`${b.last_name} ${b.first_name}`));
    const { page, meta } = listPage(list, request);
    const patients = page.map((p) => renderPatient(state, p, includeUpcoming ? upcomingOf(ctx, p) : undefined));
    // v2 wraps the list ({patients: [...]}); v3 answers the array itself (OpenAPI).
    return ok(request.version === 'v2' ? { patients } : patients, meta);
  });

  router.add('GET', '/patients/:id', (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const patient = state.patients.find((p) => p.id === idParam(request));
    if (!patient) throw notFound('Patient');
    const includeUpcoming = request.query.bool('include_upcoming_appts') ?? false;
    return ok(renderPatient(state, patient, includeUpcoming ? upcomingOf(ctx, patient) : undefined));
  });
}

/** POST /patients as the API validates it. */
function registerCreate(router: Router, ctx: ApiContext): void {
  router.add('POST', '/patients', ({ query, body }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const location = requireLocation(ctx, query);
    const input = objectField(body, 'patient');
    const firstName = reqString(input, 'first_name', 'patient.first_name').trim();
    const lastName = reqString(input, 'last_name', 'patient.last_name').trim();
    const email = reqString(input, 'email', 'patient.email').trim();
    // NexHealth's email pattern takes lower case only (an upper-case address is refused).
    if (!/^[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(email)) throw invalid('patient.email');
    const bio = isObject(input.bio) ? input.bio : undefined;
    if (!bio) throw missing('patient.bio.date_of_birth');
    const dob = reqString(bio, 'date_of_birth', 'patient.bio.date_of_birth');
    if (!isIsoDate(dob) || DateTime.fromISO(dob, { zone: location.tz }) > DateTime.fromJSDate(ctx.now())) throw invalid('patient.bio.date_of_birth');
    const phone = digits(reqString(bio, 'phone_number', 'patient.bio.phone_number'));
    const phone10 = phone.length === 11 && phone.startsWith('1') ? phone.slice(1) : phone;
    if (phone10.length !== 10) throw invalid('patient.bio.phone_number');
    // The v2 patients guide lists gender among the fields a new patient needs.
    const gender = reqString(bio, 'gender', 'patient.bio.gender');
    if (!PATIENT_GENDERS.includes(gender)) throw invalid('patient.bio.gender');
    // `provider` is required (OpenAPI postPatients: required ["provider", "patient"]).
    const providerId = reqInt(objectField(body, 'provider'), 'provider_id', 'provider.provider_id');
    if (!state.providers.some((p) => p.id === providerId)) throw notFound('Provider');
    const returnExisting = isObject(body) ? optBool(body, 'return_existing_if_match', 'return_existing_if_match') ?? false : false;
    const existing = state.patients.find((p) =>
      p.first_name.toLowerCase() === firstName.toLowerCase() && p.last_name.toLowerCase() === lastName.toLowerCase()
      && p.bio.date_of_birth === dob && digits(p.bio.phone_number) === phone10);
    if (existing) {
      if (!returnExisting) throw badRequest('Patient already exists');
      return ok({ user: renderPatient(state, existing) }, { status: 200, description: 'Existing patient' });
    }
    const stamp = iso(ctx.now());
    const patient: Patient = {
      id: state.nextId.patient++,
      first_name: firstName,
      middle_name: optString(input, 'middle_name', 'patient.middle_name') ?? null,
      last_name: lastName,
      email,
      bio: { date_of_birth: dob, phone_number: phone10, cell_phone_number: phone10, gender, city: null, state: null, zip_code: null },
      inactive: false,
      location_ids: [location.id],
      provider_id: providerId,
      foreign_id: null,
      non_patient: false,
      created_at: stamp,
      updated_at: stamp,
    };
    state.patients.push(patient);
    return ok({ user: renderPatient(state, patient) }, { status: 201, description: 'Created' });
  });
}
