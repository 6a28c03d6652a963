import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { loadGenerated } from './generated-modules.js';
import { fileContent, generate } from './offline-test-requests.js';

/**
 * Review 11l, a new-user pass (platform team) over issue #11 items 1–2 for the application
 * blueprint: requests written the way teams write them — a support-ticket API with a lifecycle of
 * its own ("open, pending, solved or closed"), a SaaS subscriptions service (American "canceled",
 * a `past_due` status, "add seats", "A canceled subscription cannot be changed"), and a warehouse
 * inventory with bins under warehouses ("Deleting a warehouse is not allowed while it has bins").
 * Each is generated offline and driven through the generated handler (create → read → list →
 * change → delete, filters, counts); the coverage rows are read as the PR body shows them.
 * Attacked: whether the routes keep the request's words and whether each row says what the handler
 * does. Each FAULT test asserts the right answer and is `it.failing` while the fault exists.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');

interface Answer {
  readonly statusCode: number;
  readonly body: string;
}
interface Call {
  readonly pathParameters?: Record<string, string>;
  readonly body?: unknown;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
}
type Send = (routeKey: string, call?: Call) => Promise<Answer & { json: Record<string, unknown> }>;

/** The generated service's handler over its in-memory repository, ids id-1, id-2, … in order. */
function serviceOf(bundle: ArtifactBundle): Send {
  const loaded = loadGenerated(bundle, [
    ['src/app.ts', ['createApp']],
    ['src/item-repository.ts', ['InMemoryItemRepository']],
    ['src/status-events.ts', ['RecordingStatusEvents']],
    ['src/notifications.ts', ['RecordingNotifications']],
  ]);
  const Repository = loaded['InMemoryItemRepository'] as new () => unknown;
  const Events = loaded['RecordingStatusEvents'] as new () => unknown;
  const Notices = loaded['RecordingNotifications'] as new () => unknown;
  const createApp = loaded['createApp'] as (
    deps: Record<string, unknown>,
  ) => (event: Record<string, unknown>) => Promise<Answer>;
  let next = 0;
  const app = createApp({
    repository: new Repository(),
    newId: () => `id-${String((next += 1))}`,
    now: () => new Date('2026-11-30T10:00:00Z'),
    statusEvents: new Events(),
    notifications: new Notices(),
    log: () => undefined,
  });
  return async (routeKey, call = {}) => {
    const answer = await app({
      routeKey,
      pathParameters: call.pathParameters,
      queryStringParameters: call.query,
      headers: call.headers ?? {},
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    const json = answer.body === '' ? {} : (JSON.parse(answer.body) as Record<string, unknown>);
    return { ...answer, json };
  };
}

const supportTickets = {
  taskType: 'application' as const,
  taskName: 'Support tickets',
  description:
    'A ticketing API for our support team. Each ticket has a subject of at most 150 characters, a description, a priority (low, medium, high or urgent) and a requester email. Tickets are open, pending, solved or closed. A solved ticket can be reopened within 7 days. Agents cannot delete tickets.',
  stories: [
    'As a customer I can open a ticket with a subject and a description',
    'As an agent I can list open tickets by priority',
    'As an agent I can assign a ticket to myself',
    'As an agent I can solve a ticket',
    'As a customer I can reopen a solved ticket',
    'As a lead I can see how many tickets are pending',
    'As an agent I can add an internal note to a ticket',
    'As a lead I can close a solved ticket',
  ],
};
const aTicket = { subject: 'VPN down', description: 'cannot connect', priority: 'high' };
const agent = { 'x-caller-id': 'agent-7' };

describe('review 11l: support tickets', () => {
  it('FAULT: "assign a ticket to myself" moves the ticket to a status `assigned` the description\'s lifecycle ("Tickets are open, pending, solved or closed.") does not have, so an assigned ticket drops out of "list open tickets by priority" (✅ covered) — assigning records the assignee and keeps the ticket open', async () => {
    const { bundle } = await generate(supportTickets);
    const send = serviceOf(bundle);
    expect((await send('POST /tickets', { body: aTicket })).statusCode).toBe(201);
    const assigned = await send('POST /tickets/{id}/assign', {
      pathParameters: { id: 'id-1' },
      headers: agent,
    });
    expect(assigned.json['assignee']).toBe('agent-7');
    expect(assigned.json['status']).toBe('open');
    const open = await send('GET /tickets', { query: { status: 'open', priority: 'high' } });
    expect((open.json['items'] as unknown[]).length).toBe(1);
  });

  it('connects create → read → list → solve → reopen → close, counts by status, refuses a long subject and a delete', async () => {
    const { bundle } = await generate(supportTickets);
    const send = serviceOf(bundle);
    const long = { ...aTicket, subject: 's'.repeat(151) };
    expect((await send('POST /tickets', { body: long })).statusCode).toBe(400);
    expect((await send('POST /tickets', { body: { ...aTicket, priority: 'p1' } })).statusCode).toBe(400);
    expect((await send('POST /tickets', { body: aTicket })).json['status']).toBe('open');
    const id = { pathParameters: { id: 'id-1' } };
    expect((await send('GET /tickets/{id}', id)).json['subject']).toBe('VPN down');
    expect((await send('POST /tickets/{id}/close', id)).statusCode).toBe(409);
    expect((await send('POST /tickets/{id}/solve', id)).json['status']).toBe('solved');
    expect((await send('GET /tickets/count', { query: { status: 'solved' } })).json['count']).toBe(1);
    expect((await send('POST /tickets/{id}/reopen', id)).json['status']).toBe('open');
    expect((await send('POST /tickets/{id}/solve', id)).statusCode).toBe(200);
    expect((await send('POST /tickets/{id}/close', id)).json['status']).toBe('closed');
    expect((await send('DELETE /tickets/{id}', id)).statusCode).toBe(404);
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('partial');
    expect(gapsOf(sentenceRow(bundle.coverage, 3))).toMatch(/pending/);
  });
});

const subscriptions = {
  taskType: 'application' as const,
  taskName: 'Subscriptions',
  description:
    'A subscriptions service for our SaaS billing. A subscription belongs to a customer and has a plan (starter, team or enterprise), a seat count between 1 and 500 and a renewal date. Subscriptions are trialing, active, past_due or canceled. Publish an event when a subscription is canceled. A canceled subscription cannot be changed.',
  stories: [
    'As a customer I can start a subscription on a plan',
    'As a customer I can change the plan of my subscription',
    'As a customer I can add seats to my subscription',
    'As billing I can list subscriptions that are past_due',
    'As a customer I can cancel my subscription',
    'As billing I can see how many subscriptions are active',
    'As a customer I can reactivate a canceled subscription',
  ],
};
const aSubscription = { customerId: 'c1', plan: 'team', seatCount: 3 };

describe('review 11l: subscriptions', () => {
  it('FAULT: "cancel my subscription" sets `cancelled` though the lifecycle says "canceled", so "reactivate a canceled subscription" always answers 409 ("cancelled, which is final": a dead route) and ?status=canceled counts none, and "Publish an event when a subscription is canceled." is ❌ not covered though SubscriptionStatusChanged is published on the cancel (with "cancelled" throughout, all three work) — the move keeps the lifecycle\'s spelling and a status a story starts from is not final', async () => {
    const { bundle } = await generate(subscriptions);
    const send = serviceOf(bundle);
    expect((await send('POST /subscriptions', { body: aSubscription })).statusCode).toBe(201);
    const id = { pathParameters: { id: 'id-1' } };
    expect((await send('POST /subscriptions/{id}/cancel', id)).json['status']).toBe('canceled');
    const counted = await send('GET /subscriptions/count', { query: { status: 'canceled' } });
    expect(counted.json['count']).toBe(1);
    expect((await send('POST /subscriptions/{id}/reactivate', id)).statusCode).toBe(200);
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('covered');
  });

  it('FAULT: "list subscriptions that are past_due" makes no status filter (GET /subscriptions?status=past_due answers 400 "unknown query parameter status"), though `past_due` is one of the statuses the description lists and the count route takes it — a listed status written with an underscore is a status filter', async () => {
    const { bundle } = await generate(subscriptions);
    const send = serviceOf(bundle);
    await send('POST /subscriptions', { body: aSubscription });
    const listed = await send('GET /subscriptions', { query: { status: 'past_due' } });
    expect(listed.statusCode).toBe(200);
  });

  it('FAULT: "A canceled subscription cannot be changed." is read as forbidding every change (its gap: "drop that story or the rule") and PATCH of a canceled subscription answers 200 — the qualifier is a guard: PATCH answers 409 once the subscription is canceled', async () => {
    const { bundle } = await generate(subscriptions);
    const send = serviceOf(bundle);
    await send('POST /subscriptions', { body: aSubscription });
    const id = { pathParameters: { id: 'id-1' } };
    expect((await send('PATCH /subscriptions/{id}', { ...id, body: { plan: 'starter' } })).statusCode).toBe(
      200,
    );
    await send('POST /subscriptions/{id}/cancel', id);
    const changed = await send('PATCH /subscriptions/{id}', { ...id, body: { plan: 'enterprise' } });
    expect(changed.statusCode).toBe(409);
  });

  it('FAULT: "add seats to my subscription", where a subscription has a seat count, makes a free-standing resource `seat` with no fields (POST /seats, ◐ partial) that no subscription ever sees — the story changes the subscription\'s seatCount, or is listed as not covered, never a resource of its own', async () => {
    const { bundle } = await generate(subscriptions);
    expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/collection: 'seats'/);
    expect(storyRow(bundle.coverage, 3)?.implementedBy ?? '').not.toContain('POST /seats');
  });

  it('validates the plan, the seat range and the renewal date, and filters by customer', async () => {
    const { bundle } = await generate(subscriptions);
    const send = serviceOf(bundle);
    expect((await send('POST /subscriptions', { body: { ...aSubscription, plan: 'gold' } })).statusCode).toBe(
      400,
    );
    expect(
      (await send('POST /subscriptions', { body: { ...aSubscription, seatCount: 501 } })).statusCode,
    ).toBe(400);
    const dated = await send('POST /subscriptions', {
      body: { ...aSubscription, renewalDate: '2027-01-01' },
    });
    expect(dated.json['renewalDate']).toBe('2027-01-01T00:00:00.000Z');
    expect(
      (await send('POST /subscriptions', { body: { ...aSubscription, customerId: 'c2' } })).statusCode,
    ).toBe(201);
    const mine = await send('GET /subscriptions', { query: { customerId: 'c2' } });
    expect((mine.json['items'] as unknown[]).length).toBe(1);
  });
});

const warehouseInventory = {
  taskType: 'application' as const,
  taskName: 'Warehouse inventory',
  description:
    'An inventory API for our warehouses. Each warehouse has a name and a region. Each bin belongs to a warehouse and has a code of exactly 6 characters and a capacity of at least 1. Each product has a SKU, a name and a quantity on hand of at least 0. Deleting a warehouse is not allowed while it has bins.',
  stories: [
    'As an ops manager I can create a warehouse',
    'As an ops manager I can add a bin to a warehouse',
    'As a picker I can list the bins of a warehouse',
    'As an ops manager I can see how many bins a warehouse has',
    'As a buyer I can create a product',
    'As a buyer I can look up a product by its SKU',
    'As a picker I can change the quantity on hand of a product',
    'As a buyer I can list products whose quantity is below 10',
    'As an ops manager I can delete a bin',
    'As an ops manager I can delete a warehouse',
  ],
};

describe('review 11l: warehouse inventory (bins under warehouses)', () => {
  it('FAULT: "Deleting a warehouse is not allowed while it has bins." — DELETE /warehouses/{id} answers 204 with a bin under it (the bin stays served under a warehouse that is gone), and the row\'s gap reads it as a cascade ("add the cascade to the delete route"), the opposite of what is asked — the delete answers 409 while bins exist', async () => {
    const { bundle } = await generate(warehouseInventory);
    const send = serviceOf(bundle);
    await send('POST /warehouses', { body: { name: 'Sydney', region: 'ap-southeast-2' } });
    const bin = { pathParameters: { id: 'id-1' }, body: { code: 'A00001', capacity: 10 } };
    expect((await send('POST /warehouses/{id}/bins', bin)).statusCode).toBe(201);
    expect(gapsOf(sentenceRow(bundle.coverage, 5))).not.toMatch(/cascade/);
    expect((await send('DELETE /warehouses/{id}', { pathParameters: { id: 'id-1' } })).statusCode).toBe(409);
  });

  it('makes bins only under a warehouse, counts them per warehouse, validates the code, looks products up by SKU and changes the quantity', async () => {
    const { bundle } = await generate(warehouseInventory);
    const send = serviceOf(bundle);
    await send('POST /warehouses', { body: { name: 'Sydney' } });
    const under = (body: unknown) => ({ pathParameters: { id: 'id-1' }, body });
    expect((await send('POST /warehouses/{id}/bins', under({ code: 'A0001' }))).statusCode).toBe(400);
    expect(
      (await send('POST /warehouses/{id}/bins', under({ code: 'A00001', capacity: 0 }))).statusCode,
    ).toBe(400);
    expect((await send('POST /warehouses/{id}/bins', under({ code: 'A00001' }))).statusCode).toBe(201);
    const orphan = { pathParameters: { id: 'nope' }, body: { code: 'B00001' } };
    expect((await send('POST /warehouses/{id}/bins', orphan)).statusCode).toBe(404);
    expect((await send('GET /bins/count', { query: { warehouseId: 'id-1' } })).json['count']).toBe(1);
    const product = await send('POST /products', { body: { sku: 'SKU-1', name: 'bolt', quantity: 5 } });
    const pid = { pathParameters: { id: String(product.json['id']) } };
    expect((await send('PATCH /products/{id}', { ...pid, body: { quantity: -1 } })).statusCode).toBe(400);
    expect((await send('PATCH /products/{id}', { ...pid, body: { quantity: 3 } })).json['quantity']).toBe(3);
    const found = await send('GET /products', { query: { sku: 'SKU-1' } });
    expect((found.json['items'] as unknown[]).length).toBe(1);
    expect((await send('DELETE /bins/{id}', { pathParameters: { id: 'id-2' } })).statusCode).toBe(204);
    expect((await send('GET /bins/{id}', { pathParameters: { id: 'id-2' } })).statusCode).toBe(404);
  });
});

const roomBookings = {
  taskType: 'application' as const,
  taskName: 'Room bookings',
  description:
    'An API for meeting room bookings. Each room has a name and a capacity between 1 and 50. Each booking belongs to a room and has a start time, an end time and an organizer email. Bookings are tentative, confirmed or cancelled. A booking cannot end before it starts. Send an event when a booking is confirmed.',
  stories: [
    'As an admin I can create a room',
    'As an employee I can book a room for a time slot',
    'As an employee I can list bookings for a room between two dates',
    'As a room manager I can confirm a tentative booking',
    'As an employee I can cancel my booking',
    'As an admin I can see how many bookings are confirmed',
    'As an employee I am notified by email when my booking is confirmed',
  ],
};
const aBooking = {
  roomId: 'id-1',
  startTime: '2026-12-01T10:00:00Z',
  endTime: '2026-12-01T11:00:00Z',
  organizerEmail: 'ana@example.com',
};

describe('review 11l: room bookings', () => {
  it('FAULT: "A booking cannot end before it starts." is ✅ covered by "POST /bookings creates a booking" and its story tests, yet a booking ending at 09:00 and starting at 10:00 is made (201) — a rule between two fields is enforced (400) or listed as not covered, never credited to the create route', async () => {
    const { bundle } = await generate(roomBookings);
    const send = serviceOf(bundle);
    const admin = { 'x-caller-roles': 'admin' };
    await send('POST /rooms', { body: { name: 'Harbour', capacity: 8 }, headers: admin });
    const backwards = await send('POST /bookings', {
      body: { ...aBooking, endTime: '2026-12-01T09:00:00Z' },
    });
    expect(backwards.statusCode === 400 || sentenceRow(bundle.coverage, 5)?.status !== 'covered').toBe(true);
  });

  it('FAULT: "I am notified by email when MY booking is confirmed" is ✅ covered by a notice to one topic whose only email subscriber is the NotificationEmail parameter (empty by default): the booking\'s own organizerEmail is never written to — the row is partial, saying who is emailed and that the organizer is not (as the canary\'s "nobody is alerted as generated")', async () => {
    const { bundle } = await generate(roomBookings);
    expect(storyRow(bundle.coverage, 7)?.status).not.toBe('covered');
  });

  it("lists a room's bookings between two dates, guards confirm and cancel, and tells the notification topic on confirm", async () => {
    const { bundle } = await generate(roomBookings);
    const send = serviceOf(bundle);
    const admin = { 'x-caller-roles': 'admin' };
    expect((await send('POST /rooms', { body: { name: 'Harbour', capacity: 8 } })).statusCode).toBe(403);
    expect(
      (await send('POST /rooms', { body: { name: 'Harbour', capacity: 51 }, headers: admin })).statusCode,
    ).toBe(400);
    await send('POST /rooms', { body: { name: 'Harbour', capacity: 8 }, headers: admin });
    expect((await send('POST /bookings', { body: { ...aBooking, startTime: 'tomorrow' } })).statusCode).toBe(
      400,
    );
    expect((await send('POST /bookings', { body: aBooking })).json['status']).toBe('tentative');
    const later = { ...aBooking, startTime: '2026-12-05T10:00:00Z', endTime: '2026-12-05T11:00:00Z' };
    await send('POST /bookings', { body: later });
    const window = { roomId: 'id-1', from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' };
    expect(((await send('GET /bookings', { query: window })).json['items'] as unknown[]).length).toBe(1);
    const first = { pathParameters: { id: 'id-2' } };
    expect((await send('POST /bookings/{id}/confirm', first)).json['status']).toBe('confirmed');
    expect((await send('POST /bookings/{id}/confirm', first)).statusCode).toBe(409);
    const counted = await send('GET /bookings/count', { query: { status: 'confirmed' }, headers: admin });
    expect(counted.json['count']).toBe(1);
    expect((await send('POST /bookings/{id}/cancel', { pathParameters: { id: 'id-3' } })).statusCode).toBe(
      200,
    );
    expect((await send('POST /bookings/{id}/confirm', { pathParameters: { id: 'id-3' } })).statusCode).toBe(
      409,
    );
  });
});

const expenseReports = {
  taskType: 'application' as const,
  taskName: 'Expense reports',
  description:
    'An API for expense reports. Each report has a title and a total in cents of at least 1. Reports are draft, submitted or approved. Only finance can approve a report. Every request must be authenticated with a JWT from our Cognito user pool. Responses must be served in under 200 ms at p99. Every Monday at 08:00 UTC email a summary of submitted reports to finance@example.com. Lists are paginated 20 at a time. Approved reports are archived after 90 days.',
  stories: [
    'As an employee I can create a report',
    'As an employee I can submit a draft report',
    'As finance I can approve a submitted report',
    'As finance I can list submitted reports',
  ],
};

describe('review 11l: expense reports (draft → submitted → approved)', () => {
  it('FAULT: "submit a draft report", beside "create a report", is ✅ covered by "POST /reports creates a report" (submit read as a create verb), so nothing ever makes a report submitted and "approve a submitted report" answers 409 for every report (the whole approval flow dead) — submit is the move POST /reports/{id}/submit, draft → submitted', async () => {
    const { bundle } = await generate(expenseReports);
    const send = serviceOf(bundle);
    expect((await send('POST /reports', { body: { title: 'Trip', total: 1200 } })).json['status']).toBe(
      'draft',
    );
    const id = { pathParameters: { id: 'id-1' } };
    expect((await send('POST /reports/{id}/submit', id)).json['status']).toBe('submitted');
    const finance = { ...id, headers: { 'x-caller-roles': 'finance' } };
    expect((await send('POST /reports/{id}/approve', finance)).json['status']).toBe('approved');
  });

  it('FAULT: a description sentence "Only finance can approve a report." — and even "Only admins can close a ticket." — is ✅ covered by the bare move (no `roles` on the route: any caller approves or closes), though the same words as a story answer 403 without x-caller-roles — a role rule in the description is enforced like a story\'s, or its row is not covered', async () => {
    const { bundle } = await generate(expenseReports);
    const routeLine = (routes: string, key: string) =>
      routes.split('\n').find((line) => line.includes(`'${key}'`)) ?? '';
    const approve = routeLine(fileContent(bundle, 'src/routes.ts'), 'POST /reports/{id}/approve');
    expect(
      approve.includes("roles: ['finance']") || sentenceRow(bundle.coverage, 4)?.status !== 'covered',
    ).toBe(true);
    const desk = (
      await generate({
        taskType: 'application',
        taskName: 'Desk',
        description: 'Only admins can close a ticket.',
        stories: ['As a customer I can open a ticket', 'As an agent I can close a ticket'],
      })
    ).bundle;
    const close = routeLine(fileContent(desk, 'src/routes.ts'), 'POST /tickets/{id}/close');
    expect(close.includes("roles: ['admin']") || sentenceRow(desk.coverage, 1)?.status !== 'covered').toBe(
      true,
    );
  });

  it('FAULT: "Every Monday at 08:00 UTC email a summary of submitted reports to finance@example.com." is ◐ partial, "implemented by POST /reports creates a report", with gaps "8 is not a value" and "0 is not a value" — nothing runs on a schedule or sends a summary: the row is not covered, saying so (as the README promises for "I receive a weekly report")', async () => {
    const { bundle } = await generate(expenseReports);
    const row = sentenceRow(bundle.coverage, 7);
    expect(row?.status).toBe('not_covered');
    expect(row?.implementedBy ?? '').not.toContain('POST /reports');
  });

  it('lists the Cognito authorizer, the p99 target and pagination as not covered, with why', async () => {
    const { bundle } = await generate(expenseReports);
    expect(sentenceRow(bundle.coverage, 5)?.status).toBe('not_covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 5))).toMatch(/no authorizer/);
    expect(sentenceRow(bundle.coverage, 6)?.status).toBe('not_covered');
    expect(sentenceRow(bundle.coverage, 8)?.status).toBe('not_covered');
  });
});

const auditTrail = {
  taskType: 'application' as const,
  taskName: 'Audit trail',
  description:
    'An append-only audit log API. Each entry has an actor, an action, a resource id and a timestamp. Entries can never be changed or deleted. Return 400 when an entry is missing its actor. Entries are kept for 400 days.',
  stories: [
    'As a service I can record an audit entry',
    'As an auditor I can list entries between two dates',
    'As an auditor I can list entries by actor',
    'As an auditor I can see how many entries an actor has',
  ],
};
const anEntry = { actor: 'alice', action: 'login', resourceId: 'r1', timestamp: '2026-11-01T00:00:00Z' };

describe('review 11l: an append-only audit trail', () => {
  it('FAULT: "see how many entries an actor has" is ✅ covered by GET /entries/count, which counts every actor\'s entries and refuses ?actor= with 400 ("unknown query parameter actor") though GET /entries takes ?actor= — the count takes the field its story names, as a list would', async () => {
    const { bundle } = await generate(auditTrail);
    const send = serviceOf(bundle);
    await send('POST /entries', { body: anEntry });
    await send('POST /entries', { body: { ...anEntry, actor: 'bob' } });
    const counted = await send('GET /entries/count', { query: { actor: 'alice' } });
    expect(counted.json['count'] === 1 || storyRow(bundle.coverage, 4)?.status !== 'covered').toBe(true);
  });

  it('records entries (400 without an actor), lists them by actor and between two dates, never changes or deletes one, and lists "kept for 400 days" as not covered', async () => {
    const { bundle } = await generate(auditTrail);
    const send = serviceOf(bundle);
    expect((await send('POST /entries', { body: { action: 'login' } })).statusCode).toBe(400);
    expect((await send('POST /entries', { body: anEntry })).statusCode).toBe(201);
    await send('POST /entries', { body: { ...anEntry, actor: 'bob', timestamp: '2026-11-20T00:00:00Z' } });
    const byActor = await send('GET /entries', { query: { actor: 'bob' } });
    expect((byActor.json['items'] as unknown[]).length).toBe(1);
    const window = { from: '2026-10-31T00:00:00Z', to: '2026-11-02T00:00:00Z' };
    expect(((await send('GET /entries', { query: window })).json['items'] as unknown[]).length).toBe(1);
    const id = { pathParameters: { id: 'id-1' } };
    expect((await send('PATCH /entries/{id}', { ...id, body: { action: 'x' } })).statusCode).toBe(404);
    expect((await send('DELETE /entries/{id}', id)).statusCode).toBe(404);
    expect((await send('GET /entries/{id}', id)).json['actor']).toBe('alice');
    expect(sentenceRow(bundle.coverage, 5)?.status).toBe('not_covered');
  });
});
