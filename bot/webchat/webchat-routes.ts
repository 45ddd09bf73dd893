// Serves the chat page at `/` and Web Chat's prebuilt bundle, vendored in vendor/webchat (no CDN,
// and none of the package's dependency tree in node_modules; `npm run webchat:update` refreshes
// it). The bundle (~4 MB) is read and gzipped once, on first request, and cached by ETag.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { pageSecurityHeaders } from './page-security';
import { webChatPage, webChatScript, type WebChatPageOptions } from './webchat-page';

export const BUNDLE_PATH = '/webchat/webchat.js';
export const PAGE_SCRIPT_PATH = '/webchat/chat.js';

interface Bundle {
  plain: Buffer;
  gzipped: Buffer;
  etag: string;
}

export function registerWebChatRoutes(server: Server, page: Omit<WebChatPageOptions, 'bundlePath' | 'scriptPath'>, frameAncestors: string[]): void {
  const markup = webChatPage({ ...page, bundlePath: BUNDLE_PATH, scriptPath: PAGE_SCRIPT_PATH });
  const html = Buffer.from(markup);
  const script = webChatScript();
  const security = pageSecurityHeaders(markup, frameAncestors);
  let bundle: Promise<Bundle> | undefined;

  server.get('/', async (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': html.length,
      'cache-control': 'no-cache',
      ...security,
    });
    res.end(html);
  });

  server.get(PAGE_SCRIPT_PATH, async (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8', 'content-length': script.length, 'cache-control': 'no-cache' });
    res.end(script);
  });

  server.get(BUNDLE_PATH, async (req, res) => {
    bundle ??= loadBundle();
    let loaded: Bundle;
    try {
      loaded = await bundle;
    } catch {
      bundle = undefined;
      res.send(500, { error: 'The chat is not available.' });
      return;
    }
    sendBundle(req, res, loaded);
  });
}

function sendBundle(req: Request, res: Response, bundle: Bundle): void {
  const headers = { 'content-type': 'application/javascript; charset=utf-8', etag: bundle.etag, 'cache-control': 'public, max-age=3600', vary: 'accept-encoding' };
  if (req.headers['if-none-match'] === bundle.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = acceptsGzip ? bundle.gzipped : bundle.plain;
  res.writeHead(200, { ...headers, 'content-length': body.length, ...(acceptsGzip ? { 'content-encoding': 'gzip' } : {}) });
  res.end(body);
}

export const VENDORED_BUNDLE = path.join(projectRoot(), 'vendor', 'webchat', 'webchat.js');

async function loadBundle(): Promise<Bundle> {
  const plain = await readFile(VENDORED_BUNDLE);
  return { plain, gzipped: await promisify(gzip)(plain), etag: `"${createHash('sha256').update(plain).digest('base64url').slice(0, 27)}"` };
}

/** The folder with package.json: the same from bot/webchat (tsx) and dist/bot/webchat (compiled). */
function projectRoot(): string {
  let folder = __dirname;
  while (!existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return folder;
}
