// A patient on the local Direct Line over plain HTTP (what Web Chat does, without a browser).
import type { Activity } from 'botbuilder';
import { until } from '../support/waiting';

interface Grant {
  conversationId: string;
  token: string;
}

export class DirectLineChat {
  private watermark?: string;

  private constructor(private readonly botUrl: string, readonly grant: Grant) {}

  static async open(botUrl: string): Promise<DirectLineChat> {
    const generated = await fetch(`${botUrl}/v3/directline/tokens/generate`, { method: 'POST' });
    if (!generated.ok) throw new Error(`tokens/generate answered ${generated.status}`);
    const chat = new DirectLineChat(botUrl, (await generated.json()) as Grant);
    await fetch(`${botUrl}/v3/directline/conversations`, { method: 'POST', headers: chat.auth() });
    return chat;
  }

  auth(): Record<string, string> {
    return { authorization: `Bearer ${this.grant.token}` };
  }

  get activitiesPath(): string {
    return `/v3/directline/conversations/${this.grant.conversationId}/activities`;
  }

  /** Posts a message; the HTTP status (429 when the channel refuses it). */
  async post(text: string): Promise<number> {
    const response = await fetch(`${this.botUrl}${this.activitiesPath}`, {
      method: 'POST',
      headers: { ...this.auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'patient' }, text }),
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** The bot's messages since the last read. */
  async botMessages(): Promise<Activity[]> {
    const query = this.watermark ? `?watermark=${this.watermark}` : '';
    const response = await fetch(`${this.botUrl}${this.activitiesPath}${query}`, { headers: this.auth() });
    const set = (await response.json()) as { activities: Activity[]; watermark?: string };
    this.watermark = set.watermark ?? this.watermark;
    return set.activities.filter((activity) => activity.from?.role === 'bot');
  }

  /** Waits until the bot says something matching; returns that message. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<Activity> {
    let found: Activity | undefined;
    await until(async () => {
      found = (await this.botMessages()).find((activity) => pattern.test(activity.text ?? ''));
      return found !== undefined;
    }, timeoutMs);
    return found as Activity;
  }

  async say(text: string, expected: RegExp): Promise<Activity> {
    const status = await this.post(text);
    if (status !== 200) throw new Error(`posting answered ${status}`);
    return this.waitFor(expected);
  }
}

export function suggestedTitles(activity: Activity): string[] {
  return (activity.suggestedActions?.actions ?? []).map((action) => String(action.title ?? ''));
}
