// The chat page's security headers: a Content-Security-Policy that allows only what the page and
// Web Chat need (scripts from this origin, an inline one only by its hash; Web Chat's injected
// styles; our Direct Line over fetch and WebSocket), and the sites a practice lets embed it.
import { createHash } from 'node:crypto';

/** The hashes of the page's inline scripts, for script-src (the chat page has none). */
function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`);
  }
  return hashes;
}

export function pageSecurityHeaders(html: string, frameAncestors: string[]): Record<string, string> {
  const policy = [
    "default-src 'none'",
    ["script-src 'self'", ...inlineScriptHashes(html)].join(' '),
    // Web Chat styles itself with injected <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
  const headers: Record<string, string> = { 'content-security-policy': policy };
  // Older browsers know only X-Frame-Options, which can say "same origin" or "never", not a list.
  if (frameAncestors.join(' ') === "'self'") headers['x-frame-options'] = 'SAMEORIGIN';
  if (frameAncestors.join(' ') === "'none'") headers['x-frame-options'] = 'DENY';
  return headers;
}
