import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { serviceOf } from '../generated-service.js';
import { fileContent, generate } from '../offline-test-requests.js';

/**
 * #11: `how many active cards` names the status before the noun. Before, the word after `how many`
 * was taken as the counted noun (`active`), so no count route was made and the row said "a count of
 * events nothing records". Now a status of the resource before the noun filters the count route
 * (`GET /cards/count?status=active`), proved through the generated handler and its own test; a word
 * that is none of the resource's statuses counts every item and the row says so.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);

const cards = (count: string) => ({
  taskType: 'application' as const,
  taskName: 'Gift cards',
  description: 'An API for gift cards. Each card has a code. Cards are active, redeemed or expired.',
  stories: ['As a customer I can buy a gift card', 'As support I can expire a card', count],
});

describe('a status before the counted noun', () => {
  it.each([
    'As support I can see how many active cards there are',
    'As support I can see the number of active cards',
    'As support I can see how many of the active cards exist',
  ])('"%s" → GET /cards/count filtered by status, answering only the active ones', async (count) => {
    const { bundle } = await generate(cards(count));
    expect(fileContent(bundle, 'src/routes.ts')).toMatch(
      /'GET \/cards\/count': \{ operation: 'count'.*filters: \[\{ field: 'status'/,
    );
    const row = storyRow(bundle.coverage, 3);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toContain('by status when given');
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "call('GET /cards/count', { query: { status: 'active' } })",
    );
    const send = serviceOf(bundle);
    expect((await send('POST /cards', { body: { code: 'A1' } })).statusCode).toBe(201);
    expect((await send('POST /cards', { body: { code: 'B2' } })).statusCode).toBe(201);
    expect((await send('POST /cards/{id}/expire', { pathParameters: { id: 'id-1' } })).statusCode).toBe(200);
    expect((await send('GET /cards/count', { query: { status: 'active' } })).json).toEqual({ count: 1 });
    expect((await send('GET /cards/count', { query: { status: 'expired' } })).json).toEqual({ count: 1 });
  });

  it('a word that is no status of the cards counts every card, and the row says so', async () => {
    const { bundle } = await generate(cards('As support I can see how many frozen cards there are'));
    expect(fileContent(bundle, 'src/routes.ts')).toContain("'GET /cards/count'");
    const row = storyRow(bundle.coverage, 3);
    expect(row?.status).toBe('partial');
    expect(row?.gaps.join(' ')).toMatch(
      /"frozen" is not a status of cards \(theirs are active, .*\): GET \/cards\/count counts every card stored/,
    );
  });

  it('a compound noun is not read as a status: "how many gift cards" counts every card, with no gap', async () => {
    const { bundle } = await generate(cards('As support I can see how many gift cards there are'));
    const row = storyRow(bundle.coverage, 3);
    expect(row?.status).toBe('covered');
    expect(row?.gaps).toEqual([]);
  });
});
