import type { IntegrationAsks } from './integration-asks.js';

/**
 * What the signature check assumes: for a sender whose documented scheme it is (GitHub:
 * https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries), only that
 * timestamps are not checked; for one that signs otherwise, that its deliveries are refused.
 */
export function signatureGaps(asks: IntegrationAsks): string[] {
  const provider = asks.provider;
  const replay = 'replay protection by timestamp is not generated';
  if (provider?.scheme === 'stripe' && asks.signatureHeader === provider.signatureHeader) return [];
  if (provider?.otherScheme !== undefined) return [provider.otherScheme, replay];
  if (provider !== undefined && asks.signatureHeader === provider.signatureHeader) return [replay];
  return [
    `the provider's signature scheme is assumed: HMAC-SHA256 of the raw body, hex, in the SignatureHeader header (default ${asks.signatureHeader ?? 'x-signature'}${asks.signatureHeader === undefined ? '' : ', as the request names it'}); ${replay}`,
  ];
}
