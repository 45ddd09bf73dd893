// The CloudAdapter. With no app id it accepts unauthenticated requests (Emulator, local channels);
// with credentials it enforces Bot Framework JWTs. A failed turn apologises and leaves the
// conversation usable: state of the failed turn is not saved, so the patient can just answer again.
import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';
import type { BotCredentials } from '../services/config';
import type { Logger } from '../services/logger';
import { isNexHealthError, scrub } from '../services/nexhealth';
import { ChannelRendering } from './rendering/channel-rendering';
import { apologiseForFailedTurns } from './turn-error';

/** How the bot proves itself to a channel in its own process (the local Direct Line). */
export interface LocalChannelSigning {
  header: string;
  key: string;
  /** Calls to URLs under this carry the key. */
  serviceUrl: () => string;
}

export function createAdapter(credentials: BotCredentials, logger: Logger, localChannel: LocalChannelSigning): CloudAdapter {
  const credentialsFactory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: credentials.appId ?? '',
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId ?? '',
  });
  const authentication = new ConfigurationBotFrameworkAuthentication({}, new LocalChannelCredentials(credentialsFactory, localChannel));
  const adapter = new CloudAdapter(authentication);

  adapter.onTurnError = apologiseForFailedTurns(logger);
  // Dialogs say channel-neutral messages; each channel's look is decided here, once.
  adapter.use(new ChannelRendering());
  return adapter;
}

/**
 * The configured credentials, plus the local channel's key on calls to the local channel, so its
 * connector routes can refuse everyone but this bot (with no app id nothing else signs them).
 */
class LocalChannelCredentials extends ServiceClientCredentialsFactory {
  constructor(private readonly inner: ServiceClientCredentialsFactory, private readonly local: LocalChannelSigning) {
    super();
  }

  isValidAppId(appId: string): Promise<boolean> {
    return this.inner.isValidAppId(appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return this.inner.isAuthenticationDisabled();
  }

  async createCredentials(appId: string, audience: string | undefined, loginEndpoint: string, validateAuthority: boolean): Promise<ServiceClientCredentials> {
    const credentials = await this.inner.createCredentials(appId, audience, loginEndpoint, validateAuthority);
    return {
      signRequest: async (request: Parameters<ServiceClientCredentials['signRequest']>[0]) => {
        const signed = await credentials.signRequest(request);
        if (signed.url.startsWith(`${this.local.serviceUrl()}/`)) signed.headers.set(this.local.header, this.local.key);
        return signed;
      },
    };
  }
}

export function describeError(error: unknown): { name: string; message?: string; stack?: string } {
  if (isNexHealthError(error)) return { name: error.name, message: error.message };
  // Masked like the client's errors, in case a message ever quotes a value.
  if (error instanceof Error) return { name: error.name, message: scrub(error.message), stack: error.stack?.split('\n').slice(1, 6).join('\n') };
  return { name: typeof error };
}
