import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { parseStory } from '../../../../src/generation/offline/blueprints/application/model/parse-story.js';
import { storyIntent } from '../../../../src/generation/offline/naming/story-intent.js';
import { fileContent, generate, parseBundleTemplate } from '../offline-test-requests.js';

/**
 * Siblings of the review 11e faults on the resource model: a list's time, order and negation are
 * not its noun, a status or an owner; a lifecycle's unreached status keeps its place; identifiers
 * named `… number` are strings and a field compared with an amount is a number.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const parsed = (text: string) => parseStory(storyIntent(text, 1));

describe("a list's time, order and negation are asides, said in the row", () => {
  it.each([
    ['As a clerk I can list invoices issued last month', 'invoice', 'last month'],
    ['As a support agent I can list tickets closed in the last 30 days', 'ticket', 'in the last 30 days'],
    ['As a courier I can view parcels delivered yesterday', 'parcel', 'yesterday'],
    ['As an auditor I can list payments made during this quarter', 'payment', 'during this quarter'],
  ])('"%s" lists %ss and keeps "%s" as its time', (text, noun, time) => {
    expect(parsed(text)).toMatchObject({ kind: 'list', noun, time });
  });

  it('"list tickets closed in the last 30 days" still filters on closed; the creating verb with a time does not', () => {
    expect(parsed('As an agent I can list tickets closed in the last 30 days').stateFilter).toBe('closed');
    expect(parsed('As a clerk I can list orders shipped last week').stateFilter).toBe('shipped');
    expect(parsed('As a clerk I can list invoices issued last month').stateFilter).toBeUndefined();
    expect(parsed('As a customer I can list my orders placed this year').stateFilter).toBeUndefined();
  });

  it.each([
    ['As a buyer I can list products ordered by price', 'product', 'ordered by price'],
    ['As a manager I can list employees ranked by score', 'employee', 'ranked by score'],
    ['As an agent I can list tickets sorted by priority for a customer', 'ticket', 'sorted by priority'],
  ])('"%s" asks for an order, not a status nor an owner', (text, noun, sort) => {
    const story = parsed(text);
    expect(story).toMatchObject({ kind: 'list', noun, sort });
    expect(story.stateFilter).toBeUndefined();
    expect(story.owner === undefined || story.owner === 'customer').toBe(true);
  });

  it('"list products ordered by a customer" names who ordered them, not a sort', () => {
    const story = parsed('As a clerk I can list products ordered by a customer');
    expect(story.sort).toBeUndefined();
    expect(story.noun).toBe('product');
  });

  it.each([
    ['As a dispatcher I can list unassigned jobs', 'job', 'unassigned'],
    ['As a lead I can list unreviewed pull requests', 'request', 'unreviewed'],
    ['As an agent I can list unresolved incidents', 'incident', 'unresolved'],
  ])('"%s" lists %ss, not a status "%s"', (text, noun, word) => {
    const story = parsed(text);
    expect(story).toMatchObject({ kind: 'list', noun, negated: { word } });
    expect(story.stateFilter).toBeUndefined();
  });

  it('keeps "unpaid", a state requests use as such', () => {
    expect(parsed('As a clerk I can list unpaid invoices').stateFilter).toBe('unpaid');
  });

  it("says the time, the order and the negation in the story's row, and the list still answers", async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Dispatch',
      description: 'Each job has an address and an assignee.',
      stories: [
        'As a customer I can book a job with an address',
        'As a dispatcher I can assign a job to myself',
        'As a dispatcher I can list unassigned jobs',
        'As a dispatcher I can list jobs booked this week',
        'As a dispatcher I can list jobs sorted by address',
      ],
    });
    const routes = fileContent(bundle, 'src/routes.ts');
    expect(routes).not.toMatch(/'unassigned'|'sorted'|\/weeks|'booked' \]/);
    expect(Object.keys(parseBundleTemplate(bundle).Resources)).not.toContain('RouteGetWeeks');
    // Jobs record an assignee (`assign a job to myself`): ?assignee=none lists those without one.
    expect(routes).toContain(
      "'GET /jobs': { operation: 'list', resource: 'job', filters: [{ field: 'assignee', missing: true }] }",
    );
    expect(storyRow(bundle.coverage, 3)).toMatchObject({ status: 'covered' });
    expect(storyRow(bundle.coverage, 3)?.implementedBy).toContain('?assignee=none for those without one');
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "expect(ids(await call('GET /jobs', { query: { 'assignee': 'none' } }))).toEqual([without.body.id]);",
    );
    expect(storyRow(bundle.coverage, 4)?.gaps).toContainEqual(
      expect.stringContaining('"this week" is not a filter of GET /jobs'),
    );
    expect(storyRow(bundle.coverage, 5)?.gaps).toContainEqual(
      expect.stringContaining('"sorted by address" is not generated'),
    );
    // The generated tests still list what they create through the handler.
    expect(fileContent(bundle, 'test/app.test.ts')).toContain("call('GET /jobs'");
  });
});

describe('a lifecycle listed in order refuses every status at or after the one named', () => {
  it('"void an invoice before it is sent" refuses sent and the later paid that only a refusal names', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Invoicing',
      description: 'Each invoice has an amount. Invoices move through drafted, sent, paid.',
      stories: [
        'As an accountant I can draft an invoice with an amount',
        'As an accountant I can send an invoice unless it is paid',
        'As an accountant I can void an invoice before it is sent',
      ],
    });
    const routes = fileContent(bundle, 'src/routes.ts');
    expect(routes).toMatch(/'POST \/invoices\/\{id\}\/void': \{[^}]*refusedFrom: \['sent', 'paid'\]/);
    // The generated test proves the refusal of the status no route sets against the rule the handler uses.
    expect(fileContent(bundle, 'test/app.test.ts')).toContain("action: 'void', current: 'paid'");
  });

  it('without a listed order only the named status is refused', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Invoicing',
      description: 'Each invoice has an amount.',
      stories: [
        'As an accountant I can draft an invoice with an amount',
        'As an accountant I can send an invoice unless it is paid',
        'As an accountant I can void an invoice before it is sent',
      ],
    });
    expect(fileContent(bundle, 'src/routes.ts')).toMatch(
      /'POST \/invoices\/\{id\}\/void': \{[^}]*refusedFrom: \['sent'\] \}/,
    );
  });
});

describe('field types read from what the request does with the field', () => {
  it.each([
    ['a phone number', 'phoneNumber'],
    ['an invoice number', 'invoiceNumber'],
    ['a serial number', 'serialNumber'],
    ['an account number', 'accountNumber'],
  ])('%s is an identifier, a string', async (words, name) => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Records',
      description: `Each record has a title, ${words} and a count.`,
      stories: ['As a clerk I can create a record with a title'],
    });
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).toContain(`{ name: '${name}', type: 'string', required: false }`);
    expect(model).toContain("{ name: 'count', type: 'number', required: false }");
  });

  it('a field compared with a number field, or with digits, in a story or a sentence, is a number', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Accounts API',
      description:
        'Each account has a balance, an overdraft allowance and a risk grade. An account is flagged when its risk grade is above 7.',
      stories: [
        'As a clerk I can open an account with a balance',
        'As a risk officer I can list accounts whose balance is below the overdraft allowance',
      ],
    });
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).toContain("{ name: 'overdraftAllowance', type: 'number', required: false }");
    expect(model).toContain("{ name: 'riskGrade', type: 'number', required: false }");
    // The generated test sends text for it and expects 400 from the handler.
    expect(fileContent(bundle, 'test/app.test.ts')).toContain("overdraftAllowance: 'text'");
  });

  it('a field compared with text stays a string', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Accounts API',
      description: 'Each account has a balance and a branch name.',
      stories: ['As a clerk I can open an account with a balance and a branch name'],
    });
    expect(fileContent(bundle, 'src/model.ts')).toContain(
      "{ name: 'branchName', type: 'string', required: true }",
    );
  });
});

describe('a negated list with no field to read it from', () => {
  it('"list unreviewed documents", where nothing records a reviewer, says the filter is not generated', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Documents',
      stories: [
        'As an author I can upload a document with a title',
        'As an editor I can list unreviewed documents',
      ],
    });
    expect(fileContent(bundle, 'src/routes.ts')).not.toContain("'unreviewed'");
    expect(storyRow(bundle.coverage, 2)).toMatchObject({
      status: 'partial',
      gaps: expect.arrayContaining([
        '"unreviewed" is not a filter of GET /documents: lists keep the items in one status, not those never reviewed, so all documents are listed',
      ]),
    });
  });
});
