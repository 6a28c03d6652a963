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
      taskName: 'Store Hooks',
      description: 'Receive Shopify webhooks and verify their signatures.',
      stories: [],
    });
    const row = bundle.coverage?.find((entry) => entry.source.kind === 'description');
    expect(row).toMatchObject({ status: 'partial' });
    expect(row?.gaps).toEqual(
      expect.arrayContaining([expect.stringContaining('Shopify sends the HMAC-SHA256 as base64')]),
    );
  });
});

const stripeStories = [
  'As billing I learn when a payment succeeded',
  'As billing I learn when a refund is created',
  'As support I learn when a payment failed',
];

/** Stripe's real event types and signature scheme (#11: requested names never matched real deliveries). */
describe('Stripe webhooks', () => {
  it('maps events asked for in words to the types Stripe delivers, and says which in the README', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Payments Webhook',
      description: 'Receive Stripe webhooks and put payment events on the payments event bus.',
      stories: stripeStories,
    });
    expect(fileContent(bundle, 'src/webhook-provider.ts')).toContain(
      "export const DELIVERY_TYPES: Readonly<Record<string, MessageType>> = { 'payment_intent.succeeded': 'PaymentIntentSucceeded', 'refund.created': 'RefundCreated', 'payment_intent.payment_failed': 'PaymentIntentPaymentFailed' };",
    );
    const rows = bundle.coverage ?? [];
    expect(rows.filter((row) => row.source.kind === 'story').map((row) => row.status)).toEqual([
      'covered',
      'covered',
      'covered',
    ]);
    expect(rows[0]?.tests.map((test) => test.title)).toContain(
      'a payment_intent.succeeded webhook becomes a PaymentIntentSucceeded event on the bus',
    );
    expect(fileContent(bundle, 'README.md')).toContain(
      "Stripe's `payment_intent.succeeded` is `PaymentIntentSucceeded`",
    );
  });

  it.each([
    ['a payment is refunded', 'charge.refunded'],
    ['a charge is refunded', 'charge.refunded'],
    ['an invoice payment failed', 'invoice.payment_failed'],
    ['an invoice is paid', 'invoice.paid'],
    ['a checkout completes', 'checkout.session.completed'],
    ['a subscription is cancelled', 'customer.subscription.deleted'],
    ['a dispute is opened', 'charge.dispute.created'],
    ['a payment is canceled', 'payment_intent.canceled'],
  ])('"%s" is Stripe’s %s', async (words, deliveryType) => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Payments Webhook',
      description: 'Receive Stripe webhooks.',
      stories: [`As finance I learn when ${words}`],
    });
    expect(fileContent(bundle, 'src/webhook-provider.ts')).toMatch(
      new RegExp(
        `DELIVERY_TYPES: Readonly<Record<string, MessageType>> = \\{ '${deliveryType.replace(/\./g, '\\.')}': '[A-Za-z]+' \\};`,
      ),
    );
  });

  it('maps named PascalCase types, and lists one Stripe never sends under Not covered with why', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Payments Webhook',
      description: 'Receive Stripe webhooks for PaymentSettled and RefundCreated events.',
      stories: ['As finance I know when a payment settled'],
    });
    expect(fileContent(bundle, 'src/messages.ts')).toContain("['PaymentSettled', 'RefundCreated']");
    expect(fileContent(bundle, 'src/webhook-provider.ts')).toContain(
      "= { 'refund.created': 'RefundCreated' };",
    );
    const story = bundle.coverage?.find((row) => row.source.kind === 'story');
    expect(story).toMatchObject({ status: 'not_covered', tests: [] });
    expect(story?.gaps).toEqual([
      expect.stringContaining('Stripe sends no event type that is PaymentSettled'),
    ]);
    const sentence = bundle.coverage?.find((row) => row.source.kind === 'description');
    expect(sentence?.status).toBe('partial');
  });

  it('checks the Stripe-Signature header the Stripe way, with a test of it, and claims no missing replay check', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Payments Webhook',
      description: 'Receive Stripe webhooks and verify their signatures.',
      stories: stripeStories,
    });
    const signature = fileContent(bundle, 'src/signature.ts');
    expect(signature).toContain("update(timestamp + '.' + params.body, 'utf8')");
    expect(signature).toContain('export const TOLERANCE_SECONDS = 300;');
    const row = bundle.coverage?.find((entry) => entry.source.kind === 'description');
    expect(row).toMatchObject({ status: 'covered', gaps: [] });
    expect(row?.tests.map((test) => test.title)).toContain(
      'a Stripe signature is checked the Stripe way: v1 over t.body and refused more than 300 s from now',
    );
  });
});

