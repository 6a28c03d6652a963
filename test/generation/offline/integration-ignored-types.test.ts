import { fileContent, generate } from './offline-test-requests.js';

/**
 * `Other events are ignored`, `Ignore any other event type`: the receiver already dispatches by the
 * provider's type field and answers a type it does not handle 202 `ignored` (a generated test sends
 * one); the sentence was partial with "nothing leaves these deliveries out". A leaving-out by
 * something other than type (`Ignore events from test mode`) is still not covered. A story naming
 * two conditions (`when a payment succeeds and when a refund is issued`) takes each one's type, never
 * one event's noun with the other's verb (`payment` + `issued` was payment_intent.created).
 */
const sentenceRow = (
  coverage: Awaited<ReturnType<typeof generate>>['bundle']['coverage'],
  sentence: number,
) => coverage?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

describe('deliveries of other types are ignored', () => {
  it.each([
    'Other events are ignored.',
    'Ignore any other event type.',
    'Unhandled event types are skipped.',
  ])('"%s" is covered by the receiver\'s ignored-type answer and its generated test', async (sentence) => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Payment hooks',
      description: `A webhook receiver for Stripe. When a payment succeeds, publish a PaymentSucceeded event. ${sentence}`,
    });
    const row = sentenceRow(bundle.coverage, 3);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toMatch(/does not handle .* is acknowledged with 202 `ignored`/);
    expect(row?.tests.map((test) => test.title)).toContain(
      'a webhook of a type this service does not handle is acknowledged and dropped',
    );
    const tests = fileContent(bundle, 'test/receive-webhook.test.ts');
    expect(tests).toContain("type: 'something.else'");
    expect(tests).toContain("status: 'ignored'");
  });

  it('leaves "Ignore events from test mode." not covered', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Payment hooks',
      description: 'A webhook receiver for Stripe. Ignore events from test mode.',
    });
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('not_covered');
  });
});

describe('a story naming the types it handles, one condition each', () => {
  it.each([
    'As a finance team I want to handle a webhook when a payment succeeds and when a refund is issued',
    'As a finance team I want to handle a webhook when a payment succeeds or a refund is issued',
    'As a finance team I want to handle a webhook if a payment succeeds and if a refund is issued',
  ])('%s', async (story) => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Payment hooks',
      description: 'A webhook receiver for Stripe. Ignore any other event type.',
      stories: [story],
    });
    const row = bundle.coverage?.find((entry) => entry.source.kind === 'story');
    expect(row?.implementedBy).toContain("Stripe's `payment_intent.succeeded`");
    expect(row?.implementedBy).toContain("Stripe's `refund.created`");
    expect(row?.implementedBy).not.toContain('payment_intent.created');
    expect(row?.gaps.join(' ')).not.toMatch(/is not singled out/);
    const tests = fileContent(bundle, 'test/receive-webhook.test.ts');
    expect(tests).toContain("type: 'something.else'");
  });
});
