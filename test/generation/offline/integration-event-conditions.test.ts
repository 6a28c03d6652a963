import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { fileContent, generate } from './offline-test-requests.js';

/**
 * Siblings of the review 11e event faults: a story's event is read from its condition, not from the
 * persona nor from what the service is asked to do; GitHub events narrowed by payload (a tag, a
 * branch, a failed deployment, a draft); Stripe events asked for in words; a story's own event kept
 * beside a named one. The generated receiver tests deliver each narrowed event through the handler.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const github = (
  stories: readonly string[],
  description = 'Receive GitHub webhooks and put events on a bus.',
) => generate({ taskType: 'integration', taskName: 'Repo relay', description, stories });
const stripe = (
  stories: readonly string[],
  description = 'Receive Stripe webhooks and put events on a bus.',
) => generate({ taskType: 'integration', taskName: 'Billing relay', description, stories });
const actions = (provider: string) => /DELIVERY_ACTIONS: [^=]*= \[(.*)\];/.exec(provider)?.[1] ?? '';
const types = (provider: string) => /DELIVERY_TYPES: [^=]*= (\{.*\});/.exec(provider)?.[1] ?? '';

describe('the persona is who asks, not what happened', () => {
  it('"As a deployment engineer I learn when an issue is opened" takes opened issues, no deployment', async () => {
    const { bundle } = await github(['As a deployment engineer I learn when an issue is opened']);
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    expect(actions(provider)).toBe("{ event: 'issues', action: 'opened', type: 'IssuesOpened' }");
    expect(provider).not.toMatch(/'deployment/);
  });

  it('"As a release manager I receive an event when code is pushed" takes push, not release', async () => {
    const { bundle } = await github(['As a release manager I receive an event when code is pushed']);
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    expect(types(provider)).toBe("{ 'push': 'Push' }");
    expect(provider).not.toContain("'release'");
  });
});

describe('what the service is asked to do is not the event it waits for', () => {
  it.each([
    'Receive GitHub webhooks. When a release is drafted, publish a ReleaseDrafted event.',
    'Receive GitHub webhooks. Send a ReleaseDrafted event whenever a release is drafted.',
  ])('%s → release created as a draft, not published', async (description) => {
    const { bundle } = await generate({ taskType: 'integration', taskName: 'Repo relay', description });
    expect(actions(fileContent(bundle, 'src/webhook-provider.ts'))).toBe(
      "{ event: 'release', action: 'created', where: { 'release.draft': true }, type: 'ReleaseDrafted' }",
    );
  });

  it('"Publish a ReleasePublished event when a release is published" still takes published', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Repo relay',
      description: 'Receive GitHub webhooks. Publish a ReleasePublished event when a release is published.',
    });
    expect(actions(fileContent(bundle, 'src/webhook-provider.ts'))).toBe(
      "{ event: 'release', action: 'published', type: 'ReleasePublished' }",
    );
  });
});

describe('GitHub events narrowed by their payload', () => {
  it('takes a created branch, a deleted tag and a successful deployment by ref_type and state, and tests each through the handler', async () => {
    const { bundle } = await github([
      'As a developer I learn when a branch is created',
      'As a developer I learn when a tag is deleted',
      'As an SRE I learn when a deployment succeeds',
    ]);
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    expect(actions(provider)).toBe(
      [
        "{ event: 'create', where: { 'ref_type': 'branch' }, type: 'CreateBranch' }",
        "{ event: 'delete', where: { 'ref_type': 'tag' }, type: 'DeleteTag' }",
        "{ event: 'deployment_status', action: 'created', where: { 'deployment_status.state': 'success' }, type: 'DeploymentStatusSucceeded' }",
      ].join(', '),
    );
    const tests = fileContent(bundle, 'test/receive-webhook.test.ts');
    expect(tests).toContain("it('a create webhook is CreateBranch only with ref_type branch'");
    // A branch's create carries no action: no `edited` delivery is tried, a tag's create is dropped.
    expect(tests).toContain(
      `...{"ref_type":"not branch"} }, undefined, headers)).toMatchObject({ statusCode: 202, body: JSON.stringify({ status: 'ignored', id: 'other-1' }) });`,
    );
    expect(storyRow(bundle.coverage, 1)?.implementedBy).toContain("GitHub's `create` with `ref_type` branch");
  });

  it('takes a failed deployment in either failing state, the generated test delivering both', async () => {
    const { bundle } = await github(['As an on-call engineer I am told when a deploy errors']);
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    expect(provider).toContain("where: { 'deployment_status.state': ['failure', 'error'] }");
    const tests = fileContent(bundle, 'test/receive-webhook.test.ts');
    expect(tests).toContain(
      `{ id: 'delivery-2', ...{"action":"created","deployment_status":{"state":"error"}} }`,
    );
    expect(tests).toContain(
      "toEqual([['delivery-1', 'DeploymentStatusFailed'], ['delivery-2', 'DeploymentStatusFailed']])",
    );
  });

  it('says the tag push GitHub does not deliver (more than three tags at once)', async () => {
    const { bundle } = await github(['As a release manager I receive an event when a tag is pushed']);
    expect(storyRow(bundle.coverage, 1)?.gaps).toContainEqual(
      expect.stringContaining('more than three tags'),
    );
  });

  it('a whole event asked for with a qualifier it cannot single out ("rolled back") says the word, not covered silently', async () => {
    const { bundle } = await github(['As an SRE I learn when a deployment is rolled back']);
    expect(types(fileContent(bundle, 'src/webhook-provider.ts'))).toBe("{ 'deployment': 'Deployment' }");
    expect(storyRow(bundle.coverage, 1)).toMatchObject({
      status: 'partial',
      gaps: expect.arrayContaining([
        '"rolled" is not singled out: every `deployment` delivery becomes Deployment, whatever happened in it',
      ]),
    });
    // Its own words are no qualifier: "when code is pushed" is every push.
    const push = await github(['As a developer I learn when code is pushed']);
    expect(storyRow(push.bundle.coverage, 1)?.gaps ?? []).not.toContainEqual(
      expect.stringContaining('is not singled out'),
    );
  });

  it('an action GitHub does not send ("archived") takes every release and says so, not a known action in its place', async () => {
    const { bundle } = await github(['As a developer I learn when a release is archived']);
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    expect(provider).not.toMatch(/action: '(?:published|created)'/);
    expect(storyRow(bundle.coverage, 1)?.gaps).toContainEqual(
      expect.stringContaining('every `release` delivery becomes Release'),
    );
  });
});

describe('Stripe events asked for in words', () => {
  it.each([
    ['As billing I am told when a trial is about to end', 'customer.subscription.trial_will_end'],
    ['As billing I learn when a subscription is paused', 'customer.subscription.paused'],
    ['As finance I learn when an invoice is voided', 'invoice.voided'],
    ['As finance I see every upcoming invoice', 'invoice.upcoming'],
    ['As a finance lead I learn when an invoice payment succeeds', 'invoice.payment_succeeded'],
  ])('"%s" → %s', async (story, type) => {
    const { bundle } = await stripe([story]);
    expect(
      Object.keys(
        JSON.parse(types(fileContent(bundle, 'src/webhook-provider.ts')).replace(/'/g, '"')) as object,
      ),
    ).toEqual([type]);
  });

  it("keeps a story's own dispute event beside the named OrderPaid", async () => {
    const { bundle } = await stripe(
      ['As support I see every dispute that is opened'],
      'Receive Stripe webhooks. Publish an OrderPaid event when a checkout session completes.',
    );
    expect(types(fileContent(bundle, 'src/webhook-provider.ts'))).toBe(
      "{ 'checkout.session.completed': 'OrderPaid', 'charge.dispute.created': 'ChargeDisputeCreated' }",
    );
    expect(storyRow(bundle.coverage, 1)?.status).toBe('covered');
  });

  it("does not add a story's event the named type already takes", async () => {
    const { bundle } = await stripe(
      ['As finance I am told when a payment succeeds'],
      'Receive Stripe webhooks and publish a PaymentSettled event when a payment intent succeeds.',
    );
    expect(types(fileContent(bundle, 'src/webhook-provider.ts'))).toBe(
      "{ 'payment_intent.succeeded': 'PaymentSettled' }",
    );
  });
});
