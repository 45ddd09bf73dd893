// The practice's chat page: static files in bot/webchat/page (index.html, and chat.js, which
// connects Web Chat to the bot's own Direct Line), copied next to the compiled code by the build.
// The server fills the page's placeholders, escaped, once at start-up.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface WebChatPageOptions {
  practiceName: string;
  /** Where the Web Chat bundle is served. */
  bundlePath: string;
  /** Where the page's own script (chat.js) is served. */
  scriptPath: string;
  /** The Direct Line API's path on this server. */
  directLinePath: string;
}

/** The page's files: bot/webchat/page from the sources (tsx), dist/bot/webchat/page when compiled. */
export const PAGE_FOLDER = path.join(__dirname, 'page');

/** "demo-dental" → "Demo Dental": the practice's NexHealth subdomain, readable. */
export function practiceNameOf(subdomain: string): string {
  const words = subdomain.split(/[-_.\s]+/).filter(Boolean);
  return words.length > 0 ? words.map((word) => word[0].toUpperCase() + word.slice(1)).join(' ') : 'Our practice';
}

export function webChatPage(options: WebChatPageOptions): string {
  const initials = options.practiceName.split(/\s+/).map((word) => word[0] ?? '').join('').slice(0, 2).toUpperCase();
  const values: Record<string, string> = { ...options, initials };
  const template = readFileSync(path.join(PAGE_FOLDER, 'index.html'), 'utf8');
  return template.replace(/\{\{(\w+)\}\}/g, (_placeholder, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`webchat page: no value for {{${key}}}`);
    return escapeHtml(value);
  });
}

/** The page's script, as served. */
export function webChatScript(): Buffer {
  return readFileSync(path.join(PAGE_FOLDER, 'chat.js'));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
