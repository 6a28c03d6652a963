import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { parseStory } from '../../../src/generation/offline/blueprints/application/model/parse-story.js';
import { returningVerb } from '../../../src/generation/offline/blueprints/application/model/returning-verb.js';
import { statusReached } from '../../../src/generation/offline/blueprints/application/model/status-reached.js';
import { storyIntent } from '../../../src/generation/offline/naming/story-intent.js';
import { fileContent, generate } from './offline-test-requests.js';

/**
 * Siblings of review 11's resource-model faults (issue #11 item 1: every story acts on the one
 * resource model; item 2: the PR body says what the model holds): other ways of saying "assigned to
 * me", "high priority", "reopen", "before it ships" and "the shipping address".
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const app = (stories: readonly string[], description?: string) =>
  generate({
    taskType: 'application',
    taskName: 'Helpdesk',
    stories,
    ...(description === undefined ? {} : { description }),
  }).then(({ bundle }) => bundle);
const parsed = (story: string) => parseStory(storyIntent(story, 1));

describe('a list qualified by a participle after its noun', () => {
  it('"list tickets assigned to me" filters on the assignee the assign route records, with ?assignee=me for the caller', async () => {
    const bundle = await app([
      'As a customer I can open a ticket with a subject',
      'As an agent I can assign a ticket to myself',
      'As an agent I can list tickets assigned to me',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "'GET /tickets': { operation: 'list', resource: 'ticket', filters: [{ field: 'assignee', caller: true }] },",
    );
    const tests = fileContent(bundle, 'test/app.test.ts');
    // The generated test assigns through the route, then lists as each caller.
    expect(tests).toContain(
      "expect((await call('POST /tickets/{id}/assign', { id: mine.body.id, caller: 'agent-7' })).status).toBe(200);",
    );
    expect(tests).toContain(
      "expect(ids(await call('GET /tickets', { query: { 'assignee': 'me' }, caller: 'agent-7' }))).toEqual([mine.body.id]);",
    );
    expect(tests).toContain(
      "expect((await call('GET /tickets', { query: { 'assignee': 'me' }, caller: null })).status).toBe(400);",
    );
    expect(storyRow(bundle.coverage, 3)?.implementedBy).toBe(
      "GET /tickets lists tickets, by assignee when given (?assignee=me for the caller's own, the caller named by the x-caller-id header)",
    );
  });

  it('"list tickets assigned to an agent" filters by ?assignee= without any "assigned" resource', async () => {
    const bundle = await app([
      'As a customer I can open a ticket with a subject',
      'As a manager I can list tickets assigned to an agent',
    ]);
    const routes = fileContent(bundle, 'src/routes.ts');
    expect(routes).toContain("filters: [{ field: 'assignee' }]");
    expect(routes).not.toMatch(/assigneds|\/assigned/);
    expect(storyRow(bundle.coverage, 2)).toMatchObject({ status: 'covered' });
  });

  it('"list tickets assigned to my team" filters by ?assignee= and says the team is not known to the service', async () => {
    const bundle = await app([
      'As a customer I can open a ticket with a subject',
      'As an agent I can list tickets assigned to my team',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).toContain("filters: [{ field: 'assignee' }]");
    expect(storyRow(bundle.coverage, 2)).toMatchObject({
      status: 'partial',
      gaps: [
        '"my team" is not known to the service: GET /tickets?assignee= lists the tickets whose assignee is the value the caller gives, so the caller must name the team',
      ],
    });
  });

  it('"list orders shipped" is the status filter "list shipped orders" makes', async () => {
    const bundle = await app([
      'As a customer I can place an order',
      'As a clerk I can ship an order',
      'As a clerk I can list orders shipped',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "filters: [{ field: 'status', values: ['placed', 'shipped'] }]",
    );
    expect(fileContent(bundle, 'src/routes.ts')).not.toContain('/shippeds');
  });

  it('"list my assigned tickets", where an agent assigns a ticket to themself, filters on assignee rather than making tickets owned by an agentId', async () => {
    const bundle = await app([
      'As a customer I can open a ticket with a subject',
      'As an agent I can assign a ticket to myself',
      'As an agent I can list my assigned tickets',
    ]);
    expect(fileContent(bundle, 'src/model.ts')).not.toContain('agentId');
    expect(fileContent(bundle, 'src/routes.ts')).toContain("filters: [{ field: 'assignee', caller: true }]");
  });

  it('"list my closed tickets" keeps the caller as owner: closing is not done to the caller', async () => {
    const bundle = await app([
      'As a customer I can open a ticket with a subject',
      'As an agent I can close a ticket',
      'As a customer I can list my closed tickets',
    ]);
    expect(fileContent(bundle, 'src/model.ts')).toContain("ownerField: 'customerId'");
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "filters: [{ field: 'status', values: ['open', 'closed'] }]",
    );
  });

  it('"list orders placed by me" lists the caller\'s own orders, as "list my orders" does', () => {
    expect(parsed('As a customer I can list orders placed by me')).toMatchObject({
      kind: 'list',
      noun: 'order',
      owner: 'customer',
      ownerIsSelf: true,
    });
  });
});

describe('a list narrowed by a named value of a filter field', () => {
  it.each([
    ['As an agent I can list low priority tickets', 'low'],
    ['As an agent I can list tickets with high priority', 'high'],
    ['As an agent I can list critical severity tickets', 'critical'],
  ])('"%s" filters on the field and names ?field=%s in the PR body', async (story, value) => {
    const bundle = await app(['As a customer I can open a ticket with a subject', story]);
    const field = story.includes('severity') ? 'severity' : 'priority';
    expect(fileContent(bundle, 'src/routes.ts')).toContain(`filters: [{ field: '${field}' }]`);
    expect(storyRow(bundle.coverage, 2)).toMatchObject({
      status: 'covered',
      implementedBy: `GET /tickets lists tickets, by ${field} when given (?${field}=${value})`,
    });
  });

  it('"list urgent orders" names no field, so the story says "urgent" shaped nothing, and no resource is made of it', async () => {
    const bundle = await app(['As a customer I can place an order', 'As a clerk I can list urgent orders']);
    expect(fileContent(bundle, 'src/routes.ts')).not.toMatch(/\/urgent/);
    expect(storyRow(bundle.coverage, 2)).toMatchObject({
      status: 'partial',
      gaps: ['"urgent" shaped nothing that was generated'],
    });
  });
});

describe('a transition that goes back', () => {
  it('"re-open a closed ticket" is reopen, back to open', async () => {
    const bundle = await app([
      'As a customer I can open a ticket with a subject',
      'As an agent I can close a ticket',
      'As an agent I can re-open a closed ticket',
    ]);
    expect(fileContent(bundle, 'src/model.ts')).toContain(
      "transitions: { 'close': 'closed', 'reopen': 'open' }, terminal: [] }",
    );
  });

  it('"reopen a ticket" without naming closed still leaves closed, which is then not final', async () => {
    const bundle = await app([
      'As a customer I can open a ticket with a subject',
      'As an agent I can close a ticket',
      'As an agent I can reopen a ticket',
    ]);
    expect(fileContent(bundle, 'src/model.ts')).toContain(
      "transitions: { 'close': 'closed', 'reopen': 'open' }, terminal: [] }",
    );
    // The generated test closes the ticket first, since a new one is already open.
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      `    expect((await call('POST /tickets/{id}/close', { id: created.body.id })).body.status).toBe('closed');
    const moved = await call('POST /tickets/{id}/reopen', { id: created.body.id });
    expect(moved).toMatchObject({ status: 200, body: { id: created.body.id, status: 'open', version: 3 } });`,
    );
  });

  it.each([
    ['As a user I can restore an archived note'],
    ['As a user I can restore a note'],
    ['As a user I can unarchive a note'],
  ])('"%s" takes the note back to its first status, so archived is not final', async (story) => {
    const bundle = await app(['As a user I can create a note', 'As a user I can archive a note', story]);
    expect(fileContent(bundle, 'src/model.ts')).toMatch(
      /transitions: \{ 'archive': 'archived', '(?:restore|unarchive)': 'created' \}, terminal: \[\] \}/,
    );
  });

  it('"resubmit a rejected expense" goes back to submitted, the status submitting made', async () => {
    const bundle = await app([
      'As an employee I can submit an expense with an amount',
      'As a manager I can reject an expense',
      'As an employee I can resubmit a rejected expense',
    ]);
    expect(fileContent(bundle, 'src/model.ts')).toContain(
      "transitions: { 'reject': 'rejected', 'resubmit': 'submitted' }, terminal: [] }",
    );
  });

  it('keeps its own status for verbs that only look like re + a verb: reassign, resolve, return', async () => {
    const bundle = await app([
      'As a customer I can open a ticket with a subject',
      'As an agent I can assign a ticket',
      'As an agent I can reassign a ticket',
      'As an agent I can resolve a ticket',
    ]);
    expect(fileContent(bundle, 'src/model.ts')).toContain(
      "transitions: { 'assign': 'assigned', 'reassign': 'reassigned', 'resolve': 'resolved' }",
    );
  });

  it('says a route back to the first status answers 409 when nothing moves an item out of it', async () => {
    const bundle = await app([
      'As a customer I can open a ticket with a subject',
      'As an agent I can reopen a ticket',
    ]);
    expect(storyRow(bundle.coverage, 2)?.gaps).toContain(
      'no route of this service moves a ticket out of open, so POST /tickets/{id}/reopen answers 409 until another system (or a new story) does',
    );
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "expect(await call('POST /tickets/{id}/reopen', { id: created.body.id })).toMatchObject({ status: 409, body: { error: 'the ticket is already open' } });",
    );
  });
});

describe('an action refused once the item reaches a status ("before it ships")', () => {
  const shop = (story: string) =>
    app(['As a customer I can place an order', 'As a clerk I can dispatch an order', story]);

  it.each([
    'As a customer I can cancel an order before it is dispatched',
    'As a customer I can cancel an order before it has been dispatched',
    'As a customer I can cancel an order before dispatching',
    'As a customer I can cancel an order before the clerk dispatches it',
    'As a customer I can cancel an order until it is dispatched',
  ])('"%s" refuses a dispatched order', async (story) => {
    const bundle = await shop(story);
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "'POST /orders/{id}/cancel': { operation: 'transition', resource: 'order', action: 'cancel', refusedFrom: ['dispatched'] }",
    );
    expect(storyRow(bundle.coverage, 3)).toMatchObject({
      status: 'covered',
      implementedBy: 'POST /orders/{id}/cancel moves an order to cancelled, refused when dispatched',
    });
  });

  it('"edit an expense until it is approved" refuses the change of an approved expense, and says so', async () => {
    const bundle = await app([
      'As an employee I can submit an expense with an amount',
      'As a manager I can approve an expense',
      'As an employee I can edit an expense until it is approved',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "'PATCH /expenses/{id}': { operation: 'update', resource: 'expense', refusedFrom: ['approved'] }",
    );
    expect(storyRow(bundle.coverage, 3)?.implementedBy).toBe(
      "PATCH /expenses/{id} changes an expense's fields, refused when approved",
    );
  });

  it.each(['before noon', 'before the deadline', 'before 5 days'])(
    '"cancel an order %s" names no status: no refusal, and the story says the words shaped nothing',
    async (words) => {
      const bundle = await shop(`As a customer I can cancel an order ${words}`);
      expect(fileContent(bundle, 'src/routes.ts')).toContain(
        "'POST /orders/{id}/cancel': { operation: 'transition', resource: 'order', action: 'cancel' },",
      );
      expect(storyRow(bundle.coverage, 3)).toMatchObject({ status: 'partial' });
    },
  );
});

describe('a field named by its two words, or by its last word', () => {
  it('"update the delivery address", where orders have one, changes the order rather than making an address resource', async () => {
    const bundle = await app(
      ['As a customer I can place an order', 'As a customer I can update the delivery address'],
      'Orders have a delivery address.',
    );
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).toContain("fields: [{ name: 'deliveryAddress', type: 'string', required: false }]");
    expect(model).not.toContain("name: 'address'");
    expect(storyRow(bundle.coverage, 2)?.implementedBy).toBe("PATCH /orders/{id} changes an order's fields");
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "const changed = await call('PATCH /orders/{id}', { id: created.body.id, body: { deliveryAddress: 'changed' } });",
    );
  });

  it('"change the address of an order", where the order\'s one address field is shippingAddress, changes that field', async () => {
    const bundle = await app(
      ['As a customer I can place an order', 'As a customer I can change the address of an order'],
      'Orders have a total amount and a shipping address.',
    );
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).not.toContain("name: 'address'");
    expect(fileContent(bundle, 'test/app.test.ts')).toContain("body: { shippingAddress: 'changed' } });");
  });

  it('"place an order with an address", where orders have a shipping address, requires that field rather than a second one', async () => {
    const bundle = await app(
      ['As a customer I can place an order with an address'],
      'Orders have a total amount and a shipping address.',
    );
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).toContain("{ name: 'shippingAddress', type: 'string', required: true }");
    expect(model).not.toContain("name: 'address'");
  });

  it('keeps "the billing address" a field of its own beside the description\'s shipping address', async () => {
    const bundle = await app(
      ['As a customer I can place an order', 'As a customer I can change the billing address of an order'],
      'Orders have a shipping address.',
    );
    expect(fileContent(bundle, 'src/model.ts')).toContain(
      "{ name: 'billingAddress', type: 'string', required: false }",
    );
  });

  it('keeps a field of its own when two fields share the last word (billing and shipping address)', async () => {
    const bundle = await app(
      ['As a customer I can place an order', 'As a customer I can change the address of an order'],
      'Orders have a billing address and a shipping address.',
    );
    expect(fileContent(bundle, 'src/model.ts')).toContain(
      "{ name: 'address', type: 'string', required: false }",
    );
  });
});

describe('the description row says each field as the model declares it', () => {
  it('says a field a story made a required list, and a number, as they are', async () => {
    const bundle = await app(
      ['As a customer I can place an order with one or more items'],
      'Orders have items and a total amount.',
    );
    expect(sentenceRow(bundle.coverage, 1)?.implementedBy).toContain(
      'an order has the declared fields items (list of at least 1, required on create, 400 without), totalAmount (number, optional), type-checked on every write',
    );
  });
});

describe('the status a before/until clause reaches', () => {
  it.each([
    ['it ships', 'shipped'],
    ['it is shipped', 'shipped'],
    ['it has been dispatched', 'dispatched'],
    ['shipping', 'shipped'],
    ['closing', 'closed'],
    ['it is paid', 'paid'],
    ['it pays', 'paid'],
    ['the manager approves it', 'approved'],
    ['the courier dispatches it', 'dispatched'],
    ['it closes', 'closed'],
  ])('"before %s" → %s', (words, status) => {
    expect(statusReached(words.split(' '))).toBe(status);
  });

  it.each(['noon', 'the deadline', '5 days', 'the end of the month', 'friday'])(
    '"before %s" names no status',
    (words) => {
      expect(statusReached(words.split(' '))).toBeUndefined();
    },
  );
});

describe('a verb that goes back', () => {
  const targets = new Map([
    ['close', 'closed'],
    ['archive', 'archived'],
    ['assign', 'assigned'],
  ]);
  it.each([
    ['reopen', 'open', 'open', 'closed'],
    ['reopen', 'create', 'created', 'closed'],
    ['restore', 'create', 'created', 'archived'],
    ['unarchive', 'create', 'created', 'archived'],
    ['unassign', 'open', 'open', 'assigned'],
    ['resubmit', 'submit', 'submitted', undefined],
  ])('"%s" (items made by %s) goes back to %s, leaving %s', (verb, creator, initial, left) => {
    const back = returningVerb({ verb, creator, initial, targets });
    expect(back?.to).toBe(initial);
    if (left !== undefined) expect(back?.leaves).toContain(left);
  });

  it.each(['reassign', 'resolve', 'return', 'release', 'refund', 'review', 'unlock'])(
    '"%s" is not one',
    (verb) => {
      expect(returningVerb({ verb, creator: 'open', initial: 'open', targets })).toBeUndefined();
    },
  );
});
