import { fileContent, generate } from '../offline-test-requests.js';

/** A story that restricts who may act is enforced by its route, or said not to be (#11, F2). */
const service = (stories: readonly string[]) =>
  generate({ taskType: 'application', taskName: 'Helpdesk', stories }).then(({ bundle }) => bundle);
const story = (bundle: Awaited<ReturnType<typeof service>>, number: number) =>
  bundle.coverage?.find((row) => row.source.kind === 'story' && row.source.number === number);

describe('a story restricted to a role', () => {
  it('makes "As an admin I can delete a ticket" refuse any other caller with 403, proven by a generated test, and says the header needs an authorizer', async () => {
    const bundle = await service([
      'As a customer I can open a ticket with a subject',
      'As an admin I can delete a ticket',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "'DELETE /tickets/{id}': { operation: 'delete', resource: 'ticket', roles: ['admin'] },",
    );
    const app = fileContent(bundle, 'src/app.ts');
    expect(app).toContain("export const ROLES_HEADER = 'x-caller-roles';");
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain(`    for (const roles of [null, 'customer']) {
      expect(await call('DELETE /tickets/{id}', { id: target.body.id, roles })).toMatchObject({ status: 403, body: { error: 'only a caller with the role admin may call DELETE /tickets/{id}' } });
    }
    expect((await call('GET /tickets/{id}', { id: target.body.id })).body).toEqual(target.body);`);
    expect(story(bundle, 2)).toMatchObject({
      status: 'partial',
      implementedBy:
        'DELETE /tickets/{id} deletes a ticket, only for a caller whose x-caller-roles header names admin (403 otherwise)',
      gaps: [expect.stringContaining('the routes have no authorizer')],
    });
    expect(fileContent(bundle, 'README.md')).toContain(
      '`DELETE /tickets/{id}` answers 403 unless the `x-caller-roles` request header (comma-separated) names `admin`.',
    );
    expect(bundle.riskNotes).toContainEqual(
      expect.stringContaining('Role checks (DELETE /tickets/{id}: admin) trust the x-caller-roles header'),
    );
    // The other routes stay open to every caller.
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "'POST /tickets': { operation: 'create', resource: 'ticket' },",
    );
  });

  it.each([
    ['As an admin I can create a ticket', 'POST /tickets', 'create'],
    ['As an admin I can add a product', 'POST /products', 'create'],
    ['As an administrator I can update a ticket', 'PATCH /tickets/{id}', 'update'],
    ['As a moderator I can close a ticket', 'POST /tickets/{id}/close', 'transition'],
    ['As an admin I can list tickets', 'GET /tickets', 'list'],
    ['As an admin I can view a ticket', 'GET /tickets/{id}', 'read'],
    ['Only admins can close a ticket', 'POST /tickets/{id}/close', 'transition'],
  ])('sibling, every verb: "%s" restricts %s', async (text, route, operation) => {
    // A create the admin alone makes: no other story opens the route.
    const bundle = await service(
      operation === 'create'
        ? ['As an agent I can list tickets', text]
        : ['As a customer I can open a ticket', text],
    );
    expect(fileContent(bundle, 'src/routes.ts')).toMatch(
      new RegExp(
        `'${route.replace(/[{}/]/g, '\\$&')}': \\{ operation: '${operation}'.*roles: \\['(admin|moderator)'\\] \\}`,
      ),
    );
    expect(fileContent(bundle, 'test/app.test.ts')).toContain(`expect(await call('${route}', {`);
    expect(story(bundle, 2)?.status).toBe('partial');
  });

  it('leaves a route open when another story lets any caller do the same', async () => {
    const bundle = await service([
      'As a customer I can open a ticket',
      'As an admin I can delete a ticket',
      'As an agent I can delete a ticket',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).not.toContain('roles:');
    expect([story(bundle, 2)?.status, story(bundle, 3)?.status]).toEqual(['covered', 'covered']);
  });

  it('says "only the owner" is not enforced rather than counting the route', async () => {
    const bundle = await service([
      'As a customer I can place an order',
      'Only the owner can cancel an order',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).not.toContain('roles:');
    expect(story(bundle, 2)).toMatchObject({
      status: 'partial',
      gaps: [
        expect.stringContaining('"only the owner" is not enforced: role restriction needs an authorizer'),
      ],
    });
  });

  it('keeps a customer or an agent story unrestricted', async () => {
    const bundle = await service([
      'As a customer I can open a ticket',
      'As a support agent I can close a ticket',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).not.toContain('roles:');
    expect(story(bundle, 2)?.status).toBe('covered');
  });
});
