// Who said STOP, kept in the bot's Storage so it survives restarts. Keys are a hash of the number:
// a state dump does not list patients' phone numbers.
import { createHash } from 'node:crypto';
import type { Storage } from 'botbuilder';

interface OptOutRecord {
  optedOutAt: string;
  eTag?: string;
}

export class OptOutStore {
  constructor(private readonly storage: Storage, private readonly now: () => Date = () => new Date()) {}

  async isOptedOut(phoneNumber: string): Promise<boolean> {
    const key = optOutKey(phoneNumber);
    const items = await this.storage.read([key]);
    return items[key] !== undefined;
  }

  async optOut(phoneNumber: string): Promise<void> {
    const record: OptOutRecord = { optedOutAt: this.now().toISOString(), eTag: '*' };
    await this.storage.write({ [optOutKey(phoneNumber)]: record });
  }

  async optIn(phoneNumber: string): Promise<void> {
    await this.storage.delete([optOutKey(phoneNumber)]);
  }
}

export function optOutKey(phoneNumber: string): string {
  return `twilio-sms/opt-out/${createHash('sha256').update(phoneNumber.trim()).digest('hex')}`;
}
