import { fileContent, generate } from '../offline-test-requests.js';

/**
 * A story asking how many of something there are (`how many calls …`, `the number of orders …`),
 * where another story's create route stores that something, is served by a count read from that
 * same collection (`GET /calls/count`), with a generated test; a remainder or a period it also asks
 * for is a gap. A count of anything no route stores stays not covered.
 */
const storyRow = (coverage: Awaited<ReturnType<typeof generate>>['bundle']['coverage'], number: number) =>
  coverage?.find((row) => row.source.kind === 'story' && row.source.number === number);

describe('a count of what a create route stores', () => {
  it.each([
    ['As a clerk I can record a call', 'As a manager I can see how many calls were recorded', 'calls'],
    ['As a customer I can place an order', 'As a manager I can see the number of orders placed', 'orders'],
    ['As a visitor I can submit a signup', 'As an owner I can see how many signups there are', 'signups'],
  ])('"%s" + "%s" → GET /%s/count with a generated test', async (create, count, collection) => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Counter',
      stories: [create, count],
    });
    const routes = fileContent(bundle, 'src/routes.ts');
    expect(routes).toContain(`'GET /${collection}/count': { operation: 'count'`);
    const row = storyRow(bundle.coverage, 2);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toContain(`GET /${collection}/count counts the ${collection}`);
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain(`call('GET /${collection}/count')`);
    expect(tests).toContain('body: { count: 2 }');
  });

  it('says what a count does not answer: a remainder and a period', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Quotas',
      stories: [
        'As a gateway I can record a call',
        'As a customer I can see how many calls I have remaining today',
      ],
    });
    const row = storyRow(bundle.coverage, 2);
    expect(row?.status).toBe('partial');
    expect(row?.gaps.join(' ')).toMatch(/"remaining": GET \/calls\/count answers how many calls are stored/);
    expect(row?.gaps.join(' ')).toMatch(/"today": .*not only those made today/);
  });

  it('leaves a count of events nothing stores not covered', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Links',
      stories: ['As a user I can create a link', 'As a user I can see how many times my link was clicked'],
    });
    expect(fileContent(bundle, 'src/routes.ts')).not.toContain('/count');
    expect(storyRow(bundle.coverage, 2)?.status).toBe('not_covered');
  });
});
