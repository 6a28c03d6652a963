import { fileContent, generate } from '../offline-test-requests.js';

/** A delete qualified by a state, and an action done to the caller (#11, new user). */
const desk = (stories: readonly string[]) =>
  generate({
    taskType: 'application',
    taskName: 'Helpdesk',
    description: 'Each ticket has a subject, a priority and an assignee.',
    stories,
  }).then(({ bundle }) => bundle);

describe('a delete of an item in a named state', () => {
  it('refuses "delete a closed ticket" with 409 unless the ticket is closed, and a generated test proves both', async () => {
    const bundle = await desk([
      'As a customer I can open a ticket with a subject',
      'As an agent I can close a ticket',
      'As a manager I can delete a closed ticket',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "'DELETE /tickets/{id}': { operation: 'delete', resource: 'ticket', onlyIn: ['closed'] },",
    );
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain(
      "toMatchObject({ status: 409, body: { error: 'cannot delete a ticket that is open, only one that is closed' } });",
    );
    expect(tests).toContain(
      "expect((await call('POST /tickets/{id}/close', { id: created.body.id })).body.status).toBe('closed');",
    );
    const story = bundle.coverage?.find((row) => row.source.kind === 'story' && row.source.number === 3);
    expect(story).toMatchObject({
      status: 'covered',
      implementedBy: 'DELETE /tickets/{id} deletes a ticket only when it is closed (409 otherwise)',
    });
    expect(fileContent(bundle, 'README.md')).toContain(
      '`DELETE /tickets/{id}` acts only on a ticket that is `closed`; in any other status it answers 409',
    );
  });

  it.each([
    ['As an admin I can remove an archived project', 'archived'],
    ['As an owner I can delete a cancelled order', 'cancelled'],
    ['As an editor I can discard a draft post', 'draft'],
  ])('sibling: "%s" acts only on %s', async (story, status) => {
    const { bundle } = await generate({ taskType: 'application', taskName: 'Things', stories: [story] });
    expect(fileContent(bundle, 'src/routes.ts')).toContain(`onlyIn: ['${status}']`);
    // No route makes the item that status: said, not hidden.
    const row = bundle.coverage?.find((entry) => entry.source.kind === 'story');
    expect(row?.gaps).toContainEqual(expect.stringContaining(`no route of this service makes`));
  });

  it('keeps a plain delete, and a compound noun, unqualified', async () => {
    for (const story of ['As a clerk I can delete a ticket', 'As a clerk I can remove a line item']) {
      const { bundle } = await generate({ taskType: 'application', taskName: 'Things', stories: [story] });
      expect(fileContent(bundle, 'src/routes.ts')).not.toContain('onlyIn: [');
    }
  });
});

describe('an action done to the caller', () => {
  it('makes "assign a ticket to myself" set the assignee to the caller the x-caller-id header names, and says so', async () => {
    const bundle = await desk([
      'As a customer I can open a ticket with a subject',
      'As an agent I can assign a ticket to myself',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).toContain("action: 'assign', callerField: 'assignee' }");
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain("expect(moved.body['assignee']).toBe('agent-7');");
    expect(tests).toContain('caller: null })).status).toBe(400);');
    expect(fileContent(bundle, 'README.md')).toContain(
      'The caller is whoever the `x-caller-id` request header names',
    );
    const story = bundle.coverage?.find((row) => row.source.kind === 'story' && row.source.number === 2);
    expect(story?.status).toBe('partial');
    expect(story?.implementedBy).toContain('sets assignee to the caller named by the x-caller-id header');
  });

  it('sibling: "claim a ticket for myself" records claimedBy', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Helpdesk',
      stories: ['As a customer I can open a ticket', 'As an agent I can claim a ticket for myself'],
    });
    expect(fileContent(bundle, 'src/routes.ts')).toContain("callerField: 'claimedBy'");
    expect(fileContent(bundle, 'src/model.ts')).toContain(
      "{ name: 'claimedBy', type: 'string', required: false }",
    );
  });
});

describe('the generated README', () => {
  it('names only the kinds of route there are: no "delete" without a delete route', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Orders',
      stories: ['As a customer I can place an order', 'As a customer I can see an order'],
    });
    const readme = fileContent(bundle, 'README.md');
    expect(readme).toContain('the tests drive the routes together: create, read back.');
    expect(readme).not.toMatch(/\bdelete\b/i);
  });
});

describe('a move marked "as" a status, of an item in a named state (review 11k)', () => {
  it.each([
    ['As finance I can mark an approved claim as paid', 'pay'],
    ['As a clerk I can mark a submitted claim as approved', 'approve'],
  ])('"%s" is guarded by the object\'s state, as "approve a submitted claim" is', async (story, action) => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Claims',
      description: 'Claims are submitted, approved, rejected or paid.',
      stories: ['As an employee I can submit a claim', 'As a manager I can approve a submitted claim', story],
    });
    expect(fileContent(bundle, 'src/routes.ts')).toMatch(
      new RegExp(`'POST /claims/\\{id\\}/${action}': \\{[^}]*onlyIn: \\[`),
    );
  });

  it('"mark a ticket as resolved" stays unguarded (no state before the noun)', async () => {
    const bundle = await desk([
      'As a customer I can open a ticket',
      'As an agent I can mark a ticket as resolved',
    ]);
    expect(fileContent(bundle, 'src/routes.ts')).not.toMatch(/mark-resolved'.*onlyIn/);
  });
});

describe('"part of" an item (review 11k)', () => {
  it.each(['As a cashier I can redeem part of a gift card', 'As a cashier I can redeem some of a gift card'])(
    '"%s" acts on the whole card, says so as a gap, and declares no field',
    async (story) => {
      const { bundle } = await generate({
        taskType: 'application',
        taskName: 'Gift cards',
        stories: ['As a customer I can buy a gift card', story],
      });
      expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/name: '(part|some)'/);
      const row = bundle.coverage?.find(
        (entry) => entry.source.kind === 'story' && entry.source.number === 2,
      );
      expect(row?.status).toBe('partial');
      expect(row?.gaps.join(' ')).toMatch(
        /of": POST \/gift-cards\/\{id\}\/redeem acts on the whole gift card/,
      );
    },
  );
});
