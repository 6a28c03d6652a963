/** Generated `src/dynamodb-item-repository.ts`: the ItemRepository on the stack's table, behind a narrow table interface. */
export const DYNAMODB_REPOSITORY_SOURCE = `import { BadPageTokenError } from './item-repository';
import type { ItemRepository, StoredItem, TimeRange } from './item-repository';

type Attributes = Record<string, unknown>;

/** The four DynamoDB DocumentClient calls the repository makes; connectDocumentTable wires them to the SDK. */
export interface DocumentTable {
  put(input: { Item: Attributes; ConditionExpression: string; ExpressionAttributeValues?: Attributes }): Promise<void>;
  get(input: { Key: Attributes }): Promise<{ Item?: Attributes }>;
  query(input: {
    IndexName?: string;
    KeyConditionExpression: string;
    FilterExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues: Attributes;
    Limit: number;
    ExclusiveStartKey?: Attributes;
  }): Promise<{ Items?: Attributes[]; LastEvaluatedKey?: Attributes }>;
  delete(input: { Key: Attributes }): Promise<{ Attributes?: Attributes }>;
}

/**
 * Reads one list page may make before it answers a partial page with a nextToken: bounds the time
 * and read capacity of a filter that matches few items (each read is at most 1 MB, per DynamoDB's
 * Query docs, "Filter expressions for Query").
 */
const MAX_READS_PER_PAGE = 10;

/** The table's index of items by owner (partition ownerKey = collection#owner, sort id); the template declares it. */
export const OWNER_INDEX = 'byOwner';

/**
 * Items in one table keyed by (collection, id). Every write is conditional: a create never
 * overwrites, and a replace only lands on the version it read, so two concurrent changes cannot
 * both win.
 */
export function createDynamoDbItemRepository(table: DocumentTable): ItemRepository {
  const record = (collection: string, item: StoredItem): Attributes => ({
    collection,
    ...item,
    ...(item.owner === undefined ? {} : { ownerKey: collection + '#' + item.owner }),
  });
  return {
    async create(collection, item) {
      await table.put({ Item: record(collection, item), ConditionExpression: 'attribute_not_exists(id)' });
    },
    async get(collection, id) {
      const result = await table.get({ Key: { collection, id } });
      return result.Item === undefined ? undefined : toStoredItem(result.Item);
    },
    async list(collection, query) {
      const byOwner = query.owner !== undefined;
      const filter = filterOf(query.where, query.absent, query.contains, query.range);
      const names = { ...(byOwner ? {} : { '#collection': 'collection' }), ...filter?.names };
      const items: StoredItem[] = [];
      let start: Attributes | undefined = query.nextToken === undefined ? undefined : decodeToken(query.nextToken, collection);
      // Limit counts the items read before FilterExpression, so one read may match none: read on
      // (asking only for the items still wanted, so none is skipped) until the page is full or
      // the collection ends, at most MAX_READS_PER_PAGE reads; past that the page ends early with a nextToken.
      for (let read = 0; read < MAX_READS_PER_PAGE; read++) {
        const result = await table.query({
          ...(byOwner ? { IndexName: OWNER_INDEX } : {}),
          KeyConditionExpression: byOwner ? 'ownerKey = :key' : '#collection = :key',
          ...(filter === undefined ? {} : { FilterExpression: filter.expression }),
          ...(Object.keys(names).length === 0 ? {} : { ExpressionAttributeNames: names }),
          ExpressionAttributeValues: { ':key': byOwner ? collection + '#' + query.owner : collection, ...filter?.values },
          Limit: query.limit - items.length,
          ...(start === undefined ? {} : { ExclusiveStartKey: start }),
        });
        items.push(...(result.Items ?? []).map(toStoredItem));
        start = result.LastEvaluatedKey;
        if (start === undefined || items.length >= query.limit) break;
      }
      return start === undefined ? { items } : { items, nextToken: Buffer.from(JSON.stringify(start)).toString('base64url') };
    },
    async replace(collection, item, expectedVersion) {
      try {
        await table.put({ Item: record(collection, item), ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } });
        return true;
      } catch (error) {
        if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
    async remove(collection, id) {
      return (await table.delete({ Key: { collection, id } })).Attributes !== undefined;
    },
  };
}

/**
 * A list's where as a FilterExpression: status is a top-level attribute, fields are inside the
 * fields map. DynamoDB applies Limit before the filter
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.FilterExpression.html), so
 * list reads on until the page is full; only after MAX_READS_PER_PAGE reads may a page hold fewer
 * items than the limit and still have a nextToken: clients page on until it is absent.
 */
function filterOf(where: Record<string, string | boolean> | undefined, absent: string[] = [], contains: Record<string, string> = {}, range?: TimeRange): { expression: string; names: Record<string, string>; values: Attributes } | undefined {
  const entries = Object.entries(where ?? {});
  const held = Object.entries(contains);
  if (entries.length === 0 && absent.length === 0 && held.length === 0 && range === undefined) return undefined;
  const names: Record<string, string> = {};
  const values: Attributes = {};
  const terms = entries.map(([name, value], index) => {
    names['#w' + index] = name;
    values[':w' + index] = value;
    if (name === 'status') return '#w' + index + ' = :w' + index;
    names['#fields'] = 'fields';
    return '#fields.#w' + index + ' = :w' + index;
  });
  // \`list unassigned tickets\`: a field never written is absent from the fields map.
  const missing = absent.map((name, index) => {
    names['#fields'] = 'fields';
    names['#a' + index] = name;
    return 'attribute_not_exists(#fields.#a' + index + ')';
  });
  // \`list products by tag\`: contains() on a list attribute is true when an element equals the value
  // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html).
  const holding = held.map(([name, value], index) => {
    names['#fields'] = 'fields';
    names['#c' + index] = name;
    values[':c' + index] = value;
    return 'contains(#fields.#c' + index + ', :c' + index + ')';
  });
  // \`list entries between two dates\`: the times are stored as UTC ISO 8601 strings, which compare in time order.
  const timed: string[] = [];
  if (range !== undefined) {
    names['#t'] = range.field;
    const path = range.field === 'createdAt' ? '#t' : '#fields.#t';
    if (range.field !== 'createdAt') names['#fields'] = 'fields';
    if (range.from !== undefined) {
      values[':from'] = range.from;
      timed.push(path + ' >= :from');
    }
    if (range.to !== undefined) {
      values[':to'] = range.to;
      timed.push(path + ' <= :to');
    }
  }
  return { expression: [...terms, ...missing, ...holding, ...timed].join(' AND '), names, values };
}

/** The SDK behind DocumentTable, loaded lazily so the tests never need it. Reads are strongly consistent: a write is read back at once. */
export async function connectDocumentTable(tableName: string): Promise<DocumentTable> {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient, DeleteCommand, GetCommand, PutCommand, QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  return {
    async put(input) {
      await client.send(new PutCommand({ TableName: tableName, ...input }));
    },
    get: (input) => client.send(new GetCommand({ TableName: tableName, ConsistentRead: true, ...input })),
    query: (input) => client.send(new QueryCommand({ TableName: tableName, ...input })),
    delete: (input) => client.send(new DeleteCommand({ TableName: tableName, ReturnValues: 'ALL_OLD', ...input })),
  };
}

/** A page token is the query's LastEvaluatedKey; one for another collection, or not one at all, is refused. */
function decodeToken(token: string, collection: string): Record<string, string> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new BadPageTokenError('nextToken is not JSON');
  }
  const valid = typeof key === 'object' && key !== null && (key as Attributes)['collection'] === collection && Object.values(key).every((value) => typeof value === 'string');
  if (!valid) throw new BadPageTokenError('nextToken is not a key of this collection');
  return key as Record<string, string>;
}

function toStoredItem(record: Attributes): StoredItem {
  return {
    id: String(record['id']),
    version: Number(record['version']),
    createdAt: String(record['createdAt']),
    updatedAt: String(record['updatedAt']),
    ...(typeof record['status'] === 'string' ? { status: record['status'] } : {}),
    ...(typeof record['owner'] === 'string' ? { owner: record['owner'] } : {}),
    fields: (record['fields'] ?? {}) as StoredItem['fields'],
  };
}
`;
