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

describe('a count by status or by parent (review 11k)', () => {
  it.each([
    'As finance I can see how many claims are approved',
    'As finance I can see the number of claims that are approved',
  ])('"%s" → GET /claims/count?status=, proven by a generated test', async (count) => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Claims',
      description: 'Claims are submitted, approved or paid.',
      stories: ['As an employee I can submit a claim', 'As a manager I can approve a submitted claim', count],
    });
    expect(fileContent(bundle, 'src/routes.ts')).toMatch(
      /'GET \/claims\/count': \{ operation: 'count'.*filters: \[\{ field: 'status', values: \['submitted', 'approved', 'paid'\] \}\]/,
    );
    const row = storyRow(bundle.coverage, 3);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toContain('by status when given');
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "call('GET /claims/count', { query: { status: 'no-such-status' } })",
    );
  });

  it('a status the resource does not have filters nothing: "how many calls were recorded" counts every call', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Counter',
      stories: ['As a clerk I can record a call', 'As a manager I can see how many calls were recorded'],
    });
    expect(fileContent(bundle, 'src/routes.ts')).not.toMatch(/'GET \/calls\/count'.*filters/);
  });

  it("a child's count is filtered by its parent: GET /tasks/count?projectId=", async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Board',
      stories: [
        'As a lead I can create a project',
        'As a developer I can add a task to a project',
        'As a lead I can see how many tasks a project has',
      ],
    });
    expect(storyRow(bundle.coverage, 3)?.implementedBy).toContain('by projectId when given');
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "call('GET /tasks/count', { query: { projectId: first.body.projectId } })",
    );
  });
});
