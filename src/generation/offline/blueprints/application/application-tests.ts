import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import type { StoryRoute } from './api-routes.js';

const VALIDATE_ITEM_TEST = `import { MAX_TEXT_LENGTH, validateItem } from '../src/validate-item';

describe('validateItem', () => {
  it('accepts a flat object of strings, numbers and booleans', () => {
    expect(validateItem({ name: 'first', quantity: 2, urgent: false })).toEqual({
      ok: true,
      attributes: { name: 'first', quantity: 2, urgent: false },
    });
  });

  it('rejects bodies that are not a non-empty JSON object', () => {
    for (const body of [null, 'text', 42, [], {}]) expect(validateItem(body).ok).toBe(false);
  });

  it('names every bad field: invalid names, reserved names, nested or oversized values', () => {
    const result = validateItem({ 'bad name': 1, id: 'x', nested: { a: 1 }, long: 'x'.repeat(MAX_TEXT_LENGTH + 1), ok: 'fine' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(4);
    expect(result.errors.join(' ')).toContain('"bad name"');
    expect(result.errors.join(' ')).toContain('"id" is set by the service');
  });
});
`;

const HELPERS = `import { createApp } from '../src/app';
import type { HttpApiEvent } from '../src/http-types';
import { InMemoryItemRepository } from '../src/item-repository';
import type { StoredItem } from '../src/item-repository';

function setup() {
  const repository = new InMemoryItemRepository();
  let counter = 0;
  const app = createApp({ repository, newId: () => 'id-' + String(++counter), now: () => new Date('2030-01-01T00:00:00Z') });
  return { app, repository };
}

function request(routeKey: string, options: { body?: unknown; id?: string } = {}): HttpApiEvent {
  const body = typeof options.body === 'string' ? options.body : options.body === undefined ? undefined : JSON.stringify(options.body);
  return {
    routeKey,
    ...(body === undefined ? {} : { body }),
    ...(options.id === undefined ? {} : { pathParameters: { id: options.id } }),
  };
}

function seed(id: string): StoredItem {
  return { id, createdAt: '2029-12-31T00:00:00Z', updatedAt: '2029-12-31T00:00:00Z', attributes: { name: 'seeded ' + id } };
}
`;

/** Jest suites: body validation, the app's fixed behaviour, and one acceptance test per story. */
export function applicationTests(baseDir: string, routes: readonly StoryRoute[]): GeneratedFile[] {
  const storyTests = routes.map(storyTest).join('\n');
  const app = `${HELPERS}
describe('HTTP API', () => {
  it('answers the health check', async () => {
    const { app } = setup();
    expect((await app(request('GET /health'))).statusCode).toBe(200);
  });

  it('answers 404 for a route it does not serve', async () => {
    const { app } = setup();
    expect((await app(request('PATCH /nowhere'))).statusCode).toBe(404);
  });
});

describe('user stories', () => {
${storyTests}});
`;
  return [
    { path: `${baseDir}/test/validate-item.test.ts`, role: 'test', content: VALIDATE_ITEM_TEST },
    { path: `${baseDir}/test/app.test.ts`, role: 'test', content: app },
  ];
}

function storyTest({ intent, route }: StoryRoute): string {
  const key = codeLiteral(route.routeKey);
  const collection = codeLiteral(route.collection);
  const bodies: Readonly<Record<StoryRoute['route']['action'], string>> = {
    create: `    const created = await app(request(${key}, { body: { name: 'example', quantity: 2 } }));
    expect(created.statusCode).toBe(201);
    const item = JSON.parse(created.body) as StoredItem;
    expect(item).toMatchObject({ id: 'id-1', attributes: { name: 'example', quantity: 2 } });
    expect(await repository.get(${collection}, item.id)).toEqual(item);
    expect((await app(request(${key}, { body: '{"name": ' }))).statusCode).toBe(400);
    expect((await app(request(${key}, { body: { id: 'forged' } }))).statusCode).toBe(400);`,
    list: `    await repository.put(${collection}, seed('a'));
    await repository.put(${collection}, seed('b'));
    await repository.put('other-collection', seed('c'));
    const listed = await app(request(${key}));
    expect(listed.statusCode).toBe(200);
    expect((JSON.parse(listed.body) as { items: StoredItem[] }).items.map((item) => item.id)).toEqual(['a', 'b']);`,
    update: `    await repository.put(${collection}, seed('a'));
    const updated = await app(request(${key}, { id: 'a', body: { status: 'updated' } }));
    expect(updated.statusCode).toBe(200);
    expect((await repository.get(${collection}, 'a'))?.attributes).toEqual({ name: 'seeded a', status: 'updated' });
    expect((await app(request(${key}, { id: 'missing', body: { status: 'x' } }))).statusCode).toBe(404);
    expect((await app(request(${key}, { id: 'a', body: [] }))).statusCode).toBe(400);`,
    delete: `    await repository.put(${collection}, seed('a'));
    expect((await app(request(${key}, { id: 'a' }))).statusCode).toBe(204);
    expect(await repository.get(${collection}, 'a')).toBeUndefined();
    expect((await app(request(${key}, { id: 'a' }))).statusCode).toBe(404);`,
  };
  return `  // Story ${intent.number}: ${intent.text}
  it(${codeLiteral(intent.testTitle)}, async () => {
    const { app, repository } = setup();
${bodies[route.action]}
  });
`;
}
