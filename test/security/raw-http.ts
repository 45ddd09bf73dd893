// Requests as an attacker sends them: any headers, any bytes, slowly if need be. node:http with
// no agent (one connection each), so a refused body or a closed connection is seen as it happens.
import http from 'node:http';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: Buffer | string;
  /** Sent as chunks without a Content-Length. */
  chunked?: boolean;
}

export function send(baseUrl: string, request: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body;
    // Keep-alive, as browsers and SDKs send it: with "Connection: close" (node's default without an
    // agent) the server closes right after answering, and a body still being written meets a reset.
    const headers: Record<string, string | number> = { connection: 'keep-alive', ...(request.headers ?? {}) };
    if (body && !request.chunked && headers['content-length'] === undefined) headers['content-length'] = body.length;
    const outgoing = http.request(`${baseUrl}${request.path}`, { method: request.method ?? 'POST', headers, agent: false }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') });
        outgoing.destroy();
      });
      response.on('error', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    // A server that refuses a body early may close while it is still being written.
    outgoing.on('error', (error) => { if (!answered) reject(error); });
    if (body && request.chunked) {
      for (let offset = 0; offset < body.length; offset += 64 * 1024) outgoing.write(body.subarray(offset, offset + 64 * 1024));
      outgoing.end();
    } else {
      outgoing.end(body);
    }
  });
}
