import { codeLiteral } from '../../naming/code-literal.js';
import { DYNAMODB_LISTS, DYNAMODB_WRITES, EVENTBRIDGE_PUTS } from './application-test-titles.js';

/** Generated `test/dynamodb-item-repository.test.ts`: what the repository sends DynamoDB, through a recording table. */
export const ADAPTER_TESTS = `import { createDynamoDbItemRepository, OWNER_INDEX } from '../src/dynamodb-item-repository';
import type { DocumentTable } from '../src/dynamodb-item-repository';
import { BadPageTokenError } from '../src/item-repository';
import type { StoredItem } from '../src/item-repository';

interface Answers {
  putError?: Error;
  get?: Awaited<ReturnType<DocumentTable['get']>>;
  query?: Awaited<ReturnType<DocumentTable['query']>>;
  delete?: Awaited<ReturnType<DocumentTable['delete']>>;
}

function recordingTable(answers: Answers = {}) {
  const calls: { method: string; input: unknown }[] = [];
  const table: DocumentTable = {
    async put(input) {
      calls.push({ method: 'put', input });
      if (answers.putError !== undefined) throw answers.putError;
    },
    async get(input) {
      calls.push({ method: 'get', input });
      return answers.get ?? {};
    },
    async query(input) {
      calls.push({ method: 'query', input });
      return answers.query ?? {};
    },
    async delete(input) {
      calls.push({ method: 'delete', input });
      return answers.delete ?? {};
    },
  };
  return { table, calls };
}

const ITEM: StoredItem = {
  id: 'id-1',
  version: 1,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  status: 'new',
  owner: 'owner-1',
  fields: { note: 'first', lines: [{ sku: 'a', quantity: 1 }] },
};
const RECORD = { collection: 'things', ...ITEM, ownerKey: 'things#owner-1' };

describe('createDynamoDbItemRepository', () => {
  it(${codeLiteral(DYNAMODB_WRITES)}, async () => {
    const { table, calls } = recordingTable();
    const repository = createDynamoDbItemRepository(table);
    await repository.create('things', ITEM);
    expect(await repository.replace('things', { ...ITEM, version: 2 }, 1)).toBe(true);
    expect(calls).toEqual([
      { method: 'put', input: { Item: RECORD, ConditionExpression: 'attribute_not_exists(id)' } },
      { method: 'put', input: { Item: { ...RECORD, version: 2 }, ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': 1 } } },
    ]);
    const conflict = Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
    expect(await createDynamoDbItemRepository(recordingTable({ putError: conflict }).table).replace('things', ITEM, 1)).toBe(false);
    await expect(createDynamoDbItemRepository(recordingTable({ putError: new Error('throttled') }).table).replace('things', ITEM, 1)).rejects.toThrow('throttled');

    const stored = recordingTable({ get: { Item: RECORD }, delete: { Attributes: RECORD } });
    const reading = createDynamoDbItemRepository(stored.table);
    expect(await reading.get('things', 'id-1')).toEqual(ITEM);
    expect(await reading.remove('things', 'id-1')).toBe(true);
    expect(stored.calls).toEqual([
      { method: 'get', input: { Key: { collection: 'things', id: 'id-1' } } },
      { method: 'delete', input: { Key: { collection: 'things', id: 'id-1' } } },
    ]);
    expect(await repository.get('things', 'missing')).toBeUndefined();
    expect(await repository.remove('things', 'missing')).toBe(false);
  });

  it(${codeLiteral(DYNAMODB_LISTS)}, async () => {
    const last = { collection: 'things', id: 'id-1', ownerKey: 'things#owner-1' };
    const { table, calls } = recordingTable({ query: { Items: [RECORD], LastEvaluatedKey: last } });
    const repository = createDynamoDbItemRepository(table);
    const page = await repository.list('things', { limit: 1 });
    expect(page.items).toEqual([ITEM]);
    // Each read answers one item and more to read: the page reads on, asking for the items still wanted.
    await repository.list('things', { limit: 5, owner: 'owner-1', ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }) });
    await repository.list('things', { limit: 2, where: { status: 'open', priority: 'high' } });
    const filtered = {
      KeyConditionExpression: '#collection = :key',
      FilterExpression: '#w0 = :w0 AND #fields.#w1 = :w1',
      ExpressionAttributeNames: { '#collection': 'collection', '#w0': 'status', '#w1': 'priority', '#fields': 'fields' },
      ExpressionAttributeValues: { ':key': 'things', ':w0': 'open', ':w1': 'high' },
    };
    expect(calls.map((call) => call.input)).toEqual([
      { KeyConditionExpression: '#collection = :key', ExpressionAttributeNames: { '#collection': 'collection' }, ExpressionAttributeValues: { ':key': 'things' }, Limit: 1 },
      ...[5, 4, 3, 2, 1].map((limit) => ({ IndexName: OWNER_INDEX, KeyConditionExpression: 'ownerKey = :key', ExpressionAttributeValues: { ':key': 'things#owner-1' }, Limit: limit, ExclusiveStartKey: last })),
      { ...filtered, Limit: 2 },
      { ...filtered, Limit: 1, ExclusiveStartKey: last },
    ]);
    // A filter that matches nothing read after read stops after ten reads, with a token to page on.
    const sparse = recordingTable({ query: { Items: [], LastEvaluatedKey: last } });
    const partial = await createDynamoDbItemRepository(sparse.table).list('things', { limit: 1, where: { status: 'open' } });
    expect([partial.items, partial.nextToken !== undefined, sparse.calls.length]).toEqual([[], true, 10]);
    // Items without a field (\`list unassigned tickets\`): the field is absent from the fields map.
    const unassigned = recordingTable({ query: { Items: [] } });
    await createDynamoDbItemRepository(unassigned.table).list('things', { limit: 1, where: { status: 'open' }, absent: ['assignee'] });
    expect(unassigned.calls[0]?.input).toMatchObject({
      FilterExpression: '#w0 = :w0 AND attribute_not_exists(#fields.#a0)',
      ExpressionAttributeNames: { '#collection': 'collection', '#w0': 'status', '#fields': 'fields', '#a0': 'assignee' },
    });
    // Items whose list field holds a value (\`list products by tag\`): contains() on the list.
    const tagged = recordingTable({ query: { Items: [] } });
    await createDynamoDbItemRepository(tagged.table).list('things', { limit: 1, contains: { tags: 'fragile' } });
    expect(tagged.calls[0]?.input).toMatchObject({
      FilterExpression: 'contains(#fields.#c0, :c0)',
      ExpressionAttributeNames: { '#collection': 'collection', '#fields': 'fields', '#c0': 'tags' },
      ExpressionAttributeValues: { ':key': 'things', ':c0': 'fragile' },
    });
    expect((await createDynamoDbItemRepository(recordingTable({ query: { Items: [] } }).table).list('things', { limit: 1 })).nextToken).toBeUndefined();
    await expect(repository.list('things', { limit: 1, nextToken: 'not-json' })).rejects.toThrow(BadPageTokenError);
    const otherCollection = Buffer.from(JSON.stringify({ collection: 'others', id: 'x' })).toString('base64url');
    await expect(repository.list('things', { limit: 1, nextToken: otherCollection })).rejects.toThrow(BadPageTokenError);
  });
});
`;

