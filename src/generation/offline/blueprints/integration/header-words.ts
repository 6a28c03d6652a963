import type { WebhookProvider } from './webhook-provider.js';

/** `, typed by its X-GitHub-Event header and deduplicated by X-GitHub-Delivery`: the sender's headers the receiver reads. */
export function headerWords(provider: WebhookProvider | undefined): string {
  if (provider?.eventHeader === undefined || provider.deliveryHeader === undefined) return '';
  return `, typed by ${provider.name}'s ${provider.eventHeader} header and deduplicated by ${provider.deliveryHeader}`;
}
