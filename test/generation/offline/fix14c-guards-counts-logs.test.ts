import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { serviceOf } from './generated-service.js';
import { fileContent, generate } from './offline-test-requests.js';
import type { RequestShape } from './offline-test-requests.js';

/**
 * Issue #11 fix 14c, read through the generated handler and the coverage rows as the PR body shows
 * them: a prohibition in a final status is kept by the moves that answer 409 out of it; a count a
 * story acts by (`votes`, `likes`, `upvoteCount`) is the service's; log retention is proven by a
 * generated template test; a list asked for the items of a day or a period says it has no such filter.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');
const first = { pathParameters: { id: 'id-1' } };
const second = { pathParameters: { id: 'id-2' } };
const app = (shape: Omit<RequestShape, 'taskType'>): RequestShape => ({ taskType: 'application', ...shape });

describe('a prohibition in a final status is kept by the moves out of it', () => {
  const refunds = app({
    taskName: 'Refunds',
    description:
      'An orders API. Each order has a customer and a total. Orders are placed, packed, shipped or refunded. Refunded orders can never be modified.',
    stories: [
      'As a customer I can place an order',
      'As a clerk I can pack an order',
      'As a clerk I can ship an order',
      'As a clerk I can refund an order',
    ],
  });

  it('no PATCH route: the moves out of `refunded` answer 409, and the row is covered by them with a generated test that drives them', async () => {
    const { bundle } = await generate(refunds);
    const send = serviceOf(bundle);
    await send('POST /orders', { body: { customerId: 'c1', total: 10 } });
    expect((await send('POST /orders/{id}/refund', first)).statusCode).toBe(200);
    expect((await send('POST /orders/{id}/pack', first)).statusCode).toBe(409);
    expect((await send('POST /orders/{id}/ship', first)).statusCode).toBe(409);
    const row = sentenceRow(bundle.coverage, 4);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toBe(
      'POST /orders/{id}/pack, POST /orders/{id}/ship answer 409 for an order that is refunded and leave it as it was',
    );
    const title =
      'an order that is refunded is never changed: POST /orders/{id}/pack and POST /orders/{id}/ship answer 409';
    expect(row?.tests.map((test) => test.title)).toContain(title);
    const tests = fileContent(bundle, 'test/app.test.ts');
    const block = tests.slice(tests.indexOf(`it('${title}'`));
    expect(block).toContain("expect((await call('POST /orders/{id}/refund', { id })).status).toBe(200);");
    expect(block).toContain("expect((await call('POST /orders/{id}/ship', { id })).status).toBe(409);");
    // The move into the status itself is no change of an item already there: it is not cited.
    expect(row?.implementedBy).not.toContain('/refund');
  });

  it('a PATCH route and moves: both are cited, the update by its refusal and the moves by finality', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Invoices',
        description:
          'An invoicing API. Each invoice has a customer and an amount in cents. Invoices are draft, sent, paid or voided. Voided invoices cannot be edited.',
        stories: [
          'As an accountant I can create an invoice',
          'As an accountant I can send an invoice',
          'As a customer I can pay an invoice',
          'As an accountant I can void an invoice',
          'As an accountant I can change the amount of an invoice',
        ],
      }),
    );
    const send = serviceOf(bundle);
    await send('POST /invoices', { body: { customer: 'c1', amountCents: 100 } });
    await send('POST /invoices/{id}/void', first);
    expect((await send('PATCH /invoices/{id}', { ...first, body: { amountCents: 5 } })).statusCode).toBe(409);
    expect((await send('POST /invoices/{id}/pay', first)).statusCode).toBe(409);
    const row = sentenceRow(bundle.coverage, 4);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toContain(
      'PATCH /invoices/{id}, POST /invoices/{id}/send, POST /invoices/{id}/pay',
    );
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "expect(RESOURCES['invoice']?.status?.terminal ?? []).toEqual(expect.arrayContaining(['voided']));",
    );
  });

  it('a status that is not final is not credited to the moves: "Shipped orders cannot be changed." beside a deliver move keeps its gap', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Shipping',
        description:
          'An orders API. Each order has a total. Orders are placed, shipped or delivered. Shipped orders cannot be changed.',
        stories: [
          'As a customer I can place an order',
          'As a clerk I can ship an order',
          'As a courier I can deliver an order',
          'As a customer I can change the total of an order',
        ],
      }),
    );
    const row = sentenceRow(bundle.coverage, 4);
    expect(row?.status).toBe('partial');
    expect(row?.implementedBy).toBe(
      'PATCH /orders/{id} answers 409 for an order that is shipped and leaves it as it was',
    );
    expect(gapsOf(row)).toContain('POST /orders/{id}/deliver (story 3) still moves an order that is shipped');
  });
  it('a move that keeps the status (assign to myself) changes the item, so "Closed tickets cannot be changed." refuses it too (409 for a closed ticket, the row covered)', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Support tickets',
        description:
          'A ticketing API. Each ticket has a subject. Tickets are open, pending, solved or closed. Closed tickets cannot be changed.',
        stories: [
          'As a customer I can open a ticket with a subject',
          'As an agent I can assign a ticket to myself',
          'As an agent I can solve a ticket',
          'As an agent I can close a ticket',
        ],
      }),
    );
    const send = serviceOf(bundle);
    await send('POST /tickets', { body: { subject: 's' } });
    await send('POST /tickets/{id}/close', first);
    expect((await send('POST /tickets/{id}/solve', first)).statusCode).toBe(409);
    const assign = await send('POST /tickets/{id}/assign', {
      ...first,
      headers: { 'x-caller-id': 'agent-1' },
    });
    expect(assign.statusCode).toBe(409);
    await send('POST /tickets', { body: { subject: 't' } });
    const open = await send('POST /tickets/{id}/assign', {
      ...second,
      headers: { 'x-caller-id': 'agent-1' },
    });
    expect(open.json).toMatchObject({ status: 'open', assignee: 'agent-1' });
    const row = sentenceRow(bundle.coverage, 4);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toContain(
      'POST /tickets/{id}/assign, POST /tickets/{id}/solve answer 409 for a ticket that is closed',
    );
  });
});

describe("a count a story acts by is the service's", () => {
  it('`votes` beside "vote for an idea": 0 when made, 400 when a create sends it; the vote story says no route adds to it', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Idea board',
        description: 'A feature-voting board. Each idea has a title and a number of votes.',
        stories: ['As a customer I can post an idea', 'As a customer I can vote for an idea'],
      }),
    );
    const send = serviceOf(bundle);
    const refused = await send('POST /ideas', { body: { title: 'x', votes: 1_000_000 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json['errors']).toEqual(['field "votes" is set by the service']);
    expect((await send('POST /ideas', { body: { title: 'x' } })).json['votes']).toBe(0);
    expect(storyRow(bundle.coverage, 2)?.status).toBe('not_covered');
    expect(gapsOf(storyRow(bundle.coverage, 2))).toContain('`votes` is a count the service keeps');
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy).toContain(
      'votes (a count the service keeps: 0 when made, 400 when a create or update sends it)',
    );
    expect(fileContent(bundle, 'README.md')).toContain(
      '`votes` (number, kept by the service: 0 when made, never sent by a client)',
    );
  });

  it('`likes` beside "like a post" and a PATCH route: the update refuses it too, and the like move says it adds nothing', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Community posts',
        description: 'A posts API for our community. Each post has a body and a number of likes.',
        stories: [
          'As an author I can write a post',
          'As a reader I can like a post',
          'As an author I can change the body of a post',
        ],
      }),
    );
    const send = serviceOf(bundle);
    expect((await send('POST /posts', { body: { body: 'hi' } })).json['likes']).toBe(0);
    expect((await send('PATCH /posts/{id}', { ...first, body: { likes: 5 } })).statusCode).toBe(400);
    expect((await send('PATCH /posts/{id}', { ...first, body: { body: 'hello' } })).json['likes']).toBe(0);
    expect(storyRow(bundle.coverage, 2)?.status).toBe('partial');
    expect(gapsOf(storyRow(bundle.coverage, 2))).toContain('POST /posts/{id}/like does not add one to it');
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain(
      "expect(await call('PATCH /posts/{id}', { id: counted.body.id, body: { likes: 1000000 } }))",
    );
  });

  it('`upvoteCount` beside "upvote an answer" is kept; `servings` and `views` (read by "view a product") stay the client\'s', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Answers',
        description:
          'A Q&A API. Each answer has a text and an upvote count. Each product has a name and a number of views. Each recipe has a number of servings.',
        stories: [
          'As a user I can post an answer',
          'As a user I can upvote an answer',
          'As a clerk I can add a product',
          'As a clerk I can view a product',
          'As a cook I can add a recipe',
          'As a cook I can change the servings of a recipe',
        ],
      }),
    );
    const send = serviceOf(bundle);
    expect((await send('POST /answers', { body: { text: 't', upvoteCount: 3 } })).statusCode).toBe(400);
    expect((await send('POST /products', { body: { name: 'n', views: 3 } })).statusCode).toBe(201);
    expect((await send('POST /recipes', { body: { servings: 3 } })).statusCode).toBe(201);
  });
});

describe('log retention has a generated template test', () => {
  const logs = (environment: string) =>
    app({
      taskName: 'Clinic appointments',
      environment,
      description: 'An appointments API. Appointments are booked or cancelled. Keep Lambda logs for 30 days.',
      stories: ['As a patient I can book an appointment', 'As a patient I can cancel my appointment'],
    });

  it('the row cites the test, which checks every log group and the default asked', async () => {
    const { bundle } = await generate(logs('staging'));
    const title = 'the template keeps every log group for LogRetentionDays days and defaults it to 30';
    const row = sentenceRow(bundle.coverage, 3);
    expect(row?.status).toBe('covered');
    expect(row?.tests.map((test) => test.title)).toContain(title);
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain(`it('${title}'`);
    expect(tests).toContain('expect(parameter).toMatch(/^ {4}Default: 30$/m);');
  });

  it('in production the 30 days asked is the default too (fix15f: the request wins over the year production keeps when none is asked), and the test checks 30', async () => {
    const { bundle } = await generate(logs('production'));
    const row = sentenceRow(bundle.coverage, 3);
    expect(row?.tests.map((test) => test.title)).toContain(
      'the template keeps every log group for LogRetentionDays days and defaults it to 30',
    );
    expect(row?.status).toBe('covered');
    expect(gapsOf(row)).toBe('');
  });
});

describe('a list asked for the items of a day or a period', () => {
  it('"List the bookings of a day." (description only) is partial: GET /bookings reads no day', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Desk booking',
        description:
          'A REST API for booking office desks. Employees can book a desk for a day and cancel their booking. A desk can be booked only once per day. List the bookings of a day.',
      }),
    );
    const row = sentenceRow(bundle.coverage, 4);
    expect(row?.status).toBe('partial');
    expect(gapsOf(row)).toContain('"of a day" is not a filter of GET /bookings');
  });

  it('a story "list the bookings of a day" is partial too, never a filter on an owner `day` (?dayId=)', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Desk booking',
        description: 'A desk booking API. Each booking has a desk and a date.',
        stories: [
          'As an employee I can book a desk',
          'As an employee I can list the bookings of a day',
          'As a manager I can list bookings on a given date',
        ],
      }),
    );
    expect(fileContent(bundle, 'src/model.ts')).not.toContain('dayId');
    expect(storyRow(bundle.coverage, 2)?.status).toBe('partial');
    expect(gapsOf(storyRow(bundle.coverage, 2))).toContain('"of a day" is not a filter of GET /bookings');
    expect(gapsOf(storyRow(bundle.coverage, 3))).toContain(
      '"on a given date" is not a filter of GET /bookings',
    );
  });

  it('"on a given date" and "of this week" are said too; a list reading ?from=&to= answers them', async () => {
    const plain = await generate(
      app({
        taskName: 'Deliveries',
        description:
          'A deliveries API. Each delivery has an address. Drivers can list the deliveries of this week. Staff can list the deliveries on a given date.',
        stories: ['As a dispatcher I can create a delivery', 'As a driver I can list deliveries'],
      }),
    );
    expect(gapsOf(sentenceRow(plain.bundle.coverage, 3))).toContain(
      '"this week" is not a filter of GET /deliveries',
    );
    expect(gapsOf(sentenceRow(plain.bundle.coverage, 4))).toContain(
      '"on a given date" is not a filter of GET /deliveries',
    );
    const ranged = await generate(
      app({
        taskName: 'Reservations',
        description:
          'A reservations API. Each reservation has a guest name and a time. Staff can list the reservations on a given date.',
        stories: [
          'As a guest I can make a reservation',
          'As staff I can list reservations between two dates',
        ],
      }),
    );
    expect(sentenceRow(ranged.bundle.coverage, 3)?.status).toBe('covered');
  });
});
