// Posts a patient's message to the bot from an address of its own on loopback (127.0.x.y): the bot
// limits unauthenticated messages per address, and real patients do not share one.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';

export interface Sender { botUrl: string; serviceUrl: string; conversationId: string; userId: string; localAddress: string }

export const loopbackAddress = (index: number): string => `127.0.${Math.floor(index / 250) + 1}.${(index % 250) + 2}`;

/** Resolves with the HTTP status once the bot has finished the turn (0 when the request failed). */
export function postMessage(sender: Sender, text: string): Promise<number> {
  const body = JSON.stringify({
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'emulator',
    serviceUrl: sender.serviceUrl,
    from: { id: sender.userId, name: 'Patient' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: sender.conversationId, conversationType: 'personal' },
    text,
  });
  return new Promise((resolve) => {
    const outgoing = request(`${sender.botUrl}/api/messages`, {
      method: 'POST',
      localAddress: sender.localAddress,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', () => resolve(0));
    outgoing.end(body);
  });
}
