import { fileContent, generate } from '../offline-test-requests.js';

/** A story that names a state or a field on a list is a filter, or a gap; never covered without it (#11, F1). */
const desk = (stories: readonly string[], description?: string) =>
  generate({
    taskType: 'application',
    taskName: 'Helpdesk',
    stories,
    ...(description === undefined ? {} : { description }),
  }).then(({ bundle }) => bundle);
const story = (bundle: Awaited<ReturnType<typeof desk>>, number: number) =>
  bundle.coverage?.find((row) => row.source.kind === 'story' && row.source.number === number);

describe('a list of the items in one state', () => {
  it('makes "list open tickets" GET /tickets?status=open, proven by a ticket left open and one closed', async () => {
    const bundle = await desk([
      'As a customer I can open a ticket with a subject',
      'As an agent I can close a ticket',
      'As an agent I can list open tickets',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "'GET /tickets': { operation: 'list', resource: 'ticket', filters: [{ field: 'status', values: ['open', 'closed'] }] },",
    );
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain(
      "expect((await call('POST /tickets/{id}/close', { id: moved1.body.id })).status).toBe(200);",
    );
    expect(tests).toContain(
      "expect(ids(await call('GET /tickets', { query: { 'status': 'open' } }))).toEqual([left.body.id]);",
    );
    expect(tests).toContain(
      "expect(ids(await call('GET /tickets', { query: { 'status': 'closed' } }))).toEqual([moved1.body.id]);",
    );
    expect(tests).toContain("body: { errors: ['status must be open or closed'] } });");
    expect(story(bundle, 3)).toMatchObject({
      status: 'covered',
      implementedBy: 'GET /tickets lists tickets, by status when given (open, closed; any other answers 400)',
      gaps: [],
    });
    expect(fileContent(bundle, 'README.md')).toContain(
      '- `GET /tickets` keeps only the items whose `status` equals `?status=` (`open`, `closed`; any other value answers 400) when given.',
    );
    expect(fileContent(bundle, 'src/app.ts')).toContain(
      "json(400, { errors: [field + ' must be ' + values.join(' or ')] })",
    );
  });

  it.each([
    ['As a clerk I can list paid orders', 'paid'],
    ['As a clerk I can list all paid orders', 'paid'],
    ['As a clerk I can list orders that are paid', 'paid'],
    ["As a clerk I can list a customer's paid orders", 'paid'],
  ])('sibling: "%s" filters on %s, a status the pay route sets', async (text, status) => {
    const bundle = await desk([
      'As a customer I can place an order',
      'As a customer I can pay for an order',
      text,
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "filters: [{ field: 'status', values: ['placed', 'paid'] }]",
    );
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      `{ query: { 'status': '${status}' } }))).toEqual([moved1.body.id]);`,
    );
    expect(story(bundle, 3)?.status).toBe('covered');
  });

  it('filters on a state no route sets, listing none, and says no route makes an item that state', async () => {
    const bundle = await desk(['As a customer I can place an order', 'As a clerk I can list shipped orders']);
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "expect(ids(await call('GET /orders', { query: { 'status': 'shipped' } }))).toEqual([]);",
    );
    expect(story(bundle, 2)).toMatchObject({
      status: 'partial',
      gaps: [expect.stringContaining('no route of this service makes an order shipped')],
    });
  });

  it('makes "list tickets by status" a status filter and "by priority" a filter on the priority field', async () => {
    const bundle = await desk([
      'As a customer I can open a ticket',
      'As an agent I can list tickets by status',
      'As an agent I can list tickets by priority',
    ]);
    const routes = fileContent(bundle, 'src/routes.ts');
    expect(routes).toContain("filters: [{ field: 'status', values: ['open'] }, { field: 'priority' }]");
    // `by priority` is a field of the ticket, not an owner (`priorityId`).
    const model = fileContent(bundle, 'src/model.ts');
    expect(model).toContain("{ name: 'priority', type: 'string', required: false }");
    expect(model).not.toContain('priorityId');
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(
      "expect(ids(await call('GET /tickets', { query: { 'priority': 'value two' } }))).toEqual([two.body.id]);",
    );
    expect([story(bundle, 2)?.status, story(bundle, 3)?.status]).toEqual(['covered', 'covered']);
  });

  it('does not count a filter it did not make: a negated state, a list under a parent', async () => {
    const bundle = await desk([
      'As a customer I can open a ticket',
      'As an agent I can close a ticket',
      'As an agent I can list tickets that are not closed',
      'As a customer I can comment on a ticket',
      'As an agent I can list the open comments of a ticket',
    ]);
    expect(story(bundle, 3)).toMatchObject({
      status: 'partial',
      gaps: [expect.stringContaining('"that are not closed" shaped nothing')],
    });
    expect(story(bundle, 5)).toMatchObject({
      status: 'partial',
      gaps: [expect.stringContaining('"open" is not a filter of GET /tickets/{id}/comments')],
    });
    expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/comment[^}]*status/);
  });

  it.each(['As an agent I can list urgent tickets', 'As an agent I can list the most recent tickets'])(
    'says a qualifier no filter answers shaped nothing: "%s"',
    async (text) => {
      const bundle = await desk(['As a customer I can open a ticket', text]);
      expect(fileContent(bundle, 'src/routes.ts')).not.toContain('filters:');
      expect(story(bundle, 2)).toMatchObject({
        status: 'partial',
        gaps: [expect.stringMatching(/^"(urgent|recent)" shaped nothing that was generated$/)],
      });
    },
  );

  it('keeps a plain list unfiltered', async () => {
    const bundle = await desk(['As a customer I can open a ticket', 'As an agent I can list tickets']);
    expect(fileContent(bundle, 'src/routes.ts')).not.toContain('filters:');
  });
});