describe('GitHub webhooks by event name', () => {
  it('maps the Events API names (PushEvent) to what X-GitHub-Event carries (push)', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Repo Events',
      description: 'Receive GitHub webhooks for PushEvent and PullRequestEvent events.',
      stories: [],
    });
    expect(fileContent(bundle, 'src/webhook-provider.ts')).toContain(
      "= { 'push': 'PushEvent', 'pull_request': 'PullRequestEvent' };",
    );
  });

  it.each([['someone comments on an issue', 'issue_comment']])(
    '"%s" is GitHub’s %s',
    async (words, deliveryType) => {
      const { bundle } = await generate({
        taskType: 'integration',
        taskName: 'Repo Events',
        description: 'Receive GitHub webhooks and put them on the repo event bus.',
        stories: [`As a platform team I learn when ${words}`],
      });
      expect(fileContent(bundle, 'src/webhook-provider.ts')).toContain(`= { '${deliveryType}': '`);
      // GitHub sends issue_comment for every action: taking them all is said, not hidden.
      expect(bundle.coverage?.find((row) => row.source.kind === 'story')).toMatchObject({
        status: 'partial',
        gaps: [expect.stringContaining(`GitHub sends \`${deliveryType}\` whatever happened`)],
      });
    },
  );

  it.each([
    [
      'a pull request is merged',
      "{ event: 'pull_request', action: 'closed', where: { 'pull_request.merged': true }, type: 'PullRequestMerged' }",
    ],
    ['a pull request is opened', "{ event: 'pull_request', action: 'opened', type: 'PullRequestOpened' }"],
    ['a pull request is closed', "{ event: 'pull_request', action: 'closed', type: 'PullRequestClosed' }"],
    ['an issue is reopened', "{ event: 'issues', action: 'reopened', type: 'IssuesReopened' }"],
    ['a release is published', "{ event: 'release', action: 'published', type: 'ReleasePublished' }"],
    [
      'a workflow run fails',
      "{ event: 'workflow_run', action: 'completed', where: { 'workflow_run.conclusion': 'failure' }, type: 'WorkflowRunFailed' }",
    ],
  ])('"%s" is a GitHub event narrowed to its action: %s', async (words, entry) => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Repo Events',
      description: 'Receive GitHub webhooks and put them on the repo event bus.',
      stories: [`As a platform team I learn when ${words}`],
    });
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    expect(provider).toContain(`= [${entry}];`);
    // Not also taken whole: the event's other actions are no message type.
    expect(provider).toContain('DELIVERY_TYPES: Readonly<Record<string, MessageType>> = {};');
    const row = bundle.coverage?.find((candidate) => candidate.source.kind === 'story');
    expect(row).toMatchObject({ status: 'covered', gaps: [] });
    expect(row?.tests.map((test) => test.title)).toContainEqual(
      expect.stringMatching(/ webhook is [A-Za-z]+ only with action /),
    );
  });

  it('checks a merged pull request by event, action and the merged flag, with a test of each way it is not one', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Repo Events',
      description: 'Receive GitHub webhooks and put them on the repo event bus.',
      stories: ['As a platform team I learn when a pull request is merged'],
    });
    expect(fileContent(bundle, 'src/receive-webhook.ts')).toContain(
      "(entry.action === undefined || entry.action === fields['action']) && Object.entries(entry.where ?? {}).every(([path, value]) => holds(valueAt(fields, path), value))",
    );
    const tests = fileContent(bundle, 'test/receive-webhook.test.ts');
    expect(tests).toContain(
      "it('a pull_request webhook is PullRequestMerged only with action closed and pull_request.merged true'",
    );
    expect(tests).toContain(
      `...{"action":"closed","pull_request":{"merged":false}} }, undefined, headers)).toMatchObject({ statusCode: 202, body: JSON.stringify({ status: 'ignored', id: 'other-2' }) });`,
    );
    expect(bundle.coverage?.find((row) => row.source.kind === 'story')?.implementedBy).toContain(
      "GitHub's `pull_request` with action `closed` and `pull_request.merged` true",
    );
  });
});

describe('a sender whose event names are not known', () => {
  it('says the names are assumed instead of counting the types as received', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Partner Hooks',
      description: 'Receive partner webhooks for OrderShipped events.',
      stories: ['As ops I learn when an order shipped'],
    });
    expect(fileContent(bundle, 'src/webhook-provider.ts')).toContain(
      'DELIVERY_TYPES: Readonly<Record<string, MessageType>> = {};',
    );
    const story = bundle.coverage?.find((row) => row.source.kind === 'story');
    expect(story?.status).toBe('partial');
    expect(story?.gaps).toEqual(
      expect.arrayContaining([expect.stringContaining("the sender's event type names are not known here")]),
    );
    // Other providers' actions are not known: said where the story is.
    expect(story?.gaps).toEqual(
      expect.arrayContaining([expect.stringContaining('no action or state in its payload is checked')]),
    );
  });
});
