import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/** Requests a new user wrote in their first hour (issue #11): what they get, and what the PR says of it. */
const row = (rows: readonly RequirementCoverage[], kind: 'story' | 'description', number: number) =>
  rows.find((candidate) =>
    candidate.source.kind === 'story'
      ? kind === 'story' && candidate.source.number === number
      : candidate.source.kind === 'description' &&
        kind === 'description' &&
        candidate.source.sentence === number,
  );

describe('an inventory service, as a new user asks for it', () => {
  const request = {
    taskType: 'application' as const,
    taskName: 'Inventory Service',
    description:
      "Track stock levels of products across warehouses. Warehouse staff adjust quantities; when a product's quantity falls below its reorder threshold a low-stock alert is sent.",
    stories: [
      'As a warehouse manager I can add a product with a sku, a name, a quantity and a reorder threshold',
      'As warehouse staff I can update the quantity of a product',
      "As warehouse staff I can see a product's stock level",
      'As a warehouse manager I can list the products of a warehouse',
      'As a warehouse manager I can discontinue a product that is not already discontinued',
    ],
  };

  it('serves the products the stories name, not a "levels" or "warehouses" collection nothing writes', async () => {
    const { bundle } = await generate(request);
    const routes = resourcesOfType(parseBundleTemplate(bundle), 'AWS::ApiGatewayV2::Route').map(
      ([, route]) => route.Properties?.['RouteKey'],
    );
    expect(routes).toEqual([
      'GET /health',
      'POST /products',
      'GET /products/{id}',
      'GET /products',
      'PATCH /products/{id}',
      'POST /products/{id}/discontinue',
    ]);
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).toContain("{ name: 'sku', type: 'string', required: true }");
    expect(model).toContain("{ name: 'reorderThreshold', type: 'number', required: true }");
    expect(model).toContain("ownerField: 'warehouseId'");
    expect(model).not.toContain('nameQuantity');
  });

  it('proves the story route by route: the quantity changes, a discontinued product is refused without a false rule check', async () => {
    const tests = fileContent((await generate(request)).bundle, 'test/app.test.ts');
    expect(tests).toContain('body: { quantity: 3 } });');
    expect(tests).not.toContain('No route of this service sets discontinued');
  });

  it('names the low-stock alert as not generated instead of counting a create route for it', async () => {
    const rows = (await generate(request)).bundle.coverage ?? [];
    expect(row(rows, 'story', 4)).toMatchObject({
      status: 'covered',
      implementedBy: 'GET /products lists products, by warehouseId when given',
    });
    expect(row(rows, 'description', 2)).toMatchObject({
      status: 'partial',
      gaps: expect.arrayContaining([expect.stringContaining('nothing sends alerts or messages')]),
    });
  });
});

describe('an archive bucket, as a new user asks for it', () => {
  const request = {
    taskType: 'infrastructure' as const,
    taskName: 'Archive Bucket',
    description:
      'An S3 bucket for audit archives. Objects move to Glacier after 30 days and are kept for 7 years. The compliance team is notified when an archive lands. Access is logged to a separate bucket.',
    stories: [
      'As an auditor I can read archives but never delete them',
      'As the compliance team I am notified when an archive lands',
    ],
  };

  it('says access logging is not generated where the request asks for it, rather than counting the bucket', async () => {
    const rows = (await generate(request)).bundle.coverage ?? [];
    expect(row(rows, 'description', 4)).toMatchObject({
      status: 'partial',
      gaps: [expect.stringContaining('no access logging is generated')],
    });
  });

  it('counts an object notification once, without the bare topic’s "nothing else was named"', async () => {
    const rows = (await generate(request)).bundle.coverage ?? [];
    expect(row(rows, 'description', 3)).toMatchObject({ status: 'covered' });
    expect(row(rows, 'description', 3)?.gaps).toEqual([]);
    expect(row(rows, 'story', 2)).toMatchObject({ status: 'covered' });
  });

  it('does not promise "never delete" from governance-mode Object Lock', async () => {
    const rows = (await generate(request)).bundle.coverage ?? [];
    expect(row(rows, 'story', 1)).toMatchObject({
      status: 'partial',
      gaps: [expect.stringContaining('s3:BypassGovernanceRetention')],
    });
  });
});

