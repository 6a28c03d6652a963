import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { combine } from '../../../src/generation/offline/coverage/describe-coverage.js';
import { descriptionSentences } from '../../../src/generation/offline/naming/description-sentences.js';
import { EMAIL_TITLE } from '../../../src/generation/offline/blueprints/infrastructure/infrastructure-test-titles.js';
import { fileContent, generate, parseBundleTemplate } from './offline-test-requests.js';

/**
 * Siblings of review 11's event, notification and coverage-text faults (issue #11 items 2 and 8):
 * each kind fixed where it lives, checked on cases the review did not name.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const clauseTexts = (description: string) =>
  descriptionSentences(description).map((sentence) => sentence.clauses.map((clause) => clause.text));

describe('sentences and clauses never split inside a link, a number or an abbreviation', () => {
  it('keeps URLs, ports and email addresses whole, and still splits at the colon after them', () => {
    expect(clauseTexts('Check https://api.example.com:8443/v1/health: it answers 200. Then stop.')).toEqual([
      ['Check https://api.example.com:8443/v1/health', 'it answers 200.'],
      ['Then stop.'],
    ]);
    expect(clauseTexts('Email ops@example.com, then page on-call.')).toEqual([
      ['Email ops@example.com', 'then page on-call.'],
    ]);
  });

  it('goes on after "e.g." and "i.e." before a capital, and reads "3.5 seconds" as one sentence', () => {
    expect(clauseTexts('Use a store, e.g. S3 or EFS. Keep it cheap!')).toEqual([
      ['Use a store', 'e.g. S3 or EFS.'],
      ['Keep it cheap!'],
    ]);
    expect(clauseTexts('Store logs (i.e. Access logs) for 30 days.')).toHaveLength(1);
    expect(clauseTexts('Retry after 3.5 seconds. Then stop.')).toEqual([
      ['Retry after 3.5 seconds.'],
      ['Then stop.'],
    ]);
  });

  it('compares a decimal as written, and reads no number out of a link', () => {
    const row = (text: string, implementedBy: string) =>
      combine({
        source: { kind: 'description', sentence: 1 },
        text,
        parts: [{ text, capabilities: [{ when: [], implementedBy, tests: [], resources: [] }] }],
      });
    expect(row('wait 3.5 seconds', 'waits 3 seconds').gaps).toEqual([
      '"wait 3.5 seconds": 3.5 is not a value of what was generated; set it by hand or ask again',
    ]);
    expect(row('wait 3.5 seconds', 'waits 3.5 seconds').status).toBe('covered');
    expect(row('probe http://localhost:3000/health', 'a probe').status).toBe('covered');
  });
});

describe('message types the request names beside "messages" (issue #11: the model comes from the request)', () => {
  it('takes a story\'s own "OrderPlaced message" as the type when the description names none', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Order queue',
      stories: [
        'As the warehouse I receive every OrderPlaced message exactly once',
        'As billing I handle InvoiceIssued messages',
      ],
    });
    expect(fileContent(bundle, 'src/messages.ts')).toContain(
      "export const MESSAGE_TYPES = ['OrderPlaced', 'InvoiceIssued'] as const;",
    );
  });

  it('puts named messages on no event bus: only named events imply one', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Order queue',
      description: 'Consume OrderPlaced messages from a queue.',
    });
    expect(fileContent(bundle, 'template.yaml')).not.toContain('EventBusName');
    expect(sentenceRow(bundle.coverage, 1)?.implementedBy).toContain(
      'OrderPlaced messages are processed once and recorded',
    );
    expect(storyRow(bundle.coverage, 1)).toBeUndefined();
  });
});

describe("a named event's sender type read from the words beside it (issue #11 item 2: payments webhook)", () => {
  const webhook = (description: string, stories?: readonly string[]) =>
    generate({
      taskType: 'integration',
      taskName: 'Provider events',
      description,
      ...(stories === undefined ? {} : { stories }),
    }).then(({ bundle }) => ({ bundle, provider: fileContent(bundle, 'src/webhook-provider.ts') }));

  it.each([
    ['a PaymentRefunded event on the bus when a charge is refunded', "'charge.refunded': 'PaymentRefunded'"],
    ['a RefundFailed event on the bus when a refund fails', "'refund.failed': 'RefundFailed'"],
    [
      'a PaymentDisputed event on the bus when a dispute is opened',
      "'charge.dispute.created': 'PaymentDisputed'",
    ],
    [
      'a PlanEnded event on the bus when a subscription is cancelled',
      "'customer.subscription.deleted': 'PlanEnded'",
    ],
  ])('Stripe: "%s" maps %s', async (clause, mapping) => {
    const { bundle, provider } = await webhook(`Receive Stripe webhooks and put ${clause}.`);
    expect(provider).toContain(mapping);
    expect(sentenceRow(bundle.coverage, 1)?.status).toBe('covered');
  });

  it('reads the words beside each name when one sentence names two (one clause each)', async () => {
    const { provider } = await webhook(
      'Receive Stripe webhooks. Publish a PaymentSettled event when a payment intent succeeds and a PaymentBounced event when a payment fails.',
    );
    expect(provider).toContain(
      "{ 'payment_intent.succeeded': 'PaymentSettled', 'payment_intent.payment_failed': 'PaymentBounced' }",
    );
  });

  it('reads a story that names the event and what it is', async () => {
    const { provider } = await webhook('Receive Stripe webhooks and put events on the bus.', [
      'As finance I get a PaymentSettled event when a payment intent succeeds',
    ]);
    expect(provider).toContain("'payment_intent.succeeded': 'PaymentSettled'");
  });

  it('maps nothing from a negated ask and says so, never counting it covered', async () => {
    const { bundle, provider } = await webhook(
      'Receive Stripe webhooks and put a PaymentStuck event on the bus when a payment intent does not succeed.',
    );
    expect(provider).not.toContain("'payment_intent.succeeded'");
    const row = sentenceRow(bundle.coverage, 1);
    expect(row?.status).not.toBe('covered');
    expect(row?.gaps?.join(' ')).toContain('Stripe sends no event type that is PaymentStuck');
  });

  it.each([
    [
      'an IssueDropped event when an issue is closed as not planned',
      "{ event: 'issues', action: 'closed', where: { 'issue.state_reason': 'not_planned' }, type: 'IssueDropped' }",
    ],
    [
      'an IssueDone event when an issue is closed as completed',
      "{ event: 'issues', action: 'closed', where: { 'issue.state_reason': 'completed' }, type: 'IssueDone' }",
    ],
    [
      'a BuildGreen event when a workflow run succeeds',
      "{ event: 'workflow_run', action: 'completed', where: { 'workflow_run.conclusion': 'success' }, type: 'BuildGreen' }",
    ],
    [
      'an AbandonedPr event when a pull request is closed but not merged',
      "{ event: 'pull_request', action: 'closed', where: { 'pull_request.merged': false }, type: 'AbandonedPr' }",
    ],
    [
      'an AbandonedPr event when an unmerged pull request is closed',
      "{ event: 'pull_request', action: 'closed', where: { 'pull_request.merged': false }, type: 'AbandonedPr' }",
    ],
  ])('GitHub: "%s" is %s only', async (clause, entry) => {
    const { provider } = await webhook(`Receive GitHub webhooks and put ${clause}.`);
    expect(provider).toContain(
      `DELIVERY_ACTIONS: readonly { event: string; action?: string; where?: Readonly<Record<string, boolean | string | readonly string[]>>; type: MessageType }[] = [${entry}];`,
    );
  });

  it('a story asking for pull requests closed without being merged gets no merged ones', async () => {
    const { provider } = await generate({
      taskType: 'integration',
      taskName: 'Repo Activity',
      description: 'Receive GitHub webhooks and put them on the repo event bus.',
      stories: ['As a platform team I learn when a pull request is closed without being merged'],
    }).then(({ bundle }) => ({ provider: fileContent(bundle, 'src/webhook-provider.ts') }));
    expect(provider).toContain(
      "[{ event: 'pull_request', action: 'closed', where: { 'pull_request.merged': false }, type: 'PullRequestClosedUnmerged' }]",
    );
  });
});

describe('a limit shared by every message type is said once per row (issue #11 item 8: hygiene)', () => {
  it('says once what handling still needs writing, naming every type, when no bus is asked for', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Order queue',
      description: 'Consume OrderPlaced and OrderCancelled messages from a queue.',
    });
    const gaps = sentenceRow(bundle.coverage, 1)?.gaps ?? [];
    expect(gaps.filter((gap) => gap.includes('beyond recording it once'))).toEqual([
      'what handling OrderPlaced and OrderCancelled messages should do beyond recording it once is not generated: write it in src/message-handlers.ts',
    ]);
  });
});

describe('a story or sentence that names how a person is reached (issue #11 item 2: "notified" met by a topic)', () => {
  const audit = (stories: readonly string[], description = 'An S3 bucket for audit records.') =>
    generate({ taskType: 'infrastructure', taskName: 'Audit Bucket', description, stories }).then(
      ({ bundle }) => bundle,
    );

  it('subscribes the address the request gives to the topic, and the generated test checks it', async () => {
    const bundle = await audit(['As an auditor I get an email at audit@example.com when a record lands']);
    const template = parseBundleTemplate(bundle);
    expect(template.Parameters?.['NotificationEmail']?.['Default']).toBe('audit@example.com');
    expect(template.Resources['NotificationsEmailSubscription']).toMatchObject({
      Type: 'AWS::SNS::Subscription',
      Properties: { Protocol: 'email', Endpoint: { Ref: 'NotificationEmail' } },
    });
    expect(storyRow(bundle.coverage, 1)).toMatchObject({
      status: 'covered',
      tests: expect.arrayContaining([expect.objectContaining({ title: EMAIL_TITLE })]),
    });
    expect(fileContent(bundle, 'test/template.test.ts')).toContain(`it('${EMAIL_TITLE}'`);
  });

  it('without an address, is partial: nobody is emailed until NotificationEmail is set', async () => {
    const bundle = await audit(['Email me when a record lands']);
    expect(parseBundleTemplate(bundle).Parameters?.['NotificationEmail']?.['Default']).toBe('');
    expect(storyRow(bundle.coverage, 1)).toMatchObject({
      status: 'partial',
      gaps: ['nobody is emailed until NotificationEmail is set at deploy time: the request named no address'],
    });
  });

  it.each([
    ['As an auditor I get a Slack message when a record lands', 'a Slack message is asked for'],
    ['Text me when a record lands', 'a text message is asked for'],
    ['As on-call I am notified in PagerDuty when a record lands', 'a page is asked for'],
  ])('"%s" is never counted covered by the topic: %s', async (story, gap) => {
    const row = storyRow((await audit([story])).coverage, 1);
    expect(row?.status).not.toBe('covered');
    expect(row?.gaps?.join(' ')).toContain(gap);
  });

  it('reads "email" as data, not a channel, where nothing is sent', async () => {
    const bundle = await audit([], 'An S3 bucket for exports. Each export has an owner email address.');
    expect(parseBundleTemplate(bundle).Parameters?.['NotificationEmail']).toBeUndefined();
    expect((bundle.coverage ?? []).flatMap((row) => row.gaps).join(' ')).not.toContain('is asked for');
  });

  it('an application story emailed on a status change is not met by the status event alone', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Orders',
      stories: [
        'As a customer I can place an order',
        'As a customer I get an email notification when the status of my order changes',
      ],
    });
    const row = storyRow(bundle.coverage, 2);
    expect(row?.status).not.toBe('covered');
    expect(row?.gaps?.join(' ')).toContain('an email is asked for, but nothing generated sends one');
  });
});

describe('a sender the receiver cannot take is never counted received (issue #11 item 2)', () => {
  it.each([
    ['Receive Slack events and put a MessagePosted event on the bus.', 'Slack signs `v0:'],
    ['Receive GitLab webhooks and put a PushHappened event on the bus.', 'GitLab sends the secret token'],
  ])('"%s" is partial and says why', async (description, why) => {
    const { bundle } = await generate({ taskType: 'integration', taskName: 'Chat events', description });
    expect(fileContent(bundle, 'template.yaml')).toContain('RoutePostWebhooks');
    const row = sentenceRow(bundle.coverage, 1);
    expect(row?.status).toBe('partial');
    expect(row?.gaps?.join(' ')).toContain(why);
    // Receiving from Slack is not sending a Slack message.
    expect(row?.gaps?.join(' ')).not.toContain('is asked for, but nothing generated sends one');
  });
});
