import type { Provider } from '../nexhealth';

/** "Dr. Sarah Lee": what patients call a provider. */
export function providerName(provider: Provider): string {
  if (provider.display_name) return provider.display_name;
  const full = provider.name || [provider.first_name, provider.last_name].filter(Boolean).join(' ');
  return `Dr. ${full}`;
}
