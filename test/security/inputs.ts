// What an attacker sends to every route: bodies that are malformed, empty, oversized, compressed
// or multipart, wrong content types, and activities that are unknown or incomplete.
import { gzipSync, deflateSync } from 'node:zlib';

/** Put in bodies that could be echoed back: no answer may contain it. */
export const ECHO_MARK = 'ECHO-7f3a9c';

export interface HostileInput {
  name: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  chunked?: boolean;
  /** Broken at the transport (framing, type, encoding, size): every route must refuse it with 4xx. */
  broken: boolean;
}

const json = { 'content-type': 'application/json' };
const multipart = [
  '--x', 'Content-Disposition: form-data; name="file"; filename="payload.bin"', 'Content-Type: application/octet-stream', '', ECHO_MARK.repeat(1000), '--x--', '',
].join('\r\n');
const megabytes = (count: number) => Buffer.from(`{"type":"message","text":"${'a'.repeat(count * 1024 * 1024)}"}`);

export const HOSTILE_INPUTS: HostileInput[] = [
  { name: 'no body', broken: false },
  { name: 'empty JSON object', headers: json, body: '{}', broken: false },
  { name: 'malformed JSON', headers: json, body: `{"type": "${ECHO_MARK}`, broken: true },
  { name: 'JSON sent as text/plain', headers: { 'content-type': 'text/plain' }, body: '{"type":"message"}', broken: true },
  { name: 'no content type', body: '{"type":"message"}', broken: true },
  { name: 'numeric type', headers: json, body: '{"type":5}', broken: false },
  { name: 'JSON array', headers: json, body: '[1,2,3]', broken: false },
  { name: 'JSON null', headers: json, body: 'null', broken: false },
  { name: '100,000 levels of nesting', headers: json, body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, broken: false },
  { name: 'prototype keys', headers: json, body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"type":"message","text":"hi"}', broken: false },
  { name: 'invalid UTF-8', headers: json, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), broken: true },
  { name: 'multipart upload', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: multipart, broken: true },
  { name: 'gzip header, not gzip', headers: { ...json, 'content-encoding': 'gzip' }, body: `not gzip ${ECHO_MARK}`, broken: true },
  { name: 'gzip bomb (48 MB inflated)', headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(48 * 1024 * 1024)), broken: true },
  { name: 'deflate', headers: { ...json, 'content-encoding': 'deflate' }, body: deflateSync(Buffer.from('{"type":"message"}')), broken: true },
  { name: 'brotli', headers: { ...json, 'content-encoding': 'br' }, body: Buffer.from([0x0b, 0x02, 0x80]), broken: true },
  { name: '2 MB body', headers: json, body: megabytes(2), broken: true },
  { name: '2 MB body, chunked', headers: json, body: megabytes(2), chunked: true, broken: true },
  { name: '20 MB body', headers: json, body: megabytes(20), broken: true },
];

/** Activities for /api/messages: incomplete, unknown, or naming a serviceUrl the bot must not call. */
export function hostileActivities(serviceUrl: string, botPort: number): { name: string; activity: Record<string, unknown>; headers?: Record<string, string> }[] {
  const full = { type: 'message', text: 'hi', channelId: 'emulator', serviceUrl, conversation: { id: 'fuzz-conversation' }, from: { id: 'fuzz-user' }, recipient: { id: 'bot' } };
  const without = (field: keyof typeof full) => Object.fromEntries(Object.entries(full).filter(([key]) => key !== field));
  return [
    { name: 'no conversation', activity: without('conversation') },
    { name: 'no channelId', activity: without('channelId') },
    { name: 'no serviceUrl', activity: without('serviceUrl') },
    { name: 'no from', activity: without('from') },
    { name: 'no type', activity: without('type') },
    { name: 'serviceUrl not a URL', activity: { ...full, serviceUrl: 'javascript:alert(1)' } },
    { name: 'conversation id of 10 KB', activity: { ...full, conversation: { id: 'c'.repeat(10_240) } } },
    { name: 'serviceUrl elsewhere (SSRF)', activity: { ...full, serviceUrl: 'http://192.0.2.10:8080' } },
    { name: 'serviceUrl on the internet (SSRF)', activity: { ...full, serviceUrl: 'https://attacker.example.com' } },
    { name: 'serviceUrl naming the bot itself', activity: { ...full, serviceUrl: `http://127.0.0.1:${botPort}/directline` } },
    { name: 'through a proxy (X-Forwarded-For)', activity: full, headers: { 'x-forwarded-for': '203.0.113.9' } },
    { name: 'through a tunnel (Forwarded)', activity: full, headers: { forwarded: 'for=203.0.113.9;proto=https' } },
    { name: 'a guessed local channel key', activity: full, headers: { 'x-local-channel-key': 'guessed' } },
  ];
}

/** Words that only come from inside: stack frames, library and SDK messages. */
export const INTERNAL_TEXT = /restify|validateAndFix|req\.body|middleware|node_modules|Z_DATA|SyntaxError|TypeError|RangeError|Unexpected token|at \S+ \(|stack|\.ts:\d+/i;
