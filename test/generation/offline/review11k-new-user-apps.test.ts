import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { loadGenerated } from './generated-modules.js';
import { fileContent, generate } from './offline-test-requests.js';

/**
 * Review 11k, a fresh new-user pass (platform team) over issue #11 items 1–2 for the application
 * blueprint, after field lists after relation and limit phrases, limits as validation, number words
 * and the count route landed: an expense-claims API (an amount in cents greater than 0, a currency
 * code of exactly 3 letters, at most 200 characters, up to three receipts, "how many claims are
 * approved", "mark an approved claim as paid") and runbook notes (belongs to a service, at most
 * eighty characters, a severity between 1 and 5, up to five tags, "Notes are draft or published").
 * Each is generated offline and driven through the generated handler. Attacked: whether what the
 * PR body claims is what the handler does. Each FAULT test asserts the right answer and is
 * `it.failing` while the fault exists.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => row?.gaps ?? [];

interface Answer {
  readonly statusCode: number;
  readonly body: string;
}
interface Call {
  readonly pathParameters?: Record<string, string>;
  readonly body?: unknown;
  readonly query?: Record<string, string>;
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
      headers: {},
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    const json = answer.body === '' ? {} : (JSON.parse(answer.body) as Record<string, unknown>);
    return { ...answer, json };
  };
}

const expenseClaims = {
  taskType: 'application' as const,
  taskName: 'Expense claims',
  description:
    "An API for expense claims. Each claim belongs to an employee and has an amount in cents greater than 0, a currency code of exactly 3 letters, a description of at most 200 characters and up to three receipt URLs. Claims are submitted, approved, rejected or paid. A claim over 50000 cents needs a manager's approval.",
  stories: [
    'As an employee I can submit a claim with an amount and a description',
    'As a manager I can approve a submitted claim',
    'As a manager I can reject a claim with a reason',
    'As finance I can see how many claims are approved',
    'As an employee I can list my claims',
    'As finance I can mark an approved claim as paid',
  ],
};
const aClaim = { employeeId: 'e1', amount: 1250, description: 'taxi to the data centre' };

describe('review 11k: expense claims', () => {
  it('fixed FAULT: "see how many claims are approved" is ✅ covered by GET /claims/count, which counts every claim (by employeeId only): with one of two claims approved it answers 2, and ?status=approved is refused (a count story\'s status dropped)', async () => {
    const { bundle } = await generate(expenseClaims);
    const send = serviceOf(bundle);
    expect((await send('POST /claims', { body: aClaim })).statusCode).toBe(201);
    expect((await send('POST /claims', { body: aClaim })).statusCode).toBe(201);
    expect((await send('POST /claims/{id}/approve', { pathParameters: { id: 'id-1' } })).statusCode).toBe(
      200,
    );
    const byQuery = await send('GET /claims/count', { query: { status: 'approved' } });
    const plain = await send('GET /claims/count');
    const counted = byQuery.json['count'] === 1 || plain.json['count'] === 1;
    expect(counted || storyRow(bundle.coverage, 4)?.status !== 'covered').toBe(true);
  });

  it('fixed FAULT: "mark an APPROVED claim as paid" pays a claim that was only submitted (200; "approve a SUBMITTED claim" does guard its status: the object\'s adjective read for one story and not the other)', async () => {
    const { bundle } = await generate(expenseClaims);
    const send = serviceOf(bundle);
    expect((await send('POST /claims', { body: aClaim })).statusCode).toBe(201);
    const paid = await send('POST /claims/{id}/pay', { pathParameters: { id: 'id-1' } });
    expect(paid.statusCode).toBe(409);
  });

  it('fixed FAULT: "a currency code of exactly 3 letters" declares a field `codeOfLetters` with no length (the noun taken from the limit phrase, the limit dropped) and the row\'s only gap is "belongs to an employee"', async () => {
    const { bundle } = await generate(expenseClaims);
    expect(fileContent(bundle, 'src/model.ts')).toContain("name: 'currencyCode'");
    const send = serviceOf(bundle);
    const euro = await send('POST /claims', { body: { ...aClaim, currencyCode: 'EURO' } });
    expect(euro.statusCode).toBe(400);
  });

  it('reads "in cents greater than 0" as a whole number above 0, "at most 200 characters" and "up to three" as 400s, guards approve, records the reason, and lists "my" and the 50000-cent approval as not covered', async () => {
    const { bundle } = await generate(expenseClaims);
    const send = serviceOf(bundle);
    expect((await send('POST /claims', { body: { ...aClaim, amount: 0 } })).statusCode).toBe(400);
    expect((await send('POST /claims', { body: { ...aClaim, amount: 12.5 } })).statusCode).toBe(400);
    expect(
      (await send('POST /claims', { body: { ...aClaim, description: 'x'.repeat(201) } })).statusCode,
    ).toBe(400);
    expect(
      (await send('POST /claims', { body: { ...aClaim, receiptUrls: ['a', 'b', 'c', 'd'] } })).statusCode,
    ).toBe(400);
    expect((await send('POST /claims', { body: aClaim })).statusCode).toBe(201);
    const id = { pathParameters: { id: 'id-1' } };
    expect((await send('POST /claims/{id}/reject', id)).statusCode).toBe(400);
    expect((await send('POST /claims/{id}/approve', id)).json['status']).toBe('approved');
    expect((await send('POST /claims/{id}/approve', id)).statusCode).toBe(409);
    expect(gapsOf(storyRow(bundle.coverage, 5)).join(' ')).toMatch(/"my" is not enforced/);
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('not_covered');
  });
});

const runbookNotes = {
  taskType: 'application' as const,
  taskName: 'Runbook notes',
  description:
    'An API for runbook notes. A note belongs to a service and has a title of at most eighty characters, a body, a severity between 1 and 5 and up to five tags. Notes are draft or published.',
  stories: [
    'As an SRE I can write a note for a service',
    'As an SRE I can publish a draft note',
    'As an on-call engineer I can list published notes for a service',
    'As an on-call engineer I can see how many notes a service has',
    'As an SRE I can delete a note',
  ],
};
const aNote = { serviceId: 'payments', title: 'Restart the worker', body: 'kubectl …', severity: 2 };

describe('review 11k: runbook notes', () => {
  it('fixed FAULT: "Notes are draft or published." is ✅ covered, yet a note is made `written` (from the verb "write") and publish acts only on draft notes, so no note can ever be published (a dead route; the 11j "created" kind with a worse outcome)', async () => {
    const { bundle } = await generate(runbookNotes);
    const send = serviceOf(bundle);
    const made = await send('POST /notes', { body: aNote });
    expect(made.json['status']).toBe('draft');
    const published = await send('POST /notes/{id}/publish', { pathParameters: { id: 'id-1' } });
    expect(published.statusCode).toBe(200);
  });

  it('reads "at most eighty characters", "between 1 and 5" and "up to five tags" as 400s, and counts and lists a service\'s notes', async () => {
    const { bundle } = await generate(runbookNotes);
    const send = serviceOf(bundle);
    expect((await send('POST /notes', { body: { ...aNote, title: 't'.repeat(81) } })).statusCode).toBe(400);
    expect((await send('POST /notes', { body: { ...aNote, severity: 6 } })).statusCode).toBe(400);
    const sixTags = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect((await send('POST /notes', { body: { ...aNote, tags: sixTags } })).statusCode).toBe(400);
    expect((await send('POST /notes', { body: aNote })).statusCode).toBe(201);
    expect((await send('POST /notes', { body: { ...aNote, serviceId: 'search' } })).statusCode).toBe(201);
    const count = await send('GET /notes/count', { query: { serviceId: 'payments' } });
    expect(count.json['count']).toBe(1);
    expect((await send('DELETE /notes/{id}', { pathParameters: { id: 'id-1' } })).statusCode).toBeLessThan(
      300,
    );
    expect((await send('GET /notes/{id}', { pathParameters: { id: 'id-1' } })).statusCode).toBe(404);
  });
});

const giftCards = {
  taskType: 'application' as const,
  taskName: 'Gift cards',
  description:
    'An API for gift cards. A gift card belongs to a customer and has a code, an initial value in cents of at least 500 and an expiry date. Cards are active, redeemed or expired.',
  stories: [
    'As a customer I can buy a gift card',
    'As a cashier I can redeem part of a gift card',
    'As a customer I can see how much is left on my gift card',
    "As a customer I can check my card's remaining balance",
    'As support I can see how many cards are active',
    'As support I can expire a card',
  ],
};

describe('review 11k: gift cards', () => {
  it('fixed FAULT: "A gift card belongs to a customer and has a code, an initial value in cents of at least 500 and an expiry date." declares none of the fields (❌ "nothing was generated"), while "A card belongs to a customer and has …" and "A gift card has …" both declare code, initialValue and expiryDate (a relation phrase after a two-word subject drops the field list); the balance stories then say "cards declare no total to start from"', async () => {
    const { bundle } = await generate(giftCards);
    const send = serviceOf(bundle);
    const tooSmall = await send('POST /cards', { body: { customerId: 'c1', initialValue: 100 } });
    expect(tooSmall.statusCode).toBe(400);
    expect(fileContent(bundle, 'src/model.ts')).toMatch(/name: 'expiryDate'/);
  });

  it('fixed FAULT: "redeem PART of a gift card" is ✅ covered by "POST /cards/{id}/redeem moves a card to redeemed" (the whole card), and `part` becomes a free-text field of the card (a partial redemption read as a field name)', async () => {
    const { bundle } = await generate(giftCards);
    expect(fileContent(bundle, 'src/model.ts')).not.toContain("name: 'part'");
    expect(storyRow(bundle.coverage, 2)?.status).not.toBe('covered');
  });

  it('lists both remaining-balance phrasings as not covered, with why', async () => {
    const { bundle } = await generate(giftCards);
    for (const story of [3, 4]) {
      expect(storyRow(bundle.coverage, story)?.status).toBe('not_covered');
      expect(gapsOf(storyRow(bundle.coverage, story)).join(' ')).toMatch(/what is left of a card/);
    }
  });
});

const sprintBoard = {
  taskType: 'application' as const,
  taskName: 'Sprint board',
  description:
    'An API for a sprint board. Each task belongs to a project and has a title of at most 120 characters, an estimate in hours between 1 and 40 and an assignee email. Tasks are todo, doing or done.',
  stories: [
    'As a lead I can create a project with a name',
    'As a developer I can add a task to a project',
    'As a developer I can list the tasks of a project',
    'As a lead I can see how many tasks a project has',
    'As a developer I can move a task to doing',
    'As a developer I can mark a task as done',
  ],
};

describe('review 11k: a sprint board (tasks under projects)', () => {
  it('fixed FAULT: "see how many tasks a project has" is ✅ covered by GET /tasks/count, which counts every task of every project (no projectId filter, no /projects/{id}/tasks/count); "how many notes a service has" does filter by serviceId (the parent relation not used by the count)', async () => {
    const { bundle } = await generate(sprintBoard);
    const send = serviceOf(bundle);
    await send('POST /projects', { body: { name: 'alpha' } });
    await send('POST /projects', { body: { name: 'beta' } });
    const underAlpha = { pathParameters: { id: 'id-1' }, body: { title: 'wire CI' } };
    expect((await send('POST /projects/{id}/tasks', underAlpha)).statusCode).toBe(201);
    const underBeta = { pathParameters: { id: 'id-2' }, body: { title: 'write docs' } };
    expect((await send('POST /projects/{id}/tasks', underBeta)).statusCode).toBe(201);
    const byQuery = await send('GET /tasks/count', { query: { projectId: 'id-1' } });
    const nested = await send('GET /projects/{id}/tasks/count', { pathParameters: { id: 'id-1' } });
    expect(byQuery.json['count'] === 1 || nested.json['count'] === 1).toBe(true);
  });

  it('fixed FAULT: "Each task belongs to a project" has the gap "nothing was generated for this", though tasks are made and listed only under a project that exists (404 otherwise) — a gap that contradicts what was generated', async () => {
    const { bundle } = await generate(sprintBoard);
    expect(gapsOf(sentenceRow(bundle.coverage, 2)).join(' ')).not.toMatch(
      /belongs to a project": nothing was generated/,
    );
  });

  it('makes tasks only under a project that exists, validates the estimate and title, and moves todo → doing → done', async () => {
    const { bundle } = await generate(sprintBoard);
    const send = serviceOf(bundle);
    const orphan = await send('POST /projects/{id}/tasks', {
      pathParameters: { id: 'nope' },
      body: { title: 't' },
    });
    expect(orphan.statusCode).toBe(404);
    await send('POST /projects', { body: { name: 'alpha' } });
    const project = { id: 'id-1' };
    const tooLong = { pathParameters: project, body: { title: 'x'.repeat(121) } };
    expect((await send('POST /projects/{id}/tasks', tooLong)).statusCode).toBe(400);
    const tooBig = { pathParameters: project, body: { title: 't', estimate: 41 } };
    expect((await send('POST /projects/{id}/tasks', tooBig)).statusCode).toBe(400);
    const made = await send('POST /projects/{id}/tasks', {
      pathParameters: project,
      body: { title: 't', estimate: 8 },
    });
    expect(made.json['status']).toBe('todo');
    const task = { pathParameters: { id: String(made.json['id']) } };
    expect((await send('POST /tasks/{id}/mark-doing', task)).json['status']).toBe('doing');
    expect((await send('POST /tasks/{id}/mark-done', task)).json['status']).toBe('done');
    const listed = await send('GET /projects/{id}/tasks', { pathParameters: project });
    expect((listed.json['items'] as unknown[]).length).toBe(1);
  });
});