describe('a request for what the application blueprint cannot build', () => {
  const request = {
    taskType: 'application' as const,
    taskName: 'Shop Backend',
    stories: [
      'As a merchant I can upload a photo of a product',
      'As an admin I receive a daily email report of sales',
      'As a customer I can pay for an order by credit card',
    ],
  };

  it('marks a story partial, naming what was not generated, when only its noun became a route, and one sent to people not covered', async () => {
    const rows = (await generate(request)).bundle.coverage ?? [];
    expect(row(rows, 'story', 1)).toMatchObject({
      status: 'partial',
      gaps: [expect.stringContaining('no file storage')],
    });
    // Not `POST /reports/{id}/receive`: a report sent to the admin is not a route the admin calls.
    expect(row(rows, 'story', 2)).toMatchObject({
      status: 'not_covered',
      gaps: [
        expect.stringContaining('asks for something sent to the admin'),
        expect.stringContaining('nothing runs on a schedule'),
        expect.stringContaining('nothing sends alerts or messages'),
      ],
    });
    expect(row(rows, 'story', 3)).toMatchObject({ status: 'not_covered' });
  });
});

describe('a log archive bucket with several moves, an expiry and a period for old versions', () => {
  const request = {
    taskType: 'infrastructure' as const,
    taskName: 'Log Archive',
    description:
      'An S3 bucket for application logs. Objects transition to Standard-IA after 30 days and to Glacier Deep Archive after 180 days. Objects are deleted after 400 days. Noncurrent versions expire after 30 days. Replicate every object to a bucket in us-west-2 for disaster recovery.',
    stories: ['As a compliance officer I know logs are kept for at least 365 days'],
  };
  const lifecycleRules = (bundle: Awaited<ReturnType<typeof generate>>['bundle']) =>
    (
      parseBundleTemplate(bundle).Resources['DataBucket']?.Properties?.['LifecycleConfiguration'] as {
        Rules: Record<string, unknown>[];
      }
    ).Rules;

  it('moves objects through every storage class asked, each at its own age', async () => {
    const { bundle } = await generate(request);
    expect(lifecycleRules(bundle)).toContainEqual(
      expect.objectContaining({
        Status: 'Enabled',
        Transitions: [
          { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
          { StorageClass: 'DEEP_ARCHIVE', TransitionInDays: 180 },
        ],
      }),
    );
    expect(row(bundle.coverage ?? [], 'description', 2)).toMatchObject({
      status: 'covered',
      tests: expect.arrayContaining([
        expect.objectContaining({ title: 'objects move to STANDARD_IA after 30 days' }),
        expect.objectContaining({ title: 'objects move to DEEP_ARCHIVE after 180 days' }),
      ]),
    });
  });

  it('expires objects after the 400 days asked, not after the 365-day retention, and cites a test of it', async () => {
    const { bundle } = await generate(request);
    const expiries = lifecycleRules(bundle).filter((rule) => 'ExpirationInDays' in rule);
    expect(expiries).toEqual([expect.objectContaining({ ExpirationInDays: 400 })]);
    // Partial: the bucket is versioned, so the row says the expired objects stay 30 days as old versions.
    expect(row(bundle.coverage ?? [], 'description', 3)).toMatchObject({
      status: 'partial',
      gaps: [expect.stringMatching(/gone after 430 days/)],
      tests: expect.arrayContaining([
        expect.objectContaining({ title: 'every object expires 400 days after it was written' }),
      ]),
    });
  });

  it('keeps old versions the 30 days asked instead of claiming the 90-day default', async () => {
    const { bundle } = await generate(request);
    expect(parseBundleTemplate(bundle).Parameters?.['NoncurrentVersionRetentionDays']?.['Default']).toBe(30);
    expect(row(bundle.coverage ?? [], 'description', 4)).toMatchObject({
      status: 'covered',
      tests: expect.arrayContaining([
        expect.objectContaining({ title: 'old versions expire after 30 days' }),
      ]),
    });
  });

  it('does not read a period for old versions, or an expiry, as the retention of every object', async () => {
    const { bundle } = await generate({
      ...request,
      description: 'An S3 bucket for logs. Old versions are kept for 14 days. Objects expire after 60 days.',
      stories: [],
    });
    expect(bundle.files.find((file) => file.path.endsWith('template.yaml'))?.content).not.toContain(
      'ObjectLock',
    );
    expect(parseBundleTemplate(bundle).Parameters?.['NoncurrentVersionRetentionDays']?.['Default']).toBe(14);
    expect(lifecycleRules(bundle)).toContainEqual(expect.objectContaining({ ExpirationInDays: 60 }));
  });
});

describe('a queue worker whose description gives numbers', () => {
  const request = {
    taskType: 'integration' as const,
    taskName: 'Thumbnail Worker',
    description:
      'A queue worker that resizes uploaded images into thumbnails. Messages are retried 3 times and then moved to a dead-letter queue. Process at most 5 messages at a time.',
    stories: ['As an uploader I can enqueue a resize job with the image key and the sizes'],
  };

  it('does not count "retried 3 times" or "at most 5 at a time" covered by a queue that does neither', async () => {
    const rows = (await generate(request)).bundle.coverage ?? [];
    expect(row(rows, 'description', 2)).toMatchObject({
      status: 'partial',
      gaps: [expect.stringContaining('3 retries are asked, but a message is retried 4 times')],
    });
    expect(row(rows, 'description', 3)).toMatchObject({
      status: 'partial',
      gaps: [expect.stringContaining('5 is not a value of what was generated')],
    });
  });
});

describe('a ticketing API with comments and status changes', () => {
  const request = {
    taskType: 'application' as const,
    taskName: 'Support Tickets',
    stories: [
      'As a customer I can open a ticket with a title, a description and a priority',
      'As an agent I can add a comment to a ticket',
      'As an agent I can list the comments of a ticket',
      'As a customer I can reopen a ticket that has been resolved',
    ],
  };

  it('makes "add a comment to a ticket" under the ticket, answering 404 when the ticket does not exist', async () => {
    const { bundle } = await generate(request);
    const rows = bundle.coverage ?? [];
    expect(row(rows, 'story', 2)).toMatchObject({
      status: 'covered',
      implementedBy:
        'POST /tickets/{id}/comments creates a comment under a ticket, answering 404 when that ticket does not exist',
    });
    expect(row(rows, 'story', 3)).toMatchObject({
      status: 'covered',
      implementedBy:
        'GET /tickets/{id}/comments lists comments of one ticket, answering 404 when it does not exist',
    });
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "expect((await call('GET /tickets/{id}/comments', { id: 'no-such-id' })).status).toBe(404);",
    );
  });

  it('moves a reopened ticket back to "open", the status it was opened in, and says nothing here moves it out of open', async () => {
    const { bundle } = await generate(request);
    expect(fileContent(bundle, 'src/model.ts')).toContain("'reopen': 'open'");
    expect(row(bundle.coverage ?? [], 'story', 4)?.gaps).toContain(
      'no route of this service moves a ticket out of open, so POST /tickets/{id}/reopen answers 409 until another system (or a new story) does',
    );
  });
});

