import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import { generate } from './offline-test-requests.js';

/**
 * Review 11: the generated service's DynamoDB store run against a table that behaves as DynamoDB
 * documents Query: `Limit` caps the items *evaluated*, and FilterExpression is applied after
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.FilterExpression.html).
 */
type Item = Record<string, unknown>;
interface QueryInput {
  FilterExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues: Item;
  Limit: number;
  ExclusiveStartKey?: Item;
}
interface ListPage {
  items: { id: string; status?: string }[];
  nextToken?: string;
}
interface Repository {
  list(
    collection: string,
    query: { limit: number; nextToken?: string; where?: Record<string, string> },
  ): Promise<ListPage>;
}

/** One collection's items sorted by id; only `#wN = :wN` status terms are understood, as the generated filter writes them. */
function dynamoLikeTable(items: readonly Item[]) {
  return {
    put: () => Promise.resolve(),
    get: () => Promise.resolve({}),
    delete: () => Promise.resolve({}),
    query(input: QueryInput) {
      const after = input.ExclusiveStartKey?.['id'] as string | undefined;
      const evaluated = items
        .filter((item) => after === undefined || (item['id'] as string) > after)
        .slice(0, input.Limit);
      const terms = (input.FilterExpression ?? '').split(' AND ').filter((term) => term !== '');
      const matches = (item: Item) =>
        terms.every((term) => {
          const [name = '', value = ''] = term.split(' = ');
          return (
            item[input.ExpressionAttributeNames?.[name] ?? ''] === input.ExpressionAttributeValues[value]
          );
        });
      const last = evaluated[evaluated.length - 1];
      const more =
        last !== undefined && items.indexOf(last) < items.length - 1 && evaluated.length === input.Limit;
      return Promise.resolve({
        Items: evaluated.filter(matches),
        ...(more ? { LastEvaluatedKey: { collection: 'tickets', id: last['id'] } } : {}),
      });
    },
  };
}

async function generatedRepository(): Promise<{
  create: (table: unknown) => Repository;
  cleanup: () => void;
}> {
  const { bundle } = await generate({
    taskType: 'application',
    taskName: 'Support Tickets',
    stories: [
      'As a customer I can open a ticket with a subject',
      'As an agent I can close a ticket',
      'As an agent I can list open tickets',
    ],
  });
  const folder = mkdtempSync(join(tmpdir(), 'review11-'));
  for (const file of bundle.files) {
    const path = join(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  const entry =
    bundle.files.find((file) => file.path.endsWith('src/dynamodb-item-repository.ts'))?.path ?? '';
  const built = buildSync({
    entryPoints: [join(folder, entry)],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    external: ['@aws-sdk/*'],
  });
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', built.outputFiles[0]?.text ?? '')(module, module.exports);
  const create = module.exports['createDynamoDbItemRepository'] as (table: unknown) => Repository;
  return { create, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

describe('the generated DynamoDB store lists by status as its in-memory twin does', () => {
  it('loads the generated store and pages through the DynamoDB-like table without a filter (the harness works)', async () => {
    const { create, cleanup } = await generatedRepository();
    try {
      const ids = ['a', 'b', 'c'].map((id) => ({
        collection: 'tickets',
        id,
        status: 'open',
        version: 1,
        fields: {},
      }));
      const first = await create(dynamoLikeTable(ids)).list('tickets', { limit: 2 });
      expect(first.items.map((item) => item.id)).toEqual(['a', 'b']);
      expect(first.nextToken).toBeDefined();
    } finally {
      cleanup();
    }
  });

  it('FAULT: GET /tickets?status=open&limit=2 answers an empty page (with a nextToken) when the first tickets are closed, though an open ticket exists', async () => {
    const { create, cleanup } = await generatedRepository();
    try {
      const stored = ['a', 'b', 'c'].map((id) => ({
        collection: 'tickets',
        id,
        status: 'closed',
        version: 1,
        fields: {},
      }));
      const table = dynamoLikeTable([
        ...stored,
        { collection: 'tickets', id: 'd', status: 'open', version: 1, fields: {} },
      ]);
      const page = await create(table).list('tickets', { limit: 2, where: { status: 'open' } });
      // The in-memory store answers [d]: a page holds up to limit matching items.
      expect(page.items.map((item) => item.id)).toEqual(['d']);
    } finally {
      cleanup();
    }
  });

  it('fills a filtered page to its limit across reads, and the next page skips no match', async () => {
    const { create, cleanup } = await generatedRepository();
    try {
      const statuses = ['closed', 'open', 'closed', 'open', 'open', 'closed', 'open'];
      const table = dynamoLikeTable(
        statuses.map((status, index) => ({
          collection: 'tickets',
          id: `t${index}`,
          status,
          version: 1,
          fields: {},
        })),
      );
      const repository = create(table);
      const first = await repository.list('tickets', { limit: 2, where: { status: 'open' } });
      expect(first.items.map((item) => item.id)).toEqual(['t1', 't3']);
      const second = await repository.list('tickets', {
        limit: 2,
        where: { status: 'open' },
        ...(first.nextToken === undefined ? {} : { nextToken: first.nextToken }),
      });
      expect(second.items.map((item) => item.id)).toEqual(['t4', 't6']);
    } finally {
      cleanup();
    }
  });

  it('bounds the reads of one page: a sparse filter answers a partial page with a nextToken', async () => {
    const { create, cleanup } = await generatedRepository();
    try {
      const closed = Array.from({ length: 30 }, (_, index) => ({
        collection: 'tickets',
        id: `c${String(index).padStart(2, '0')}`,
        status: 'closed',
        version: 1,
        fields: {},
      }));
      const table = dynamoLikeTable([
        ...closed,
        { collection: 'tickets', id: 'z', status: 'open', version: 1, fields: {} },
      ]);
      const reads = { count: 0 };
      const counted = {
        ...table,
        query: (input: QueryInput) => {
          reads.count += 1;
          return table.query(input);
        },
      };
      const page = await create(counted).list('tickets', { limit: 1, where: { status: 'open' } });
      expect(page.items).toEqual([]);
      expect(page.nextToken).toBeDefined();
      expect(reads.count).toBe(10);
    } finally {
      cleanup();
    }
  });
});
