// Direct Line's WebSocket stream: `{ activities, watermark }` frames for one conversation, opened
// with the conversation's token in the query (browsers cannot set headers on a WebSocket). On
// connect it first sends what the client has not seen (the greeting usually comes before the socket).
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { ActivitySet } from './conversation-store';
import { API_PATH } from './direct-line-routes';
import type { LocalDirectLine } from './local-direct-line';

const STREAM_PATH = new RegExp(`^${API_PATH}/conversations/([^/]+)/stream$`);
/** Ping so that dead sockets (a closed laptop) are noticed and dropped. */
const PING_INTERVAL_MS = 30_000;
const MAX_STREAMS_PER_CONVERSATION = 5;

export class StreamServer {
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  private readonly alive = new WeakSet<WebSocket>();
  private readonly pinger: NodeJS.Timeout;
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head);

  constructor(private readonly http: HttpServer, private readonly directLine: LocalDirectLine) {
    http.on('upgrade', this.onUpgrade);
    this.pinger = setInterval(() => this.ping(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.pinger);
    this.http.off('upgrade', this.onUpgrade);
    for (const client of this.sockets.clients) client.terminate();
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://local');
    } catch {
      return refuse(socket, 400, 'Bad Request');
    }
    const match = STREAM_PATH.exec(url.pathname);
    // The stream is the bot's only upgrade: any other is answered and closed, never left open.
    if (!match) return refuse(socket, 404, 'Not Found');
    const conversationId = decodedOrUndefined(match[1]);
    if (conversationId === undefined) return refuse(socket, 400, 'Bad Request');
    const check = this.directLine.tokens.verify(url.searchParams.get('t') ?? undefined);
    if (!check.ok) return refuse(socket, check.reason === 'expired' ? 403 : 401, check.reason === 'expired' ? 'Forbidden' : 'Unauthorized');
    if (check.grant.conversationId !== conversationId) return refuse(socket, 403, 'Forbidden');
    if (!this.directLine.store.get(conversationId)) return refuse(socket, 404, 'Not Found');
    if (this.directLine.store.listenerCount(conversationId) >= MAX_STREAMS_PER_CONVERSATION) return refuse(socket, 429, 'Too Many Requests');
    this.sockets.handleUpgrade(request, socket, head, (client) => this.open(client, conversationId, url.searchParams.get('watermark') ?? undefined));
  }

  private open(client: WebSocket, conversationId: string, watermark: string | undefined): void {
    const send = (set: ActivitySet) => {
      if (client.readyState === WebSocket.OPEN) client.send(JSON.stringify(set));
    };
    // Backlog and subscription in the same tick: nothing can slip in between.
    const backlog = this.directLine.store.since(conversationId, watermark);
    const stopListening = this.directLine.store.listen(conversationId, { deliver: send, end: () => client.close(1000, 'conversation ended') });
    if (!backlog || !stopListening) return void client.close(1000, 'conversation ended');
    if (backlog.activities.length > 0) send(backlog);
    this.alive.add(client);
    client.on('pong', () => this.alive.add(client));
    // Web Chat pings with empty messages; nothing a client sends on the stream is an activity.
    client.on('message', () => this.alive.add(client));
    client.on('close', stopListening);
    client.on('error', () => client.terminate());
  }

  private ping(): void {
    for (const client of this.sockets.clients) {
      if (!this.alive.has(client)) {
        client.terminate();
        continue;
      }
      this.alive.delete(client);
      client.ping();
    }
  }
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

function decodedOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
