// A minimal channel, as the Emulator is one: it posts activities to the bot's /api/messages with its
// own serviceUrl and records what the bot sends back to /v3/conversations/:id/activities[/:replyTo].
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export interface ChannelConversation {
  id: string;
  /** Sends a message as the user and waits until the bot has answered it (the HTTP call returns). */
  say(text: string, extra?: Partial<Activity>): Promise<Activity[]>;
  /** Sends any activity as the user. */
  send(activity: Partial<Activity>): Promise<{ status: number; replies: Activity[] }>;
  /** Every message the bot sent into this conversation so far. */
  received(): Activity[];
  /** Waits for a message (e.g. a proactive one) whose text matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<Activity>;
}

export class TestChannel {
  private server?: Server;
  private readonly activities = new Map<string, Activity[]>();
  private readonly listeners = new Set<() => void>();
  serviceUrl = '';

  constructor(private botUrl: string, private readonly channelId = 'emulator') {}

  /** The same channel and conversations, talking to another bot process (a restart on a new port). */
  retarget(botUrl: string): void {
    this.botUrl = botUrl;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void readJson(request).then((body) => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(request.url ?? '');
        if (request.method === 'POST' && match) {
          const conversationId = decodeURIComponent(match[1]);
          const activity = body as Activity;
          this.activities.set(conversationId, [...(this.activities.get(conversationId) ?? []), activity]);
          for (const listener of this.listeners) listener();
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ id: randomUUID() }));
          return;
        }
        response.writeHead(404);
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  conversation(options: { id?: string; userId?: string; conversationType?: string } = {}): ChannelConversation {
    const id = options.id ?? `conv-${randomUUID()}`;
    const userId = options.userId ?? `user-${randomUUID()}`;
    const received = () => this.activities.get(id) ?? [];
    const send = async (activity: Partial<Activity>) => {
      const before = received().length;
      const full = {
        type: 'message',
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        channelId: this.channelId,
        serviceUrl: this.serviceUrl,
        from: { id: userId, name: 'Patient' },
        recipient: { id: 'bot', name: 'Bot' },
        conversation: { id, conversationType: options.conversationType ?? 'personal' },
        ...activity,
      };
      const response = await fetch(`${this.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(full) });
      return { status: response.status, replies: received().slice(before) };
    };
    return {
      id,
      send,
      received,
      async say(text, extra = {}) {
        const { status, replies } = await send({ text, ...extra });
        if (status >= 300) throw new Error(`bot answered ${status}`);
        return replies;
      },
      waitFor: (pattern, timeoutMs = 10_000) => new Promise<Activity>((resolve, reject) => {
        const check = () => {
          const found = received().find((activity) => pattern.test(activity.text ?? ''));
          if (found) {
            cleanup();
            resolve(found);
          }
        };
        const timer = setTimeout(() => { cleanup(); reject(new Error(`no message matching ${pattern} within ${timeoutMs} ms`)); }, timeoutMs);
        const cleanup = () => { clearTimeout(timer); this.listeners.delete(check); };
        this.listeners.add(check);
        check();
      }),
    };
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
