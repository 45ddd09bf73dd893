// Twilio's REST client for sending SMS. TWILIO_API_BASE_URL points it elsewhere (a local fake in
// tests) through the client's documented `httpClient` hook rather than patching its internals.
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import type { TwilioConfig } from '../../../services/config';

/** Rewrites https://*.twilio.com/... to the configured base URL, keeping path and query. */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super();
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    const original = new URL(opts.uri);
    const rebased = new URL(`${original.pathname}${original.search}`, `${this.baseUrl}/`);
    return super.request<TData>({ ...opts, uri: rebased.href });
  }
}

export function createTwilioClient(config: TwilioConfig): twilio.Twilio {
  return twilio(config.accountSid, config.authToken, {
    httpClient: config.apiBaseUrl ? new RebasedRequestClient(config.apiBaseUrl) : undefined,
    // Twilio answers 429 when a number sends too fast; the client backs off and retries.
    autoRetry: true,
  });
}
