import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { serviceOf } from './generated-service.js';
import { generate } from './offline-test-requests.js';
import type { RequestShape } from './offline-test-requests.js';

/**
 * Issue #11 fix 15b: further instances of the kinds review 11p found, read through the generated
 * handler and the coverage rows as the PR body shows them — a counted compound of a collection word
 * (`packing list`) is one resource; a recipient move outside the listed statuses keeps the status and
 * is refused where a rule says; schedule words that are the domain's data (a create verb, a field's
 * values) ask for no schedule while a real one still does; a story with no object acts on the
 * resource whose statuses hold its verb's; joined values with a field word filter on the first and
 * say the rest.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');
const idsOf = (json: Record<string, unknown>) =>
  ((json['items'] as Record<string, unknown>[] | undefined) ?? []).map((item) => item['id']);
const first = { pathParameters: { id: 'id-1' } };
const app = (shape: Omit<RequestShape, 'taskType'>): RequestShape => ({ taskType: 'application', ...shape });

describe('a collection word the request counts is a resource', () => {
  const packing = app({
    taskName: 'Shipping',
    description:
      'A shipping API. Each packing list has a carrier, a box count and a weight. Packing lists are draft, approved or dispatched. Only shipping managers can approve a packing list. Dispatched packing lists cannot be changed.',
    stories: [
      'As a packer I can create a packing list',
      'As a shipping manager I can approve a packing list',
      'As a packer I can dispatch a packing list',
      'As a packer I can reassign a packing list to another packer',
      'As a packer I can list approved or dispatched packing lists',
    ],
  });

  it('"packing list" is /packing-lists holding the described fields, made draft; approve needs the role; reassign keeps the status and is refused once dispatched', async () => {
    const { bundle } = await generate(packing);
    const send = serviceOf(bundle);
    const made = await send('POST /packing-lists', { body: { carrier: 'DHL', boxCount: 3, weight: 12 } });
    expect(made.statusCode).toBe(201);
    expect(made.json).toMatchObject({ status: 'draft', carrier: 'DHL', boxCount: 3 });
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('covered');
    expect((await send('POST /packing-lists/{id}/approve', first)).statusCode).toBe(403);
    expect(sentenceRow(bundle.coverage, 4)?.implementedBy).toContain(
      'names shipping-manager (403 otherwise)',
    );
    const moved = await send('POST /packing-lists/{id}/reassign', { ...first, body: { assignee: 'p-2' } });
    expect(moved.json).toMatchObject({ status: 'draft', assignee: 'p-2' });
    await send('POST /packing-lists/{id}/dispatch', first);
    const refused = await send('POST /packing-lists/{id}/reassign', { ...first, body: { assignee: 'p-3' } });
    expect(refused.statusCode).toBe(409);
    // `approved or dispatched packing lists`: the first value filters the compound's list, the rest is said.
    expect(idsOf((await send('GET /packing-lists', { query: { status: 'dispatched' } })).json)).toEqual([
      'id-1',
    ]);
    expect(storyRow(bundle.coverage, 5)?.implementedBy).toContain('GET /packing-lists');
    expect(gapsOf(storyRow(bundle.coverage, 5))).toContain(
      'GET /packing-lists?status=dispatched lists the others',
    );
    expect(sentenceRow(bundle.coverage, 1)?.implementedBy).not.toMatch(/\/(?:drafts|lists)\b/);
  });

  it('"browse the catalogue" with no counted "catalogues" stays the whole collection: no /catalogues route', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Products',
        description: 'A product API. Each product has a name and a price.',
        stories: ['As a merchant I can add a product', 'As a shopper I can browse the product catalogue'],
      }),
    );
    expect(sentenceRow(bundle.coverage, 1)?.implementedBy).not.toContain('catalogue');
    expect(storyRow(bundle.coverage, 2)?.implementedBy).toContain('GET /products');
  });
});

describe('a schedule word that is the domain’s data asks for no schedule', () => {
  const classes = app({
    taskName: 'Yoga classes',
    description:
      'A yoga studio API. Each class has a teacher, a start time and a repeat (weekly or monthly). Classes are planned, confirmed or cancelled. Email a summary of bookings to the teachers every Monday at 08:00 UTC.',
    stories: [
      'As a teacher I can schedule a class',
      'As a member I can list monthly classes',
      'As a teacher I can confirm a class',
    ],
  });

  it('"schedule a class" makes one and "list monthly classes" filters ?repeat=monthly, with no schedule gap; "a repeat (weekly or monthly)" is a field; "every Monday at 08:00" is still a schedule nothing runs', async () => {
    const { bundle } = await generate(classes);
    const send = serviceOf(bundle);
    expect((await send('POST /classes', { body: { teacher: 'Ana', repeat: 'daily' } })).statusCode).toBe(400);
    await send('POST /classes', { body: { teacher: 'Ana', repeat: 'monthly' } });
    await send('POST /classes', { body: { teacher: 'Bo', repeat: 'weekly' } });
    expect(idsOf((await send('GET /classes', { query: { repeat: 'monthly' } })).json)).toEqual(['id-1']);
    for (const story of [1, 2]) {
      expect(storyRow(bundle.coverage, story)?.status).toBe('covered');
      expect(gapsOf(storyRow(bundle.coverage, story))).not.toMatch(/schedule/);
    }
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('covered');
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy).toContain('repeat (string: weekly or monthly');
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('not_covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 4))).toContain('asks for something done on a schedule');
  });

  it('a schedule beside a resource named like a release ("shifts") is still read as one', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Rota',
        description:
          'A staff rota API. Each shift has a worker and a start time. Send a summary of shifts every Monday at 08:00 UTC.',
        stories: ['As a manager I can add a shift', 'As a worker I can list shifts'],
      }),
    );
    expect(sentenceRow(bundle.coverage, 3)?.status).toBe('not_covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 3))).toContain(
      '"every monday" asks for something done on a schedule',
    );
  });
});

describe('a story with no object acts on the resource whose statuses hold its verb’s', () => {
  const grants = app({
    taskName: 'Grants',
    description:
      'A grant applications API. Each application has an applicant and an amount. Applications are submitted, withdrawn or accepted.',
    stories: [
      'As an applicant I can submit an application',
      'As an applicant I can withdraw',
      'As a panel member I can accept an application',
      'As an applicant I can celebrate',
    ],
  });

  it('"I can withdraw" is the move to the listed `withdrawn`, final after it; a verb no lifecycle lists still gets no route and says why', async () => {
    const { bundle } = await generate(grants);
    const send = serviceOf(bundle);
    await send('POST /applications', { body: { applicant: 'Ada', amount: 100 } });
    expect((await send('POST /applications/{id}/withdraw', first)).json['status']).toBe('withdrawn');
    expect((await send('POST /applications/{id}/accept', first)).statusCode).toBe(409);
    expect(storyRow(bundle.coverage, 2)?.status).toBe('covered');
    expect(storyRow(bundle.coverage, 4)?.status).toBe('not_covered');
    expect(gapsOf(storyRow(bundle.coverage, 4))).toContain('names nothing the API could store or act on');
  });
});

describe('joined values with a field word', () => {
  it('"list high priority or urgent tickets" filters ?priority=high and says "or urgent" (not "or priority or urgent")', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Help desk',
        description: 'A help desk API. Each ticket has a subject and a priority (low, high or urgent).',
        stories: [
          'As a customer I can open a ticket',
          'As an agent I can list high priority or urgent tickets',
        ],
      }),
    );
    const send = serviceOf(bundle);
    await send('POST /tickets', { body: { subject: 'a', priority: 'high' } });
    await send('POST /tickets', { body: { subject: 'b', priority: 'urgent' } });
    expect(idsOf((await send('GET /tickets', { query: { priority: 'high' } })).json)).toEqual(['id-1']);
    expect(storyRow(bundle.coverage, 2)?.implementedBy).toContain('?priority=high');
    const gaps = gapsOf(storyRow(bundle.coverage, 2));
    expect(gaps).toContain(
      '"or urgent" is not in the same answer: GET /tickets filters on one priority at a time, so GET /tickets?priority=urgent lists the others',
    );
    expect(gaps).not.toContain('or priority');
  });

  it('"quiz" is served at /quizzes', async () => {
    const { bundle } = await generate(
      app({
        taskName: 'Quizzes',
        description: 'A quiz API. Each quiz has a title.',
        stories: ['As a teacher I can create a quiz', 'As a student I can list quizzes'],
      }),
    );
    expect(storyRow(bundle.coverage, 1)?.implementedBy).toBe('POST /quizzes creates a quiz');
    expect(storyRow(bundle.coverage, 2)?.implementedBy).toContain('GET /quizzes lists quizzes');
  });
});