describe('a GitHub webhook receiver, as a platform team asks for it', () => {
  const request = {
    taskType: 'integration' as const,
    taskName: 'GitHub Webhook Receiver',
    description:
      'Receive GitHub webhooks and verify the X-Hub-Signature-256 header against the shared secret. Forward each accepted delivery to an EventBridge bus as a GitHubDelivery event.',
    stories: ['As a consumer I receive each delivery exactly once on the bus'],
  };

  it('does not take the name of the AWS service for an event type', async () => {
    const messages = fileContent((await generate(request)).bundle, 'src/messages.ts');
    expect(messages).toContain("'GitHubDelivery'");
    expect(messages).not.toContain("'EventBridge'");
  });

  it('reads the signature from the header the request names', async () => {
    const template = parseBundleTemplate((await generate(request)).bundle);
    expect(template.Parameters?.['SignatureHeader']?.['Default']).toBe('x-hub-signature-256');
    const rows = (await generate(request)).bundle.coverage ?? [];
    expect(JSON.stringify(row(rows, 'description', 1)?.gaps)).not.toContain('default x-signature');
  });

  it("reads GitHub's own headers: the event from X-GitHub-Event, the delivery id from X-GitHub-Delivery", async () => {
    const { bundle } = await generate(request);
    expect(fileContent(bundle, 'src/webhook-provider.ts')).toContain(
      "{ signature: 'x-hub-signature-256', event: 'x-github-event', delivery: 'x-github-delivery' }",
    );
    const receive = fileContent(bundle, 'src/receive-webhook.ts');
    expect(receive).toContain('event.headers?.[deps.deliveryHeader]');
    expect(fileContent(bundle, 'src/signature.ts')).toContain('timingSafeEqual(');
    expect(fileContent(bundle, 'test/receive-webhook.test.ts')).toContain(
      "it('a GitHub delivery is typed by its event header and deduplicated by its delivery id header'",
    );
    const rows = bundle.coverage ?? [];
    expect(row(rows, 'description', 1)?.implementedBy).toContain(
      "typed by GitHub's x-github-event header and deduplicated by x-github-delivery",
    );
    expect(JSON.stringify(row(rows, 'description', 1)?.gaps)).not.toContain('X-GitHub-Event');
    expect(row(rows, 'description', 1)?.gaps).toEqual(['replay protection by timestamp is not generated']);
  });
});

