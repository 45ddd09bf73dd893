// Phone and email. A phone number only has to be *possible* (the sandbox and many real lines
// use 555 numbers), and is returned in E.164 with the US as the default region.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { MessageText } from './message-text';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Digits with the separators people type; dates (slashes) and times (colons) are not phones. */
const PHONE = /(?:\+\s?)?\(?\d[\d\s().-]{5,20}\d(?:\s*(?:ext\.?|x|extension)\s*\d{1,6})?/g;

function phoneFrom(candidate: string): string | undefined {
  const withoutExtension = candidate.replace(/\s*(?:ext\.?|x|extension)\s*\d{1,6}$/, '');
  const digits = withoutExtension.replace(/\D/g, '');
  const international = withoutExtension.trimStart().startsWith('+');
  // A US number has 10 digits (11 with the leading 1); other countries need their "+".
  if (!international && !(digits.length === 10 || (digits.length === 11 && digits.startsWith('1')))) return undefined;
  if (international && (digits.length < 8 || digits.length > 15)) return undefined;
  try {
    const parsed = parsePhoneNumberFromString(withoutExtension, 'US');
    return parsed?.isPossible() ? parsed.number : undefined;
  } catch {
    return undefined; // libphonenumber throws on some malformed input; a message never does
  }
}

/** The first email address (lower-cased); every address is consumed. */
export function extractEmail(message: MessageText): string | undefined {
  let email: string | undefined;
  for (const match of message.remaining.matchAll(EMAIL)) {
    const start = match.index ?? 0;
    email ??= match[0].replace(/\.+$/, '');
    message.consume(start, start + match[0].length);
  }
  return email;
}

/** The first possible phone number in E.164; every one is consumed. */
export function extractPhone(message: MessageText): string | undefined {
  let found: string | undefined;
  for (const match of message.remaining.matchAll(PHONE)) {
    const start = match.index ?? 0;
    // The separators also swallow a neighbouring number ("555-201-3344 3 pm"): drop trailing groups.
    let candidate = match[0].replace(/[\s().-]+$/, '');
    let phone = phoneFrom(candidate);
    while (phone === undefined && /\s\S+$/.test(candidate)) {
      candidate = candidate.replace(/\s+\S+$/, '').replace(/[\s().-]+$/, '');
      phone = phoneFrom(candidate);
    }
    if (phone === undefined) continue;
    found ??= phone;
    message.consume(start, start + candidate.length);
  }
  return found;
}
