/** Generated `src/item-repository.ts`: the storage interface and the in-memory store tests and local runs use. */
export const ITEM_REPOSITORY_SOURCE = `import type { Fields } from './validate-body';

export interface StoredItem {
  id: string;
  /** Goes up by one on every write; a write based on an older version is refused. */
  version: number;
  createdAt: string;
  updatedAt: string;
  status?: string;
  /** The owner field's value, kept apart so lists can be filtered by owner. */
  owner?: string;
  fields: Fields;
}

export interface ListQuery {
  limit: number;
  nextToken?: string;
  owner?: string;
  /** Only items whose status (key 'status') or field equals the value. */
  where?: Record<string, string | boolean>;
  /** Only items whose list field holds the value (\`list products by tag\`: tags holding it). */
  contains?: Record<string, string>;
  /** Only items without these fields (\`list unassigned tickets\`: no assignee). */
  absent?: string[];
  /** Only items whose time field is within the range (\`list entries between two dates\`). */
  range?: TimeRange;
}

/** A range of a time field, createdAt or a declared date-time field: UTC ISO 8601 strings, both ends included, either left out. */
export interface TimeRange {
  field: string;
  from?: string;
  to?: string;
}

export interface ListPage {
  items: StoredItem[];
  /** Present when more items follow; pass it back to read the next page. */
  nextToken?: string;
}

/** A nextToken this store did not hand out. */
export class BadPageTokenError extends Error {}

/** Where items live; the Lambda uses DynamoDB, tests and local runs use memory. */
export interface ItemRepository {
  create(collection: string, item: StoredItem): Promise<void>;
  get(collection: string, id: string): Promise<StoredItem | undefined>;
  /** Items sorted by id, only the owner's when owner is given, only those matching where when it is. */
  list(collection: string, query: ListQuery): Promise<ListPage>;
  /** Writes the item only if the stored one still has expectedVersion; false when it changed meanwhile or is gone. */
  replace(collection: string, item: StoredItem, expectedVersion: number): Promise<boolean>;
  remove(collection: string, id: string): Promise<boolean>;
}

export class InMemoryItemRepository implements ItemRepository {
  private readonly items = new Map<string, StoredItem>();

  async create(collection: string, item: StoredItem): Promise<void> {
    const key = collection + '/' + item.id;
    if (this.items.has(key)) throw new Error('item ' + item.id + ' already exists');
    this.items.set(key, structuredClone(item));
  }

  async get(collection: string, id: string): Promise<StoredItem | undefined> {
    const item = this.items.get(collection + '/' + id);
    return item === undefined ? undefined : structuredClone(item);
  }

  async list(collection: string, query: ListQuery): Promise<ListPage> {
    const after = query.nextToken === undefined ? undefined : decodeToken(query.nextToken);
    const matching = [...this.items.entries()]
      .filter(([key, item]) => key.startsWith(collection + '/') && (query.owner === undefined || item.owner === query.owner) && matches(item, query.where) && holds(item, query.contains) && (query.absent ?? []).every((name) => item.fields[name] === undefined) && within(item, query.range))
      .map(([, item]) => item)
      .sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0))
      .filter((item) => after === undefined || item.id > after);
    const page = matching.slice(0, query.limit).map((item) => structuredClone(item));
    const last = page[page.length - 1];
    return matching.length > query.limit && last !== undefined ? { items: page, nextToken: Buffer.from(last.id).toString('base64url') } : { items: page };
  }

  async replace(collection: string, item: StoredItem, expectedVersion: number): Promise<boolean> {
    const key = collection + '/' + item.id;
    if (this.items.get(key)?.version !== expectedVersion) return false;
    this.items.set(key, structuredClone(item));
    return true;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    return this.items.delete(collection + '/' + id);
  }
}

/** Whether the item's status (key 'status') and fields equal every value of where. */
export function matches(item: StoredItem, where: Record<string, string | boolean> | undefined): boolean {
  return Object.entries(where ?? {}).every(([name, value]) => (name === 'status' ? item.status : item.fields[name]) === value);
}

/** Whether each named field of the item is a list holding the value given. */
export function holds(item: StoredItem, contains: Record<string, string> | undefined): boolean {
  return Object.entries(contains ?? {}).every(([name, value]) => {
    const list = item.fields[name];
    return Array.isArray(list) && list.includes(value);
  });
}

/** Whether the item's time field (createdAt or a declared one, both stored as UTC ISO 8601) is within the range. */
export function within(item: StoredItem, range: TimeRange | undefined): boolean {
  if (range === undefined) return true;
  const value = range.field === 'createdAt' ? item.createdAt : item.fields[range.field];
  if (typeof value !== 'string') return false;
  return (range.from === undefined || value >= range.from) && (range.to === undefined || value <= range.to);
}

function decodeToken(token: string): string {
  const id = Buffer.from(token, 'base64url').toString('utf8');
  if (id === '' || Buffer.from(id).toString('base64url') !== token) throw new BadPageTokenError('bad nextToken');
  return id;
}
`;