describe('a support desk whose description names fields', () => {
  it('makes "each ticket has an assignee and a priority" fields, and counts the sentence covered by them', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Support Desk',
      description: 'Each ticket has an assignee and a priority.',
      stories: ['As a customer I can open a ticket with a subject'],
    });
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).toContain("{ name: 'assignee', type: 'string', required: false }");
    expect(model).toContain("{ name: 'priority', type: 'string', required: false }");
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      '{ ...SAMPLES.ticket, assignee: 42 } })).status).toBe(400);',
    );
    expect(row(bundle.coverage ?? [], 'description', 1)).toMatchObject({
      status: 'covered',
      implementedBy:
        'a ticket has the declared fields assignee (string, optional), priority (string, optional), type-checked on every write',
    });
  });
});

describe('a support desk whose stories change a ticket’s field and reopen a closed ticket (new user, third pass)', () => {
  const request = {
    taskType: 'application' as const,
    taskName: 'Support Desk API',
    description: 'Each ticket has a subject, a description, a priority and an assignee.',
    stories: [
      'As a customer I can open a ticket with a subject and a description',
      'As an agent I can close a ticket',
      'As a customer I can reopen a closed ticket',
      "As an agent I can change a ticket's priority",
    ],
  };

  it("changes the ticket's priority with PATCH /tickets/{id}, not a priorities collection nothing else uses", async () => {
    const { bundle } = await generate(request);
    const routes = resourcesOfType(parseBundleTemplate(bundle), 'AWS::ApiGatewayV2::Route').map(
      ([, route]) => route.Properties?.['RouteKey'],
    );
    expect(routes).toContain('PATCH /tickets/{id}');
    expect(routes.filter((key) => String(key).includes('priorities'))).toEqual([]);
    expect(row(bundle.coverage ?? [], 'story', 4)).toMatchObject({
      status: 'covered',
      implementedBy: "PATCH /tickets/{id} changes a ticket's fields",
    });
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "const changed = await call('PATCH /tickets/{id}', { id: created.body.id, body: { priority: 'changed' } });",
    );
  });

  it('lets a closed ticket be reopened, and proves it from closed rather than from open', async () => {
    const { bundle } = await generate(request);
    expect(fileContent(bundle, 'src/model.ts')).toContain(
      "transitions: { 'close': 'closed', 'reopen': 'open' }, terminal: [] }",
    );
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      `    expect((await call('POST /tickets/{id}/close', { id: created.body.id })).body.status).toBe('closed');
    const moved = await call('POST /tickets/{id}/reopen', { id: created.body.id });
    expect(moved).toMatchObject({ status: 200, body: { id: created.body.id, status: 'open', version: 3 } });`,
    );
  });

  it('keeps a status final when the story that names it refuses it, and frees one a story restores', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Tickets',
      stories: [
        'As a customer I can open a ticket',
        'As an agent I can cancel a ticket',
        'As an agent I can resolve a ticket that is not cancelled',
        'As an agent I can archive a ticket',
        'As an agent I can restore an archived ticket',
      ],
    });
    expect(fileContent(bundle, 'src/model.ts')).toContain("terminal: ['cancelled'] }");
  });
});

