// The CloudAdapter. With no app id it accepts unauthenticated requests (Emulator, local channels);
// with credentials it enforces Bot Framework JWTs. A failed turn apologises and leaves the
// conversation usable: state of the failed turn is not saved, so the patient can just answer again.
import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type TurnContext,
} from 'botbuilder';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';
import { DialogContextError } from 'botbuilder-dialogs';
import { messages } from '../dialogs/messages';
import type { BotCredentials } from '../services/config';
import type { Logger } from '../services/logger';
import { isNexHealthError, scrub } from '../services/nexhealth';

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

  adapter.onTurnError = async (context: TurnContext, thrown: unknown) => {
    // Dialogs wrap what a step threw; the cause decides what the patient is told.
    const error = thrown instanceof DialogContextError ? thrown.error : thrown;
    // Only the error's kind and name: a message could, in theory, quote what a patient typed.
    const kind = isNexHealthError(error) ? error.kind : undefined;
    logger.error({ err: describeError(error), kind, channel: context.activity.channelId }, 'turn failed');
    try {
      await context.sendActivity(kind === 'unavailable' || kind === 'rate_limited' ? messages.serviceDown : messages.error);
    } catch (sendError) {
      logger.error({ err: describeError(sendError) }, 'could not apologise to the channel');
    }
  };
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
