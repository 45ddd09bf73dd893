import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../services/logger';

describe('logger redaction', () => {
  it('masks patient fields wherever they sit, and keeps names of things', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    const logger = createLogger({ destination: sink });
    logger.info({
      patient: { first_name: 'Ana', last_name: 'Diaz', name: 'Ana Diaz' },
      request: { email: 'ana@example.com', bio: { date_of_birth: '1990-03-04', phone_number: '5552013344' } },
      activity: { text: "I'm Ana Diaz, born 3/4/1990" },
      err: { name: 'NexHealthError' },
      draft: { firstName: 'Ana' },
    }, 'turn');
    const line = lines.join('');
    for (const secret of ['Ana', 'Diaz', 'ana@example.com', '1990-03-04', '5552013344', '3/4/1990']) assert.ok(!line.includes(secret), `${secret} leaked: ${line}`);
    assert.match(line, /"name":"booking-bot"/);
    assert.match(line, /"err":\{"name":"NexHealthError"\}/);
  });
});