describe('a compliance archive where nobody may delete before the retention ends (new user, third pass)', () => {
  it('says governance mode lets a principal with s3:BypassGovernanceRetention delete early, for each way of saying it', async () => {
    for (const sentence of [
      'Nobody may delete an object before the retention ends.',
      'No one can delete an object during the retention.',
      'Objects must not be deleted before the retention ends.',
    ]) {
      const { bundle } = await generate({
        taskType: 'infrastructure',
        taskName: 'Compliance Archive',
        description: `Objects must be retained for 7 years. ${sentence}`,
      });
      expect(row(bundle.coverage ?? [], 'description', 2)).toMatchObject({
        status: 'partial',
        gaps: [expect.stringContaining('s3:BypassGovernanceRetention')],
      });
    }
  });
});

describe('an inventory service released with a canary, whose SREs want to be paged (new user, third pass)', () => {
  it('does not count "paged when a rollback happens" covered by the rollback itself', async () => {
    for (const story of [
      'As an SRE I am paged when a rollback happens',
      'As an SRE I am notified when a release is rolled back',
    ]) {
      const { bundle } = await generate({
        taskType: 'deployment',
        taskName: 'Inventory Service',
        strategy: 'canary',
        stories: [story],
      });
      expect(row(bundle.coverage ?? [], 'story', 1)).toMatchObject({
        status: 'partial',
        implementedBy:
          'the alarms that stop a release publish to the SNS topic given as AlarmTopicArn (empty by default)',
        gaps: [expect.stringContaining('nobody is paged as generated')],
      });
    }
  });

  it('still counts a plain automatic rollback covered', async () => {
    const { bundle } = await generate({
      taskType: 'deployment',
      taskName: 'Inventory Service',
      strategy: 'canary',
      stories: ['As an SRE I want a bad release rolled back automatically'],
    });
    expect(row(bundle.coverage ?? [], 'story', 1)).toMatchObject({ status: 'covered' });
  });
});

describe('an orders service whose description lists the status lifecycle in order (new user, third pass)', () => {
  const request = {
    taskType: 'application' as const,
    taskName: 'Orders Service',
    description:
      'Orders with a status lifecycle: placed, paid, shipped, delivered, cancelled. An OrderStatusChanged event goes to EventBridge on every status change.',
    stories: [
      'As a customer I can place an order with a list of line items',
      'As a warehouse worker I can mark an order as shipped',
      'As a courier I can mark an order as delivered',
      'As a customer I can cancel an order that has not shipped',
      'As a customer I can update the delivery address of an order that has not shipped',
    ],
  };

  it('refuses to cancel or change a delivered order too, since a delivered order has shipped, and proves it through the deliver route', async () => {
    const { bundle } = await generate(request);
    const routes = fileContent(bundle, 'src/routes.ts');
    expect(routes).toContain(
      "'POST /orders/{id}/cancel': { operation: 'transition', resource: 'order', action: 'cancel', refusedFrom: ['shipped', 'delivered'] },",
    );
    expect(routes).toContain(
      "'PATCH /orders/{id}': { operation: 'update', resource: 'order', refusedFrom: ['shipped', 'delivered', 'cancelled'] },",
    );
    expect(row(bundle.coverage ?? [], 'story', 4)).toMatchObject({
      status: 'covered',
      implementedBy:
        'POST /orders/{id}/cancel moves an order to cancelled, refused when shipped or delivered',
    });
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "expect((await call('POST /orders/{id}/deliver', { id: otherDeliver.body.id })).status).toBe(200);",
    );
  });

  it('refuses only the status named when the description gives no order', async () => {
    const { bundle } = await generate({ ...request, description: 'Orders are stored in DynamoDB.' });
    expect(fileContent(bundle, 'src/routes.ts')).toContain("action: 'cancel', refusedFrom: ['shipped'] },");
  });
});
