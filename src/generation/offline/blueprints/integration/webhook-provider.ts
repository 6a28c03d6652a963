import { channelsNamed } from '../../coverage/notification-channels.js';
import type { NotificationChannel } from '../../coverage/notification-channels.js';
import { wordsOf } from '../../naming/words-of.js';

/** A webhook sender's documented delivery headers, lowercased as API Gateway passes them. */
export interface WebhookProvider {
  /** As people write it: `GitHub`. */
  readonly name: string;
  readonly signatureHeader: string;
  /** Names the delivery's event (`push`, `pull_request`). */
  readonly eventHeader?: string;
  /** A unique id per delivery, kept on redelivery: the id deliveries are deduplicated by. */
  readonly deliveryHeader?: string;
  /** The provider's own page on checking its deliveries. */
  readonly docs: string;
  /**
   * Set when the provider does not sign as the generated check does (HMAC-SHA256 of the raw body, hex,
   * optional `sha256=` prefix): what it does instead, so the coverage table says so.
   */
  readonly otherScheme?: string;
  /** The provider's list of event types, when it is not on `docs`. */
  readonly eventTypesDocs?: string;
  /** Set when the generated check follows the provider's own scheme rather than the plain HMAC of the body. */
  readonly scheme?: 'stripe';
  /** Set when people are also reached through the provider (`notified by Slack`): a mention as that channel is a notice, not the sender. */
  readonly channel?: NotificationChannel['name'];
}

/** Providers a request may name, by the word that names them. */
export const WEBHOOK_PROVIDERS: Readonly<Record<string, WebhookProvider>> = {
  // https://docs.github.com/en/webhooks/webhook-events-and-payloads#delivery-headers
  github: {
    name: 'GitHub',
    signatureHeader: 'x-hub-signature-256',
    eventHeader: 'x-github-event',
    deliveryHeader: 'x-github-delivery',
    eventTypesDocs: 'https://docs.github.com/en/webhooks/webhook-events-and-payloads',
    docs: 'https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries',
  },
  // https://docs.stripe.com/webhooks#verify-manually
  stripe: {
    name: 'Stripe',
    signatureHeader: 'stripe-signature',
    docs: 'https://docs.stripe.com/webhooks#verify-manually',
    scheme: 'stripe',
    eventTypesDocs: 'https://docs.stripe.com/api/events/types',
  },
  // https://docs.gitlab.com/user/project/integrations/webhooks/#custom-headers
  gitlab: {
    name: 'GitLab',
    signatureHeader: 'x-gitlab-token',
    eventHeader: 'x-gitlab-event',
    deliveryHeader: 'x-gitlab-event-uuid',
    docs: 'https://docs.gitlab.com/user/project/integrations/webhooks/',
    otherScheme:
      'GitLab sends the secret token itself in X-Gitlab-Token rather than a signature, so the generated HMAC check refuses its deliveries; compare the token in constant time in src/signature.ts',
  },
  // https://api.slack.com/authentication/verifying-requests-from-slack and https://api.slack.com/apis/events-api
  slack: {
    name: 'Slack',
    signatureHeader: 'x-slack-signature',
    docs: 'https://api.slack.com/authentication/verifying-requests-from-slack',
    eventTypesDocs: 'https://api.slack.com/events',
    channel: 'slack',
    otherScheme:
      "Slack signs `v0:<X-Slack-Request-Timestamp>:<raw body>` (HMAC-SHA256, hex, `v0=` prefix), so the generated check refuses its deliveries; nor does the receiver answer the Events API's url_verification challenge (Slack will not accept the request URL) or read the event's type from `event.type`: adapt src/signature.ts and src/receive-webhook.ts",
  },
  // https://buildkite.com/docs/apis/webhooks/pipelines (the event names: /docs/webhooks/build-events)
  buildkite: {
    name: 'Buildkite',
    signatureHeader: 'x-buildkite-signature',
    eventHeader: 'x-buildkite-event',
    docs: 'https://buildkite.com/docs/apis/webhooks/pipelines',
    eventTypesDocs: 'https://buildkite.com/docs/webhooks/build-events',
    otherScheme:
      'Buildkite signs `<timestamp>.<raw body>` (HMAC-SHA256, hex) and sends `timestamp=<t>,signature=<hex>` in X-Buildkite-Signature, so the generated check refuses its deliveries; split the header and sign the timestamp with the body in src/signature.ts',
  },
  // https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook
  shopify: {
    name: 'Shopify',
    signatureHeader: 'x-shopify-hmac-sha256',
    eventHeader: 'x-shopify-topic',
    deliveryHeader: 'x-shopify-webhook-id',
    docs: 'https://shopify.dev/docs/apps/build/webhooks/subscribe/https',
    otherScheme:
      'Shopify sends the HMAC-SHA256 as base64, not hex, so the generated check refuses its deliveries; compare the base64 digest in src/signature.ts',
  },
};

/**
 * The sender the request names (`GitHub webhooks` → GitHub): the first provider some text names as
 * other than a way of reaching a person. `As an agent I am notified by Slack` asks for a notice, so
 * Slack is not who delivers the webhooks (its channel is read as `channelsNamed` reads notices).
 * Texts are whole sentences or stories, as written.
 */
export function webhookProviderOf(texts: readonly string[]): WebhookProvider | undefined {
  const read = texts.map((text) => ({ words: wordsOf(text), channels: channelsNamed(text) }));
  const key = Object.keys(WEBHOOK_PROVIDERS).find((word) =>
    read.some(
      ({ words, channels }) =>
        words.includes(word) &&
        !channels.some((channel) => channel.name === WEBHOOK_PROVIDERS[word]?.channel),
    ),
  );
  return key === undefined ? undefined : WEBHOOK_PROVIDERS[key];
}
