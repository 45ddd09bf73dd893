// A local stand-in for Twilio's REST API: POST /2010-04-01/Accounts/:sid/Messages.json with HTTP
// basic auth (account SID + auth token), recording every message it is asked to send.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentSms {
  sid: string;
  to: string;
  from: string;
  body: string;
}

export class FakeTwilio {
  readonly sent: SentSms[] = [];
  /** Numbers Twilio refuses to message, as after a carrier-level STOP (error 21610). */
  readonly unsubscribed = new Set<string>();
  url = '';
  private server?: Server;
  private readonly listeners = new Set<() => void>();

  constructor(readonly accountSid: string, readonly authToken: string) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Messages sent to one number. */
  to(phoneNumber: string): SentSms[] {
    return this.sent.filter((message) => message.to === phoneNumber);
  }

  /** Waits until `count` messages went to the number (in total), then returns them all. */
  waitForCount(phoneNumber: string, count: number, timeoutMs = 10_000): Promise<SentSms[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.to(phoneNumber).length >= count) {
          cleanup();
          resolve(this.to(phoneNumber));
        }
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`expected ${count} SMS, got ${this.to(phoneNumber).length}`)); }, timeoutMs);
      const cleanup = () => { clearTimeout(timer); this.listeners.delete(check); };
      this.listeners.add(check);
      check();
    });
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if (request.method !== 'POST' || !match) return { status: 404, body: { code: 20404, message: 'The requested resource was not found', status: 404 } };
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected || match[1] !== this.accountSid) {
      return { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } };
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? '';
    const body = form.get('Body') ?? '';
    if (!to || !from || !body) return { status: 400, body: { code: 21602, message: 'Message body is required.', status: 400 } };
    if (this.unsubscribed.has(to)) return { status: 400, body: { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 } };
    const sid = `SM${randomBytes(16).toString('hex')}`;
    this.sent.push({ sid, to, from, body });
    for (const listener of this.listeners) listener();
    const now = new Date().toUTCString();
    return {
      status: 201,
      body: {
        sid, account_sid: this.accountSid, to, from, body, status: 'queued', direction: 'outbound-api', num_segments: '1', num_media: '0',
        date_created: now, date_updated: now, date_sent: null, api_version: '2010-04-01', uri: `${path.replace(/\.json$/, '')}/${sid}.json`,
      },
    };
  }
}
