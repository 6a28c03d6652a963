import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { loadGenerated } from './generated-modules.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';
import type { RequestShape } from './offline-test-requests.js';

/**
 * Review 11i (issue #11 item 1), the fixes: the generated handler, run here on its in-memory store,
 * does what the request's words ask — a list between two dates, a field that must be given, a
 * toggle of a yes/no field, the first status the description states, a range after a unit phrase —
 * and what it cannot derive (an evaluation, a count of events) is not faked as a route that writes.
 */
interface Result {
  statusCode: number;
  body: string;
}
type App = (event: Record<string, unknown>) => Promise<Result>;
interface Item {
  id: string;
  status?: string;
  [field: string]: unknown;
}

const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);

/** The generated app on its in-memory store; `clock` is read by the app's `now` on every write. */
async function serviceOf(shape: RequestShape, clock: { now: Date } = { now: new Date(0) }) {
  const { bundle } = await generate(shape);
  const loaded = loadGenerated(bundle, [
    ['src/app.ts', ['createApp']],
    ['src/item-repository.ts', ['InMemoryItemRepository']],
  ]);
  const createApp = loaded['createApp'] as (deps: Record<string, unknown>) => App;
  const Repository = loaded['InMemoryItemRepository'] as new () => unknown;
  let counter = 0;
  const app = createApp({
    repository: new Repository(),
    newId: () => `id-${String(++counter).padStart(3, '0')}`,
    now: () => clock.now,
  });
  const call = async (
    routeKey: string,
    options: { id?: string; body?: unknown; query?: Record<string, string> } = {},
  ) => {
    const answer = await app({
      routeKey,
      headers: {},
      ...(options.id === undefined ? {} : { pathParameters: { id: options.id } }),
      ...(options.query === undefined ? {} : { queryStringParameters: options.query }),
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    return { status: answer.statusCode, body: (answer.body === '' ? {} : JSON.parse(answer.body)) as Item };
  };
  const ids = async (routeKey: string, query: Record<string, string>) => {
    const answer = await call(routeKey, { query });
    return (answer.body as unknown as { items?: Item[] }).items?.map((item) => item.id) ?? answer.status;
  };
  return { bundle, call, ids };
}

const auditLog: RequestShape = {
  taskType: 'application',
  taskName: 'Audit log API',
  description:
    'An API that stores audit log entries in DynamoDB. Each entry has an actor, an action, a resource and a timestamp. Entries are immutable: they can never be changed or deleted. Return 400 when an entry is missing its actor.',
  stories: [
    'As a service I can record an audit entry',
    'As an auditor I can list entries by actor between two dates',
    'As an auditor I can view an entry by its id',
  ],
};

describe('a list between two dates', () => {
  it('GET /entries?from=&to= keeps the entries whose timestamp is within, both ends included, beside the actor filter', async () => {
    const { call, ids } = await serviceOf(auditLog);
    const entry = (actor: string, timestamp: string) => ({
      actor,
      action: 'login',
      resource: 'console',
      timestamp,
    });
    expect((await call('POST /entries', { body: entry('ana', '2030-01-01T00:00:00Z') })).status).toBe(201);
    // Stored in UTC with milliseconds, so ranges compare as text whatever offset a client wrote.
    const second = await call('POST /entries', { body: entry('ana', '2030-02-01T10:00:00+10:00') });
    expect(second.body['timestamp']).toBe('2030-02-01T00:00:00.000Z');
    await call('POST /entries', { body: entry('bo', '2030-02-10T00:00:00Z') });
    await call('POST /entries', { body: entry('ana', '2030-03-01T00:00:00Z') });
    expect(await ids('GET /entries', { from: '2030-01-15', to: '2030-02-15' })).toEqual(['id-002', 'id-003']);
    expect(await ids('GET /entries', { actor: 'ana', from: '2030-01-15', to: '2030-02-15' })).toEqual([
      'id-002',
    ]);
    expect(await ids('GET /entries', { from: '2030-02-01T00:00:00Z' })).toEqual([
      'id-002',
      'id-003',
      'id-004',
    ]);
    expect(await ids('GET /entries', { to: '2030-01-01T00:00:00.000Z' })).toEqual(['id-001']);
    expect(await ids('GET /entries', { from: 'last tuesday' })).toBe(400);
    expect(await ids('GET /entries', { to: '2030-02-30T25:00:00Z' })).toBe(400);
    expect(await ids('GET /entries', { from: '2030-03-01', to: '2030-01-01' })).toBe(400);
    expect((await call('POST /entries', { body: entry('ana', 'yesterday') })).status).toBe(400);
  });

  it('with no time field declared, the range reads the time each item was made (createdAt)', async () => {
    const clock = { now: new Date('2030-01-01T00:00:00Z') };
    const { call, ids } = await serviceOf(
      {
        taskType: 'application',
        taskName: 'Expenses',
        stories: [
          'As an employee I can submit an expense with an amount',
          'As finance I can list expenses in a date range',
        ],
      },
      clock,
    );
    await call('POST /expenses', { body: { amount: 5 } });
    clock.now = new Date('2030-02-01T00:00:00Z');
    await call('POST /expenses', { body: { amount: 6 } });
    expect(await ids('GET /expenses', { from: '2030-01-15T00:00:00Z' })).toEqual(['id-002']);
    expect(await ids('GET /expenses', { to: '2030-01-15T00:00:00Z' })).toEqual(['id-001']);
  });
});

describe('fields and statuses the description states', () => {
  it('"Return 400 when an entry is missing its actor." makes actor required: 400 without it, 201 with it', async () => {
    const { call } = await serviceOf(auditLog);
    const missing = await call('POST /entries', { body: { action: 'login' } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('field \\"actor\\" is required');
    expect((await call('POST /entries', { body: { actor: 'ana' } })).status).toBe(201);
  });

  const accessRequests: RequestShape = {
    taskType: 'application',
    taskName: 'Access requests',
    description:
      'Each access request has an account id, a role, a reason and a duration in hours between 1 and 12. Requests start pending, then are approved or denied.',
    stories: [
      'As an engineer I can request access to a production account with a reason',
      'As an approver I can approve an access request',
      'As an auditor I can list approved access requests',
    ],
  };

  it('"Requests start pending" makes pending the first status, listed by ?status=pending', async () => {
    const { call, ids } = await serviceOf(accessRequests);
    const created = await call('POST /access-requests', { body: { reason: 'incident', duration: 2 } });
    expect(created.body.status).toBe('pending');
    expect(await ids('GET /access-requests', { status: 'pending' })).toEqual([created.body.id]);
    await call('POST /access-requests/{id}/approve', { id: created.body.id });
    expect(await ids('GET /access-requests', { status: 'approved' })).toEqual([created.body.id]);
    expect(await ids('GET /access-requests', { status: 'requested' })).toBe(400);
  });

  it('"a duration in hours between 1 and 12" checks the range: 0 and 13 answer 400, 1 and 12 are stored', async () => {
    const { call } = await serviceOf(accessRequests);
    for (const duration of [0, 13])
      expect((await call('POST /access-requests', { body: { reason: 'x', duration } })).status).toBe(400);
    for (const duration of [1, 12])
      expect((await call('POST /access-requests', { body: { reason: 'x', duration } })).status).toBe(201);
  });
});

const featureFlags: RequestShape = {
  taskType: 'application',
  taskName: 'Feature flags',
  description: 'Each flag has a key, a description and whether it is enabled.',
  stories: [
    'As a developer I can create a flag',
    'As a developer I can toggle a flag',
    'As a service I can evaluate a flag for a user',
    'As an admin I can disable a flag',
  ],
};

describe('verbs that are not status moves', () => {
  it('"toggle a flag" and "disable a flag" set the yes/no field enabled on the server, back and forth, with no status (fix 11: was a PATCH of a client-sent value)', async () => {
    const { bundle, call } = await serviceOf(featureFlags);
    expect(fileContent(bundle, 'src/routes.ts')).not.toContain("'PATCH /flags/{id}'");
    const flag = await call('POST /flags', { body: { key: 'beta', enabled: true } });
    expect(flag.body.status).toBeUndefined();
    // A body cannot choose the value: the route decides it.
    const off = await call('POST /flags/{id}/toggle', { id: flag.body.id, body: { enabled: true } });
    expect(off).toMatchObject({ status: 200, body: { enabled: false } });
    const on = await call('POST /flags/{id}/toggle', { id: flag.body.id });
    expect(on).toMatchObject({ status: 200, body: { enabled: true } });
    // Only an admin disables (story 4): its own route keeps the role the toggle does not ask for.
    expect((await call('POST /flags/{id}/disable', { id: flag.body.id })).status).toBe(403);
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "'POST /flags/{id}/disable': { operation: 'set', resource: 'flag', action: 'disable', sets: { field: 'enabled', to: false }, roles: ['admin'] }",
    );
    expect(storyRow(bundle.coverage, 2)?.implementedBy).toMatch(
      /^POST \/flags\/\{id\}\/toggle flips a flag's enabled/,
    );
  });

  it('"evaluate a flag for a user" writes nothing and is not covered, saying why', async () => {
    const { bundle, call } = await serviceOf(featureFlags);
    expect(fileContent(bundle, 'src/routes.ts')).not.toContain('evaluate');
    const flag = await call('POST /flags', { body: { key: 'beta' } });
    expect((await call('POST /flags/{id}/evaluate', { id: flag.body.id })).status).toBe(404);
    const row = storyRow(bundle.coverage, 3);
    expect(row?.status).toBe('not_covered');
    expect(row?.gaps?.join(' ')).toMatch(/asks to evaluate .*no route was generated/);
  });

  it('"check the status of my order" stays a read (GET), not a move', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Shop',
      stories: ['As a customer I can place an order', 'As a customer I can check the status of my order'],
    });
    expect(storyRow(bundle.coverage, 2)?.implementedBy).toMatch(/^GET \/orders\/\{id\}/);
  });
});

