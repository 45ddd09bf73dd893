import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { ManualClock } from '../../services/clock';
import { NexHealthError, scrub } from '../../services/nexhealth/errors';
import { TokenProvider, jwtExpiry, refreshTime } from '../../services/nexhealth/token-provider';
import { parseRetryAfter, serializeQuery } from '../../services/nexhealth/transport';
import { extractPatients } from '../../services/nexhealth';

describe('NexHealth client pieces', () => {
  it('serialises arrays the way NexHealth reads them', () => {
    assert.equal(decodeURIComponent(serializeQuery({ subdomain: 'demo', lids: [1, 2], pids: [], days: 7, flag: false, skip: undefined })),
      'subdomain=demo&lids[]=1&lids[]=2&days=7&flag=false');
  });

  it('reads Retry-After in seconds and as a date', () => {
    const now = new Date('2026-11-24T15:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter('Tue, 24 Nov 2026 15:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });

  it('refreshes a token a minute before it expires', () => {
    const issuedAt = Date.parse('2026-11-24T15:00:00Z');
    const token = jwt.sign({ exp: issuedAt / 1000 + 3600 }, 'secret');
    assert.equal(jwtExpiry(token), issuedAt + 3_600_000);
    assert.equal(refreshTime(token, issuedAt), issuedAt + 3_540_000);
    assert.equal(refreshTime('not-a-jwt', issuedAt), issuedAt + 55 * 60_000);
  });

  it('exchanges the key once for many concurrent callers and again after expiry', async () => {
    const clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
    let exchanges = 0;
    const provider = new TokenProvider({
      exchange: async () => {
        exchanges += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return jwt.sign({ exp: clock.now().getTime() / 1000 + 3600, n: exchanges }, 'secret');
      },
    }, clock);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => provider.token()));
    assert.equal(exchanges, 1);
    assert.equal(new Set(tokens).size, 1);
    clock.advance(59 * 60_000);
    const renewed = await provider.token();
    assert.equal(exchanges, 2);
    assert.notEqual(renewed, tokens[0]);
    provider.invalidate(renewed);
    await provider.token();
    assert.equal(exchanges, 3);
  });

  it('keeps data out of error messages', () => {
    assert.equal(scrub('Patient ana@example.com with phone 555-201-3344 exists'), 'Patient [email] with phone [number] exists');
    assert.equal(scrub('Name "Ana Diaz" taken'), 'Name [value] taken');
    assert.equal(scrub('born 3/4/1990'), 'born [number]');
    const named = new NexHealthError('invalid', 'POST /patients', { status: 400, problems: ['Patient Ana Diaz already exists', 'Missing parameter bio.phone_number'] });
    assert.doesNotMatch(named.message, /Ana|Diaz/);
    assert.match(named.message, /\[details withheld\]; Missing parameter bio\.phone_number/);
    const error = new NexHealthError('invalid', 'POST /patients', { status: 400, problems: ['Email ana@example.com is invalid'] });
    assert.doesNotMatch(error.message, /ana@example/);
    assert.match(error.message, /POST \/patients: invalid \(400\)/);
  });

  it('accepts both shapes of a patient list', () => {
    const patient = { id: 1, first_name: 'A', last_name: 'B' };
    assert.deepEqual(extractPatients({ patients: [patient] }), [patient]);
    assert.deepEqual(extractPatients([{ patients: [patient] }]), [patient]);
    assert.deepEqual(extractPatients(null), []);
  });
});
