import { blueprintInputFrom } from '../../../../src/generation/offline/blueprint-input-from.js';
import { resourceModel } from '../../../../src/generation/offline/blueprints/application/model/resource-model.js';
import { fileContent, generate, requestFor } from '../offline-test-requests.js';

const DESK = [
  'As a customer I can open a ticket with a subject',
  'As a customer I can comment on a ticket with a body',
  "As an agent I can list a ticket's comments",
];
const modelOf = (stories: readonly string[]) =>
  resourceModel(
    blueprintInputFrom(requestFor({ taskType: 'application', taskName: 'Support Desk', stories })),
  );

/** A resource made on another (`comment on a ticket`) lives under it and checks it exists (#11 new-user pass). */
describe('child resources', () => {
  it('creates and lists a comment under its ticket, reading it back by its own id', () => {
    const model = modelOf(DESK);
    expect(model.resources.find((resource) => resource.name === 'comment')).toMatchObject({
      parent: { name: 'ticket', collection: 'tickets', field: 'ticketId' },
      fields: [{ name: 'body', type: 'string', required: true }],
    });
    expect(model.resources.find((resource) => resource.name === 'comment')?.ownerField).toBeUndefined();
    expect(model.operations.map((operation) => [operation.routeKey, operation.parent])).toEqual([
      ['POST /tickets', undefined],
      ['GET /tickets/{id}', undefined],
      ['POST /tickets/{id}/comments', 'ticket'],
      ['GET /comments/{id}', undefined],
      ['GET /tickets/{id}/comments', 'ticket'],
    ]);
  });

  it.each([
    ['As an agent I can add a note to an order', 'POST /orders/{id}/notes'],
    ['As a reader I can reply to a post', 'POST /posts/{id}/replies'],
    ['As a shopper I can rate a product', undefined],
    ['As a clerk I can send an order to a customer', undefined],
  ])('%s → %s', (story, nested) => {
    const keys = modelOf([story]).operations.map((operation) => operation.routeKey);
    if (nested === undefined) expect(keys.some((key) => /\{id\}\/[a-z]+s$/.test(key))).toBe(false);
    else expect(keys).toContain(nested);
  });

  it('makes the parent a resource with its own create, even when no story creates it', () => {
    const model = modelOf(['As a customer I can comment on a ticket']);
    expect(model.resources.map((resource) => resource.name)).toEqual(['comment', 'ticket']);
    expect(model.operations.map((operation) => operation.routeKey)).toContain('POST /tickets');
  });

  it('generates the parent check, and a test that fails without it', async () => {
    const { bundle } = await generate({ taskType: 'application', taskName: 'Support Desk', stories: DESK });
    expect(fileContent(bundle, 'src/app.ts')).toContain(
      'if (parent === null) return notFound(RESOURCES[call.route.parent ?? ',
    );
    expect(fileContent(bundle, 'src/routes.ts')).toContain(
      "'POST /tickets/{id}/comments': { operation: 'create', resource: 'comment', parent: 'ticket' },",
    );
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain("it('comment is made and listed only under a ticket that exists'");
    expect(tests).toContain(
      "expect(await call('POST /tickets/{id}/comments', { id: 'no-such-id', body: SAMPLES.comment })).toMatchObject({ status: 404, body: { error: 'no such ticket' } });",
    );
    const row = bundle.coverage?.find((entry) => entry.source.kind === 'story' && entry.source.number === 2);
    expect(row).toMatchObject({
      status: 'covered',
      implementedBy:
        'POST /tickets/{id}/comments creates a comment under a ticket, answering 404 when that ticket does not exist',
    });
    expect(row?.tests.map((test) => test.title)).toContain(
      'comment is made and listed only under a ticket that exists',
    );
  });
});