describe('a count of events', () => {
  it('"see how many times my link was clicked" makes no resource `clicked`; the story says what is missing', async () => {
    const { bundle, call } = await serviceOf({
      taskType: 'application',
      taskName: 'Link shortener',
      description: 'Each link has a target URL and a slug.',
      stories: [
        'As an employee I can create a short link for a URL',
        'As an employee I can see how many times my link was clicked',
      ],
    });
    expect(fileContent(bundle, 'src/model.ts')).not.toContain('clicked');
    expect((await call('POST /clickeds', { body: { note: 'x' } })).status).toBe(404);
    const row = storyRow(bundle.coverage, 2);
    expect(row?.status).toBe('not_covered');
    expect(row?.gaps?.join(' ')).toContain('a count of events ("how many times my link was clicked")');
  });
});

describe('the table policy follows the routes (least privilege)', () => {
  const actionsOf = async (shape: RequestShape) =>
    JSON.stringify(resourcesOfType(parseBundleTemplate((await generate(shape)).bundle), 'AWS::IAM::Role'));

  it('grants DeleteItem only with a delete route, PutItem only with a write, Query only with a list', async () => {
    const audit = await actionsOf(auditLog);
    expect(audit).not.toContain('dynamodb:DeleteItem');
    expect(audit).toContain('dynamodb:PutItem');
    expect(audit).toContain('dynamodb:Query');
    const flags = await actionsOf({
      ...featureFlags,
      stories: ['As a developer I can create a flag', 'As an admin I can delete a flag'],
    });
    expect(flags).toContain('dynamodb:DeleteItem');
    expect(flags).not.toContain('dynamodb:Query');
  });
});
