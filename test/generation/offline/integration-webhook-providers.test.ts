import { blueprintInputFrom } from '../../../src/generation/offline/blueprint-input-from.js';
import { integrationAsks } from '../../../src/generation/offline/blueprints/integration/integration-asks.js';
import { fileContent, generate, parseBundleTemplate, requestFor } from './offline-test-requests.js';

const asksFor = (description: string) =>
  integrationAsks(
    blueprintInputFrom(requestFor({ taskType: 'integration', taskName: 'Hooks', description, stories: [] })),
  );

/** A webhook sender the request names gets its documented headers (#11 new-user pass). */
describe('webhook providers', () => {
  it.each([
    ['Receive GitHub webhooks.', 'x-hub-signature-256', 'x-github-event', 'x-github-delivery'],
    ['Receive GitLab webhooks.', 'x-gitlab-token', 'x-gitlab-event', 'x-gitlab-event-uuid'],
    ['Receive Shopify webhooks.', 'x-shopify-hmac-sha256', 'x-shopify-topic', 'x-shopify-webhook-id'],
    ['Receive Stripe webhooks.', 'stripe-signature', undefined, undefined],
    ['Receive partner webhooks.', undefined, undefined, undefined],
  ])('%s → signature %s, event %s, delivery %s', (description, signature, event, delivery) => {
    const asks = asksFor(description);
    expect(asks.signatureHeader).toBe(signature);
    expect(asks.provider?.eventHeader).toBe(event);
    expect(asks.provider?.deliveryHeader).toBe(delivery);
  });

  it('keeps a signature header the request names over the provider default', () => {
    expect(asksFor('Receive GitHub webhooks signed in X-Custom-Signature.').signatureHeader).toBe(
      'x-custom-signature',
    );
  });

  it('defaults the SignatureHeader parameter and the receiver to GitHub’s headers when GitHub is named', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Repo Events',
      description: 'Receive GitHub webhooks for PushEvent events.',
      stories: [],
    });
    expect(parseBundleTemplate(bundle).Parameters?.['SignatureHeader']?.['Default']).toBe(
      'x-hub-signature-256',
    );
    expect(fileContent(bundle, 'src/webhook-handler.ts')).toContain('eventHeader: DELIVERY_HEADERS.event');
  });

  it('says a sender that signs differently has its deliveries refused, instead of counting the check', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Payments',
      description: 'Receive Stripe webhooks and verify their signatures.',
      stories: [],
    });
    const row = bundle.coverage?.find((entry) => entry.source.kind === 'description');
    expect(row).toMatchObject({ status: 'partial' });
    expect(row?.gaps).toEqual(
      expect.arrayContaining([expect.stringContaining('Stripe signs `<timestamp>.<body>`')]),
    );
  });
});
