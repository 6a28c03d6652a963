import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/**
 * A fresh new-user pass over issue #11 items 1–2 (review 11f): requests a platform team would write
 * (expense claims, a helpdesk, warehouse inventory, GitHub and Slack webhooks, a FIFO shipment
 * queue, a nightly job), run through the offline blueprints. Each FAULT test asserts the right
 * answer and is `it.failing` while the fault exists.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => row?.gaps ?? [];
const fulfilment = {
  taskType: 'application' as const,
  taskName: 'Order fulfilment',
  description:
    'An API for order fulfilment, stored in DynamoDB. Each order has a customer email, a list of items and a total.',
  stories: [
    'As a customer I can place an order with one or more items',
    'As a customer I can cancel my order within 30 minutes of placing it',
    'As a warehouse worker I can ship an order with a tracking number',
    'As a customer I can list my orders',
    'As support I can refund a shipped order',
  ],
};
const auditBucket = {
  taskType: 'infrastructure' as const,
  taskName: 'Audit logs bucket',
  environment: 'production',
  description:
    "An S3 bucket for audit logs, encrypted with a customer-managed KMS key, with versioning and object lock in compliance mode for 1 year. Move objects to Glacier Deep Archive after 180 days. Only the security team's role can read it.",
};

describe('review 11f: webhook events read from the request', () => {
  it('FAULT: three Shopify stories "I receive an event when an order is paid / is cancelled / a customer is created" all become one message type `receive-event` (the type read from the story\'s verb, not its condition)', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Shopify orders',
      description:
        'Receive Shopify webhooks, verify the HMAC, and publish events on the orders EventBridge bus.',
      stories: [
        'As fulfilment I receive an event when an order is paid',
        'As support I receive an event when an order is cancelled',
        'As marketing I receive an event when a customer is created',
      ],
    });
    const messages = fileContent(bundle, 'src/messages.ts');
    expect(messages).not.toContain("'receive-event'");
    // Three different happenings are three types (Shopify's topics orders/paid, orders/cancelled, customers/create).
    const types = /MESSAGE_TYPES = \[([^\]]*)\]/.exec(messages)?.[1]?.split(',') ?? [];
    expect(types).toHaveLength(3);
  });

  it('FAULT: "a workflow run fails on the main branch" and "a pull request is opened against main" take every branch and count covered (a branch qualifier dropped silently)', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'CI signals',
      description: 'Receive GitHub webhooks and put events on an EventBridge bus.',
      stories: [
        'As a platform engineer I receive an event when a workflow run fails on the main branch',
        'As a maintainer I receive an event when a pull request is opened against main',
      ],
    });
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    // GitHub names the branch in `workflow_run.head_branch` and `pull_request.base.ref`: match it, or say it is not.
    const runOnMain = /'workflow_run\.head_branch': 'main'/.test(provider);
    const prOnMain = /'pull_request\.base\.ref': 'main'/.test(provider);
    const said = (number: number) =>
      (storyRow(bundle.coverage, number)?.gaps ?? []).some((gap) => /main/.test(gap));
    expect(runOnMain || said(1)).toBe(true);
    expect(prOnMain || said(2)).toBe(true);

    // Matched, with the run's conclusion and the pull request's action kept beside the branch.
    expect(provider).toContain(
      "{ event: 'workflow_run', action: 'completed', where: { 'workflow_run.conclusion': 'failure', 'workflow_run.head_branch': 'main' }, type: 'WorkflowRunFailed' }",
    );
    expect(provider).toContain(
      "{ event: 'pull_request', action: 'opened', where: { 'pull_request.base.ref': 'main' }, type: 'PullRequestOpened' }",
    );
    expect(storyRow(bundle.coverage, 1)?.status).toBe('covered');
    // The generated tests prove a delivery on another branch is acknowledged and dropped.
    const tests = fileContent(bundle, 'test/receive-webhook.test.ts');
    expect(tests).toContain('"workflow_run":{"conclusion":"failure","head_branch":"not main"}');
    expect(tests).toContain('"pull_request":{"base":{"ref":"not main"}}');
  });

  it("matches a branch on the event that carries it (push's full ref, a release branch), and says it for an event with no branch field", async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Repo signals',
      description: 'Receive GitHub webhooks and put events on an EventBridge bus.',
      stories: [
        'As a release manager I receive an event when code is pushed to the `release/2` branch',
        'As a maintainer I receive an event when an issue is opened on main',
      ],
    });
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    expect(provider).toContain("where: { 'ref': 'refs/heads/release/2' }");
    // `issues` carries no branch: every opened issue is taken, and the row names the branch it could not match.
    const gaps = storyRow(bundle.coverage, 2)?.gaps ?? [];
    expect(gaps).toContainEqual(expect.stringMatching(/branch `main` is not matched: `issues`/));
    expect(storyRow(bundle.coverage, 2)?.status).not.toBe('covered');

    // A sender whose events are not known: the branch is said, not dropped.
    const other = await generate({
      taskType: 'integration',
      taskName: 'Build signals',
      description: 'Receive webhooks from our CI server and put events on an EventBridge bus.',
      stories: ['As a developer I receive an event when a build fails on the develop branch'],
    });
    expect(storyRow(other.bundle.coverage, 1)?.gaps ?? []).toContainEqual(
      expect.stringContaining('the branch `develop` is not matched'),
    );
  });

  it('FAULT: "a secret scanning alert is created" is taken for every action, the gap saying "the request named no action known here" while listing `created` itself (an action the story names not matched)', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Security signals',
      description: 'Receive GitHub webhooks and put events on an EventBridge bus.',
      stories: ['As a security engineer I receive an event when a secret scanning alert is created'],
    });
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    // GitHub's secret_scanning_alert has action `created`: a resolved or reopened alert is not a new one.
    const matched = /event: 'secret_scanning_alert', action: 'created'/.test(provider);
    // Or the row says `created` is not singled out, without claiming the story named no action.
    const gaps = storyRow(bundle.coverage, 1)?.gaps ?? [];
    const said = gaps.some((gap) => /created/.test(gap) && !/named no action/.test(gap));
    expect(matched || said).toBe(true);
  });

  it('FAULT: "Ignore events from forks." takes GitHub `fork` deliveries as Fork events and counts the sentence covered (an exclusion read as an event to take)', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Repo events relay',
      description:
        'Receive GitHub webhooks, verify the signature, and put events on an EventBridge bus. Ignore events from forks.',
      stories: ['As a maintainer I receive an event when a pull request is merged'],
    });
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    // Asked to ignore forks, the service must not publish a Fork event for every fork of the repository.
    expect(provider).not.toContain("'fork'");
    // Either deliveries from forks are dropped (`repository.fork` / `head.repo.fork`), or the row says they are not.
    const row = sentenceRow(bundle.coverage, 2);
    expect(/fork['"]?\s*:\s*false|\.fork\b/.test(provider) || row?.status !== 'covered').toBe(true);
  });

  it('FAULT: "when a branch protection rule is deleted" takes GitHub `delete` of a branch, not `branch_protection_rule` deleted, and counts it covered (a compound subject cut to one noun)', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Repo events relay',
      description: 'Receive GitHub webhooks and put events on an EventBridge bus.',
      stories: ['As a security engineer I receive an event when a branch protection rule is deleted'],
    });
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    // A deleted branch is not a deleted protection rule: GitHub sends `branch_protection_rule` with action `deleted`.
    expect(provider).not.toMatch(/event: 'delete'/);
    const taken = /'branch_protection_rule'/.test(provider);
    expect(taken || storyRow(bundle.coverage, 1)?.status !== 'covered').toBe(true);
  });

  it('takes what a sentence says to ignore as no event, and names the compound subject it asks for', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Repo events relay',
      description:
        'Receive GitHub webhooks and put events on an EventBridge bus. Skip push events. Exclude stars.',
      stories: [
        'As a security engineer I receive an event when a branch protection rule is created',
        'As a maintainer I receive an event when a branch is deleted',
      ],
    });
    const provider = fileContent(bundle, 'src/webhook-provider.ts');
    expect(provider).not.toMatch(/event: 'push'|event: 'star'/);
    expect(sentenceRow(bundle.coverage, 2)?.status).not.toBe('covered');
    expect(sentenceRow(bundle.coverage, 3)?.status).not.toBe('covered');
    expect(provider).toMatch(/event: 'branch_protection_rule', action: 'created'/);
    // A deleted branch is still GitHub's `delete` event.
    expect(provider).toMatch(/event: 'delete'/);
  });

  it('FAULT: "Receive Slack slash commands" is answered "a Slack message is asked for, but nothing generated sends one" (receiving read as sending, a gap about something not asked)', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Slack commands',
      description:
        "Receive Slack slash commands and interactive messages, verify Slack's request signature, and put each one on an EventBridge bus.",
    });
    // The team asked to receive commands from Slack, not to post into Slack.
    expect(gapsOf(sentenceRow(bundle.coverage, 1))).not.toContainEqual(
      expect.stringContaining('nothing generated sends one'),
    );

    // Sibling: "An S3 bucket for audit logs" (what it holds) is answered "no access logging is generated for the bucket".
    const audit = await generate(auditBucket);
    expect(gapsOf(sentenceRow(audit.bundle.coverage, 1))).not.toContainEqual(
      expect.stringContaining('no access logging'),
    );
  });
});

describe('review 11f: queues and jobs do what the sentence says', () => {
  const shipments = {
    taskType: 'integration' as const,
    taskName: 'Shipment updates',
    description:
      'Consume ShipmentDispatched and ShipmentDelivered messages from an SQS FIFO queue, in order per order id. Each message has an orderId, a carrier and a tracking number. Messages that fail 5 times go to a dead-letter queue kept for 14 days.',
    stories: [
      'As support I can see when a shipment was delivered',
      'As an operator I can redrive failed messages',
    ],
  };

  it('FAULT: "from an SQS FIFO queue" makes a standard queue and no gap names FIFO (a resource variant dropped silently)', async () => {
    const { bundle } = await generate(shipments);
    const queues = resourcesOfType(parseBundleTemplate(bundle), 'AWS::SQS::Queue');
    const fifo = queues.some(([, queue]) => queue.Properties?.['FifoQueue'] === true);
    // A standard queue neither orders nor deduplicates: either the queue is FIFO or the row says it is not.
    expect(fifo || gapsOf(sentenceRow(bundle.coverage, 1)).some((gap) => /FIFO/i.test(gap))).toBe(true);
  });

  it('FAULT: "a dead-letter queue kept for 14 days" is said to be unmet ("14 is not a value of what was generated") though the dead-letter queue keeps messages 1209600 s, 14 days (a met duration reported unmet, units not converted)', async () => {
    const { bundle } = await generate(shipments);
    const template = parseBundleTemplate(bundle);
    expect(template.Resources['DeadLetterQueue']?.Properties?.['MessageRetentionPeriod']).toBe(1209600);
    expect(gapsOf(sentenceRow(bundle.coverage, 3))).not.toContainEqual(
      expect.stringContaining('14 is not a value'),
    );
  });

  it('FAULT: "Retry failed runs twice." is counted covered by a redrive after 5 receives, four retries (a count the template contradicts counted met)', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Nightly report',
      description:
        "Every night at 2am UTC, read yesterday's orders from the orders DynamoDB table and write a CSV report to S3. Retry failed runs twice.",
    });
    const template = parseBundleTemplate(bundle);
    const receives = (
      template.Resources['Queue']?.Properties?.['RedrivePolicy'] as { maxReceiveCount?: number }
    )?.maxReceiveCount;
    // Twice retried is three attempts: either maxReceiveCount is 3, or the row says the count differs.
    expect(receives === 3 || sentenceRow(bundle.coverage, 2)?.status !== 'covered').toBe(true);
  });

  it('compares retry counts in words and dead-letter periods in days with what the template makes', async () => {
    const row = async (sentence: string) => {
      const { bundle } = await generate({
        taskType: 'integration',
        taskName: 'Invoice worker',
        description: `Consume InvoiceIssued messages from an SQS queue. ${sentence}`,
      });
      return sentenceRow(bundle.coverage, 2);
    };
    // SQS retries maxReceiveCount - 1 = 4 times: asked four times, it is met.
    expect(gapsOf(await row('Retry failed messages 4 times.'))).toEqual([]);
    expect(gapsOf(await row('Retry failed messages three times.'))).toContainEqual(
      expect.stringContaining('change maxReceiveCount to 4'),
    );
    expect(gapsOf(await row('Retry failed messages once.'))).toContainEqual(
      expect.stringContaining('change maxReceiveCount to 2'),
    );
    expect(gapsOf(await row('Failed messages go to a dead-letter queue kept for 7 days.'))).toContainEqual(
      expect.stringContaining('7 is not a value'),
    );
  });

  it('FAULT: "As finance I receive an email when the nightly report is ready" makes a message type `receive-email` the consumer accepts (a story asking for a notification read as a message type)', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Nightly report',
      description:
        "Every night at 2am UTC, read yesterday's orders from the orders DynamoDB table and write a CSV report to S3.",
      stories: [
        'As finance I receive an email when the nightly report is ready',
        'As an operator I am alerted when the nightly job fails',
      ],
    });
    const messages = fileContent(bundle, 'src/messages.ts');
    // Nobody sends a "receive-email" message: the words are what the person wants, not what arrives.
    expect(messages).not.toContain("'receive-email'");
    expect(messages).not.toContain("'alert-item'");
  });
});

describe('review 11f: the resource model reads the request', () => {
  it('FAULT: "Each order has … a list of items" declares a required list `ofItems`, so an order placed with `items: [...]` is refused with 400 (a field named from "of" and its noun)', async () => {
    const { bundle } = await generate(fulfilment);
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).not.toContain("'ofItems'");
    expect(model).toContain("{ name: 'items', type: 'list', required: true, minItems: 1 }");
  });

  const featureFlags = {
    taskType: 'application' as const,
    taskName: 'Feature flags',
    description:
      'A feature flag service stored in DynamoDB. Each flag has a key, a description, whether it is enabled, and a rollout percentage between 0 and 100.',
    stories: [
      'As a developer I can create a flag with a key and a rollout percentage',
      "As a developer I can change a flag's rollout percentage",
    ],
  };

  it('FAULT: "whether it is enabled" declares a string field `isEnabled`, so `{"isEnabled": true}` is refused with 400 (a yes/no field typed as text)', async () => {
    const { bundle } = await generate(featureFlags);
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).not.toContain("name: 'isEnabled', type: 'string'");
    expect(model).toMatch(/name: '(enabled|isEnabled)', type: 'boolean'/);
  });

  it('FAULT: "a rollout percentage between 0 and 100" declares a second field `percentageBetween` and checks no range (a range read as a field name)', async () => {
    const { bundle } = await generate(featureFlags);
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).not.toContain('percentageBetween');
    // 0..100 is checked on every write, or the row says the range is not.
    const checked = /minimum|maximum|\bmin: 0|\bmax: 100/.test(
      model + fileContent(bundle, 'src/validate-body.ts'),
    );
    const gaps = sentenceRow(bundle.coverage, 2)?.gaps ?? [];
    expect(checked || gaps.some((gap) => /0 and 100|range/.test(gap))).toBe(true);
  });

  const leaveRequests = {
    taskType: 'application' as const,
    taskName: 'Leave requests',
    description:
      'An API for employee leave requests, stored in DynamoDB. Each leave request has a start date, an end date, a number of days, a type (annual or sick) and an optional note. Publish an event when the status changes.',
    stories: [
      'As an employee I can request leave with a start date, an end date and a number of days',
      'As a manager I can approve a leave request',
      'As a manager I can decline a leave request',
      'As an employee I can cancel my leave request before it is approved',
      'As HR I can list approved leave requests',
      'As an employee I can see my remaining leave balance',
    ],
  };

  it('FAULT: "leave request" becomes two resources: story 1 creates a `leave` at POST /leaves while approve, decline and cancel act on `requests` nothing of the stories writes (a compound noun split into routes that do not connect)', async () => {
    const { bundle } = await generate(leaveRequests);
    const routes = fileContent(bundle, 'src/routes.ts');
    const approve = /'POST \/([a-z-]+)\/\{id\}\/approve'/.exec(routes)?.[1];
    expect(approve).toBeDefined();
    // What the employee requests is what the manager approves: story 1 creates in the collection approve acts on.
    expect(storyRow(bundle.coverage, 1)?.implementedBy).toContain(`POST /${String(approve)} `);
  });

  it('keeps a compound noun one resource when a story makes it by its verb ("claim expenses" beside "expense claims", "request a refund" beside "refund requests")', async () => {
    for (const request of [
      {
        description: 'An API for expense claims, stored in DynamoDB.',
        stories: [
          'As an employee I can claim expenses with an amount',
          'As a manager I can approve an expense claim',
        ],
      },
      {
        description: 'An API for refund requests. Each refund request has an order id and a reason.',
        stories: [
          'As a customer I can request a refund with a reason',
          'As support I can reject a refund request',
        ],
      },
    ]) {
      const { bundle } = await generate({ taskType: 'application', taskName: 'Compound', ...request });
      const routes = fileContent(bundle, 'src/routes.ts');
      const moved = /'POST \/([a-z-]+)\/\{id\}\/(approve|reject)'/.exec(routes)?.[1];
      expect(moved).toBeDefined();
      expect(storyRow(bundle.coverage, 1)?.implementedBy).toContain(`POST /${String(moved)} `);
      expect(routes.match(/'POST \/[a-z-]+': \{ operation: 'create'/g)).toHaveLength(1);
    }
  });

  it('FAULT: "Publish an event when the status changes" publishes LeaveStatusChanged for a resource no route moves, and nothing when a request is approved, yet the sentence is covered (status events on the wrong resource)', async () => {
    const { bundle } = await generate(leaveRequests);
    const model = fileContent(bundle, 'src/model.ts');
    // The resource whose changes are published must be one whose status the routes move.
    expect(model).not.toMatch(/transitions: \{\s*\}[^}]*\},\s*statusEventType/);
  });

  it('FAULT: "a number of days" is a list field `ofDays` of at least one entry, so `days: 3` is refused (a count read as a list)', async () => {
    const { bundle } = await generate(leaveRequests);
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).not.toContain("'ofDays'");
    expect(model).toMatch(/name: '(days|numberOfDays|dayCount)', type: 'number'/);
  });

  it('reads "X of Y" by its X: a list of Y is the list `y`, a number of Y the number `y`, other pairs keep both nouns', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Trips',
      description:
        'An API for business trips, stored in DynamoDB. Each trip has a set of destinations, a count of travellers, a date of departure and a collection of receipt photos.',
      stories: ['As an employee I can book a trip with an array of line items and an amount of luggage'],
    });
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).not.toMatch(/'of[A-Z]/);
    expect(model).toContain("{ name: 'lineItems', type: 'list', required: true, minItems: 1 }");
    expect(model).toContain("{ name: 'luggage', type: 'number', required: true }");
    expect(model).toContain("{ name: 'destinations', type: 'list', required: false, minItems: 1 }");
    expect(model).toContain("{ name: 'travellers', type: 'number', required: false }");
    expect(model).toContain("{ name: 'dateOfDeparture', type: 'string', required: false }");
    expect(model).toContain("{ name: 'receiptPhotos', type: 'list', required: false, minItems: 1 }");
  });

  it('FAULT: "see my remaining leave balance" is a stored `balance` someone must POST, and the row names only the missing authorizer (a derived figure read as a stored resource)', async () => {
    const { bundle } = await generate(leaveRequests);
    const routes = fileContent(bundle, 'src/routes.ts');
    // Nothing computes what remains from approved leave: either something does, or the row says so.
    const stored = routes.includes("'POST /balances'");
    const said = (storyRow(bundle.coverage, 6)?.gaps ?? []).some((gap) => /remaining|balance/.test(gap));
    expect(!stored || said).toBe(true);
  });

  it('FAULT: "look up a product by its SKU" makes an owner field `skuId`, required on create beside `sku`, and counts GET /products/{id} covered (a natural key read as an owner)', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Warehouse inventory',
      description:
        'An inventory API for our warehouses, stored in DynamoDB. Each product has a SKU, a name, a quantity on hand, a unit price and a list of tags.',
      stories: [
        'As a stock clerk I can add a product with a SKU and a quantity',
        'As a stock clerk I can look up a product by its SKU',
      ],
    });
    const model = fileContent(bundle, 'src/model.ts');
    // A SKU is the product's own code, not whom the product belongs to.
    expect(model).not.toContain("'skuId'");
    // Looking up by SKU needs the SKU: a filter on it, or a row that says the service-made id is needed.
    const routes = fileContent(bundle, 'src/routes.ts');
    const bySku = /'GET \/products': \{[^}]*field: 'sku'/.test(routes);
    expect(bySku || storyRow(bundle.coverage, 2)?.status !== 'covered').toBe(true);
  });

  it('FAULT: "list products by tag" is counted covered by "GET /products lists products, by skuId when given", with no tag field nor filter (a list row met by another filter)', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Warehouse inventory',
      description:
        'An inventory API for our warehouses, stored in DynamoDB. Each product has a SKU, a name, a quantity on hand, a unit price and a list of tags.',
      stories: [
        'As a stock clerk I can add a product with a SKU and a quantity',
        'As a stock clerk I can look up a product by its SKU',
        'As a buyer I can list products by tag',
      ],
    });
    const routes = fileContent(bundle, 'src/routes.ts');
    // The route's whole line: the tag filter may follow another filter's braces.
    const byTag = /'GET \/products': \{[^\n]*field: 'tags?'/.test(routes);
    expect(byTag || storyRow(bundle.coverage, 3)?.status !== 'covered').toBe(true);
    // The description's fields past "a quantity on hand" are read, the tags as a list.
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).toContain("{ name: 'unitPrice', type: 'number', required: false }");
    expect(model).toContain("{ name: 'tags', type: 'list', required: false, minItems: 1 }");
    expect(model).not.toContain('tagId');
    // A filter on a list keeps the items whose list holds the value, and the generated test proves it.
    expect(routes).toContain("{ field: 'tags', contains: true }");
    expect(storyRow(bundle.coverage, 3)?.implementedBy).toContain(
      'by tags when given (the items whose tags hold the value)',
    );
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain("tags: ['value one', 'shared']");
    expect(tests).toContain(
      "expect(ids(await call('GET /products', { query: { 'tags': 'value' } }))).toEqual([]);",
    );
  });

  it('FAULT: "a priority (low, medium, high or urgent)" declares a field `highUrgent` and leaves "a priority (low" and "medium" as unmet fragments (a parenthesised list of values read as fields)', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'IT helpdesk',
      description:
        'A ticketing API for internal IT requests, stored in DynamoDB. Each ticket has a title, a description, a priority (low, medium, high or urgent) and a requester email.',
      stories: [
        'As an employee I can open a ticket with a title and a priority',
        'As an agent I can resolve a ticket',
      ],
    });
    expect(fileContent(bundle, 'src/model.ts')).not.toContain('highUrgent');
    const gaps = gapsOf(sentenceRow(bundle.coverage, 2));
    expect(gaps).not.toContainEqual(expect.stringContaining('"a priority (low"'));
    expect(gaps).not.toContainEqual(expect.stringContaining('"medium"'));

    expect(fileContent(bundle, 'src/model.ts')).toContain(
      "{ name: 'priority', type: 'string', required: true, values: ['low', 'medium', 'high', 'urgent'] }",
    );
    // The generated tests prove a priority outside the list is refused.
    expect(fileContent(bundle, 'test/app.test.ts')).toContain("priority: 'no-such-value' }");
    expect(fileContent(bundle, 'src/validate-body.ts')).toContain("'must be one of '");

    // Sibling: "a type (annual or sick)" declares `annualSick`.
    const leave = await generate(leaveRequests);
    expect(fileContent(leave.bundle, 'src/model.ts')).not.toContain('annualSick');
    expect(fileContent(leave.bundle, 'src/model.ts')).toContain(
      "{ name: 'type', type: 'string', required: false, values: ['annual', 'sick'] }",
    );
  });

  it('reads values in parentheses, "whether …" as a yes/no field and "between N and M" as a range, for any resource', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Payments',
      description:
        'An API for refunds, stored in DynamoDB. Each refund has a currency (EUR, USD or GBP), a size (small, medium and large), a score between 1 and 5, whether it was disputed and a note (optional).',
      stories: ['As support I can create a refund with a currency and a score'],
    });
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).toContain(
      "{ name: 'currency', type: 'string', required: true, values: ['EUR', 'USD', 'GBP'] }",
    );
    expect(model).toContain(
      "{ name: 'size', type: 'string', required: false, values: ['small', 'medium', 'large'] }",
    );
    expect(model).toContain("{ name: 'score', type: 'number', required: true, minimum: 1, maximum: 5 }");
    expect(model).toContain("{ name: 'disputed', type: 'boolean', required: false }");
    expect(model).toContain("{ name: 'note', type: 'string', required: false }");
    expect(model).not.toMatch(/scoreBetween|wasDisputed|'optional'/);
    expect(fileContent(bundle, 'test/app.test.ts')).toContain('score: 6 }');
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toContain('score (number from 1 to 5, required on create, 400 without)');
  });

  it('FAULT: "As an agent I can start work on a ticket" makes a resource `work` at POST /works instead of moving the ticket to in progress (a verb phrase read as a resource)', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'IT helpdesk',
      description: 'Each ticket has a title. Tickets are open, in progress, resolved or closed.',
      stories: [
        'As an employee I can open a ticket with a title',
        'As an agent I can start work on a ticket',
        'As an agent I can resolve a ticket',
      ],
    });
    const routes = fileContent(bundle, 'src/routes.ts');
    expect(routes).not.toContain("'POST /works'");
    expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/name: 'work'/);
  });

  it('FAULT: "reopen a resolved ticket" reopens a ticket from any status (assigned, closed) and is counted covered (a state adjective on the object dropped)', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'IT helpdesk',
      description: 'Each ticket has a title. Tickets are open, assigned, resolved or closed.',
      stories: [
        'As an employee I can open a ticket with a title',
        'As an agent I can assign a ticket to myself',
        'As an agent I can resolve a ticket',
        'As an employee I can reopen a resolved ticket',
        'As an admin I can close a ticket',
      ],
    });
    const routes = fileContent(bundle, 'src/routes.ts');
    // Like "delete a closed ticket" (onlyIn), only a resolved ticket may be reopened.
    const reopen = /'POST \/tickets\/\{id\}\/reopen': \{[^}]*\}/.exec(routes)?.[0] ?? '';
    const onlyResolved = /onlyIn: \['resolved'\]|refusedFrom: \[[^\]]*'closed'/.test(reopen);
    expect(onlyResolved || storyRow(bundle.coverage, 4)?.status !== 'covered').toBe(true);

    // Sibling: "refund a shipped order" refunds a placed order too.
    const orders = await generate(fulfilment);
    const refund =
      /'POST \/orders\/\{id\}\/refund': \{[^}]*\}/.exec(fileContent(orders.bundle, 'src/routes.ts'))?.[0] ??
      '';
    expect(
      /onlyIn: \['shipped'\]/.test(refund) || storyRow(orders.bundle.coverage, 5)?.status !== 'covered',
    ).toBe(true);
  });

  it('FAULT: "reject a claim with a reason" is counted covered though POST /claims/{id}/reject ignores its body, so no reason is ever recorded by the rejection (a "with …" on a status move dropped)', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Expense claims',
      description:
        'An API for employee expense claims, stored in DynamoDB. Each claim has an amount and a category.',
      stories: [
        'As an employee I can submit an expense claim with an amount and a category',
        'As a manager I can approve a claim',
        'As a manager I can reject a claim with a reason',
      ],
    });
    const app = fileContent(bundle, 'src/app.ts');
    const transition = app.slice(
      app.indexOf('async function transition('),
      app.indexOf('async function remove('),
    );
    // The rejection must read the reason from its body (and require it), or the row must say it does not.
    const readsBody = /body/i.test(transition);
    expect(readsBody || storyRow(bundle.coverage, 3)?.status !== 'covered').toBe(true);

    // Sibling: "ship an order with a tracking number" ships without recording one.
    const orders = await generate(fulfilment);
    const shipRequires = /'POST \/orders\/\{id\}\/ship': \{[^}]*trackingNumber/.test(
      fileContent(orders.bundle, 'src/routes.ts'),
    );
    expect(shipRequires || storyRow(orders.bundle.coverage, 3)?.status !== 'covered').toBe(true);
  });
});

describe('review 11f: infrastructure keeps what it is asked to keep', () => {
  it('FAULT: "object lock … for 1 year" on an audit-log bucket also gets a lifecycle rule that deletes every object after 366 days, listed as implementing the sentence (a deletion nobody asked for)', async () => {
    const { bundle } = await generate(auditBucket);
    const bucket = resourcesOfType(parseBundleTemplate(bundle), 'AWS::S3::Bucket')
      .map(([, resource]) => resource)
      .find((resource) => resource.Properties?.['ObjectLockConfiguration'] !== undefined);
    const rules =
      (bucket?.Properties?.['LifecycleConfiguration'] as { Rules?: Record<string, unknown>[] } | undefined)
        ?.Rules ?? [];
    // Locking for a year is a floor, not a lifetime: audit logs are kept until someone asks to delete them.
    expect(rules.filter((rule) => rule['ExpirationInDays'] !== undefined)).toEqual([]);
    const row = sentenceRow(bundle.coverage, 1);
    expect(JSON.stringify(row?.implementedBy)).not.toMatch(/expires it after/);
    expect(fileContent(bundle, 'test/template.test.ts')).not.toContain('ExpirationInDays: 366');
  });

  const expiries = async (description: string) => {
    const { bundle } = await generate({ ...auditBucket, description });
    const rules =
      (
        parseBundleTemplate(bundle).Resources['DataBucket']?.Properties?.['LifecycleConfiguration'] as
          { Rules?: Record<string, unknown>[] } | undefined
      )?.Rules ?? [];
    return rules.flatMap((rule) =>
      rule['ExpirationInDays'] === undefined ? [] : [rule['ExpirationInDays']],
    );
  };

  it('keeps what is retained, archived or held without deleting it afterwards (retention is not expiration)', async () => {
    expect(await expiries('An S3 bucket for invoices. Retain every object for 7 years.')).toEqual([]);
    expect(await expiries('An S3 bucket that archives backups for 90 days.')).toEqual([]);
    expect(await expiries('A bucket for legal documents, kept for 10 years.')).toEqual([]);
  });

  it('expires objects when a sentence asks to delete them, after the retention when both are asked', async () => {
    expect(await expiries('An S3 bucket for exports. Objects are deleted after 30 days.')).toEqual([30]);
    expect(await expiries('An S3 bucket for invoices. Keep them for 7 years, then delete them.')).toEqual([
      7 * 365 + 2,
    ]);
    expect(
      await expiries('An S3 bucket for reports, retained for 1 year. Objects expire after 400 days.'),
    ).toEqual([400]);
  });
});

describe('review 11f: checks test what the request names', () => {
  it('FAULT: contract tests whose description names "GET /payments/{id} returns 404 for an unknown id" check a guessed `/items` for 200 instead (routes the request spells out ignored)', async () => {
    const { bundle } = await generate({
      taskType: 'testing',
      taskName: 'Payments API contract tests',
      description:
        'Contract tests for the payments API. POST /payments with an amount and a currency returns 201 and an id. GET /payments/{id} returns 404 for an unknown id. POST /payments without an amount returns 400. Run them every hour against staging.',
      stories: ['As an SRE I am alerted when a contract test fails'],
    });
    const checks = fileContent(bundle, 'src/checks.ts');
    // Deployed, a check of a path the API does not serve alarms from its first run.
    expect(checks).not.toContain("path: '/items'");
    expect(checks).toMatch(/path: '\/payments\/[^']+', expectedStatus: \[404\]/);
  });
});

describe('review 11f: a release as asked', () => {
  it('FAULT: "a linear rollout, 10 percent every 3 minutes" releases with LambdaLinear10PercentEvery1Minute, though CodeDeploy predefines LambdaLinear10PercentEvery3Minutes, and the strategy row is covered (a predefined setting that matches not chosen)', async () => {
    const { bundle } = await generate({
      taskType: 'deployment',
      taskName: 'Orders API release',
      environment: 'production',
      strategy: 'linear',
      description:
        'Release the orders function with a linear rollout, 10 percent every 3 minutes. Roll back automatically when p99 latency exceeds 800 ms.',
    });
    // https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html
    const groups = resourcesOfType(parseBundleTemplate(bundle), 'AWS::CodeDeploy::DeploymentGroup');
    expect(groups.map(([, group]) => group.Properties?.['DeploymentConfigName'])).toEqual([
      'CodeDeployDefault.LambdaLinear10PercentEvery3Minutes',
    ]);
  });
});

describe('review 11f (siblings): gaps name only what was asked', () => {
  it('reads "for audit logs" as what a bucket holds, and "access is audited" as asking for access logging', async () => {
    const holds = await generate({ ...auditBucket, description: 'A bucket for audit records, versioned.' });
    expect(JSON.stringify(holds.bundle.coverage)).not.toContain('no access logging');
    const asks = await generate({
      ...auditBucket,
      description: 'A bucket for invoices. Access to it is audited.',
    });
    expect(gapsOf(sentenceRow(asks.bundle.coverage, 2))).toContainEqual(
      expect.stringContaining('no access logging'),
    );
  });
});

describe('review 11f (siblings): the happening a story names is its message type, for any sender', () => {
  const typesOf = async (description: string, stories: string[]) => {
    const { bundle } = await generate({ taskType: 'integration', taskName: 'Relay', description, stories });
    const messages = fileContent(bundle, 'src/messages.ts');
    return /MESSAGE_TYPES = \[([^\]]*)\]/.exec(messages)?.[1] ?? '';
  };

  it('reads the condition for a sender whose event names are not known, and for a plain queue', async () => {
    expect(
      await typesOf('Receive GitLab webhooks and put events on the ci event bus.', [
        'As a lead I receive an event when a merge request is approved',
        'As a lead I receive an event whenever a pipeline fails on the main branch',
      ]),
    ).toMatch(/'MergeRequestApproved'.*'PipelineFails'/);
    expect(
      await typesOf('Consume messages from an SQS queue.', [
        'As billing I get a message when an invoice is overdue',
      ]),
    ).toContain("'InvoiceOverdue'");
  });

  it('keeps notification stories out of the message types, and says nothing sends them', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Exports',
      description: 'Consume ExportFinished messages from an SQS queue.',
      stories: [
        'As an analyst I get an email when an export finishes',
        'As support I am notified when an export fails',
      ],
    });
    expect(fileContent(bundle, 'src/messages.ts')).not.toMatch(/'get-email'|'notify-/);
    expect(gapsOf(storyRow(bundle.coverage, 1))).toContainEqual(
      expect.stringContaining('an SNS topic with an email subscription'),
    );
  });
});

describe('review 11f (siblings): an action the story names is matched', () => {
  it.each([
    ['a Dependabot alert is dismissed', "event: 'dependabot_alert', action: 'dismissed'"],
    ['a code scanning alert is fixed', "event: 'code_scanning_alert', action: 'fixed'"],
    ['a secret scanning alert is reopened', "event: 'secret_scanning_alert', action: 'reopened'"],
  ])('"%s" → %s', async (condition, entry) => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Security signals',
      description: 'Receive GitHub webhooks and put events on an EventBridge bus.',
      stories: [`As a security engineer I receive an event when ${condition}`],
    });
    expect(fileContent(bundle, 'src/webhook-provider.ts')).toContain(entry);
  });
});