/** Generated `test/eventbridge-status-events.test.ts`: the event each status change becomes. */
export const EVENTBRIDGE_TEST = `import { createEventBridgeStatusEvents } from '../src/eventbridge-status-events';
import type { PutEventsEntry } from '../src/eventbridge-status-events';
import { RESOURCES } from '../src/model';

describe('createEventBridgeStatusEvents', () => {
  it(${codeLiteral(EVENTBRIDGE_PUTS)}, async () => {
    const resource = Object.values(RESOURCES).find((candidate) => candidate.statusEventType !== undefined);
    if (resource === undefined) throw new Error('no resource publishes status events');
    const change = { resource: resource.name, id: 'id-1', from: null, to: 'new', at: '2030-01-01T00:00:00.000Z', item: { id: 'id-1' } };
    const sent: PutEventsEntry[][] = [];
    const events = createEventBridgeStatusEvents({
      busName: 'domain-events',
      source: 'the-service',
      putEvents: async (entries) => {
        sent.push(entries);
        return { FailedEntryCount: 0, Entries: [{}] };
      },
    });
    await events.publish(change);
    expect(sent).toEqual([[{ EventBusName: 'domain-events', Source: 'the-service', DetailType: resource.statusEventType, Detail: JSON.stringify(change) }]]);
    const refused = createEventBridgeStatusEvents({
      busName: 'domain-events',
      source: 'the-service',
      putEvents: async () => ({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }] }),
    });
    await expect(refused.publish(change)).rejects.toThrow('EventBridge refused the event: InternalFailure try again');
  });
});
`;
