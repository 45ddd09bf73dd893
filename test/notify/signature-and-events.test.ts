import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { parseWebhookEvent, signWebhook, verifyWebhookSignature } from '../../services/notify';

describe('webhook signature', () => {
  const secret = 'whsec-123';
  const body = '{"event_name":"appointment_insertion.complete","data":{"appointment":{"id":5}}}';
  const timestamp = '2026-11-24T15:00:00Z';
  const now = new Date('2026-11-24T15:01:00Z');

  it('is HMAC-SHA256 hex over timestamp + "." + base64(body), as NexHealth documents', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${Buffer.from(body).toString('base64')}`).digest('hex');
    assert.equal(signWebhook(body, timestamp, secret), expected);
  });

  it('reads an epoch timestamp (seconds or milliseconds) as well as ISO 8601', () => {
    for (const epoch of ['1795964400', '1795964400000']) {
      assert.equal(verifyWebhookSignature(body, { timestamp: epoch, signature: signWebhook(body, epoch, secret) }, secret, new Date(1795964400000 + 60_000)), 'valid', epoch);
    }
    assert.equal(verifyWebhookSignature(body, { timestamp: 'yesterday', signature: signWebhook(body, 'yesterday', secret) }, secret, now), 'stale');
  });

  it('accepts the right signature and refuses everything else', () => {
    const signature = signWebhook(body, timestamp, secret);
    assert.equal(verifyWebhookSignature(body, { timestamp, signature }, secret, now), 'valid');
    assert.equal(verifyWebhookSignature(body, { timestamp, signature: signature.toUpperCase() }, secret, now), 'valid');
    assert.equal(verifyWebhookSignature(`${body} `, { timestamp, signature }, secret, now), 'mismatch');
    assert.equal(verifyWebhookSignature(body, { timestamp: '2026-11-24T15:00:01Z', signature }, secret, now), 'mismatch');
    assert.equal(verifyWebhookSignature(body, { timestamp, signature: 'abc' }, secret, now), 'mismatch');
    assert.equal(verifyWebhookSignature(body, { timestamp }, secret, now), 'missing');
    assert.equal(verifyWebhookSignature(undefined, { timestamp, signature }, secret, now), 'missing');
    // NexHealth retries for 48 h and may re-send the original signature: that whole horizon is valid.
    assert.equal(verifyWebhookSignature(body, { timestamp, signature }, secret, new Date('2026-11-24T15:06:00Z')), 'valid');
    assert.equal(verifyWebhookSignature(body, { timestamp, signature }, secret, new Date('2026-11-26T15:00:00Z')), 'valid');
    assert.equal(verifyWebhookSignature(body, { timestamp, signature }, secret, new Date('2026-11-26T17:00:00Z')), 'stale');
    assert.equal(verifyWebhookSignature(body, { timestamp, signature }, secret, new Date('2026-11-24T14:54:00Z')), 'stale', 'from the future');
  });
});

describe('webhook events', () => {
  it('reads insertion results, office changes and sync status, and ignores what we did not subscribe to', () => {
    assert.deepEqual(parseWebhookEvent({ event_name: 'appointment_insertion.complete', data: { appointment: { id: 5, foreign_id: 'x' } } }), { kind: 'insertion', appointmentId: 5, outcome: 'complete' });
    assert.deepEqual(parseWebhookEvent({ event_name: 'appointment_insertion.failed', data: { appointment: { id: 6 }, error: ['no'] } }), { kind: 'insertion', appointmentId: 6, outcome: 'failed' });
    assert.deepEqual(parseWebhookEvent({ event_name: 'appointment_created', data: { appointments: [{ id: 1 }] } }), { kind: 'ignored', eventName: 'appointment_created' });
    assert.deepEqual(parseWebhookEvent({ event_name: 'appointment_insertion.timed_out', data: { appointment: { id: 8 } } }), { kind: 'insertion', appointmentId: 8, outcome: 'failed' });
    // The docs' shape (data.appointment) and the plural one appointment_created uses.
    assert.deepEqual(parseWebhookEvent({ event_name: 'appointment_updated', data: { appointment: { id: '9101', cancelled: true } } }), { kind: 'appointment_updated', appointmentIds: [9101] });
    assert.deepEqual(parseWebhookEvent({ event_name: 'appointment_updated', data: { appointments: [{ id: 1 }, { id: 2 }] } }), { kind: 'appointment_updated', appointmentIds: [1, 2] });
    assert.deepEqual(parseWebhookEvent({ event_name: 'appointment_updated', data: {} }), { kind: 'malformed' });
    assert.deepEqual(parseWebhookEvent({ event_name: 'sync_status_write_change.red', data: null }), { kind: 'sync_write_status', online: false });
    assert.deepEqual(parseWebhookEvent({ event_name: 'sync_status_write_change.green' }), { kind: 'sync_write_status', online: true });
    assert.deepEqual(parseWebhookEvent({ event_name: 'appointment_insertion.complete', data: {} }), { kind: 'malformed' });
    assert.deepEqual(parseWebhookEvent('nonsense'), { kind: 'malformed' });
  });

  it('reads an event whatever shape its optional parts take (only event_name and the appointment id are required)', () => {
    const failed = {
      event_name: 'appointment_insertion.failed', webhook_subscription_id: '12', resource_type: null, delivery_errors: 'none',
      data: { appointment: { id: '9101', foreign_id: 4242, status: { unknown: true } }, error: 'The record system refused it', extra: [[1]] },
    };
    assert.deepEqual(parseWebhookEvent(failed), { kind: 'insertion', appointmentId: 9101, outcome: 'failed' });
    const nested = { event_name: 'appointment_insertion.failed', data: { appointment: { id: 7 }, error: [['no chair'], ['no provider']] } };
    assert.deepEqual(parseWebhookEvent(nested), { kind: 'insertion', appointmentId: 7, outcome: 'failed' });
    assert.deepEqual(parseWebhookEvent({ event_name: 'sync_status_write_change', data: null }), { kind: 'ignored', eventName: 'sync_status_write_change' });
    assert.deepEqual(parseWebhookEvent({ event_name: 'appointment_insertion.complete', data: { appointment: { id: 'abc' } } }), { kind: 'malformed' });
    assert.deepEqual(parseWebhookEvent({ event_name: 'appointment_insertion.complete', data: { appointment: { id: -3 } } }), { kind: 'malformed' });
  });
});
