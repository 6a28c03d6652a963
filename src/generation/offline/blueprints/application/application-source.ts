import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import type { StoryRoute } from './api-routes.js';
import { uniqueRoutes } from './api-routes.js';

const HTTP_TYPES = `/** The parts of an API Gateway HTTP API event (payload format 2.0) this service reads. */
export interface HttpApiEvent {
  routeKey: string;
  pathParameters?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
}

export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}
`;

const VALIDATE_ITEM = `export type ItemAttributes = Record<string, string | number | boolean>;

export type ItemValidation = { ok: true; attributes: ItemAttributes } | { ok: false; errors: string[] };

export const MAX_FIELDS = 50;
export const MAX_TEXT_LENGTH = 2000;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Set by the service; a client must not be able to overwrite them. */
const RESERVED_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);

/** Checks a request body before anything is stored: a flat JSON object of scalar fields. */
export function validateItem(input: unknown): ItemValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['body must be a JSON object'] };
  }
  const entries = Object.entries(input);
  const errors: string[] = [];
  if (entries.length === 0) errors.push('body must have at least one field');
  if (entries.length > MAX_FIELDS) errors.push('body must have at most ' + MAX_FIELDS + ' fields');
  for (const [name, value] of entries) {
    const shown = JSON.stringify(name.slice(0, 64));
    if (!FIELD_NAME.test(name)) errors.push('field ' + shown + ' must start with a letter and hold only letters, digits or _');
    else if (RESERVED_FIELDS.has(name)) errors.push('field ' + shown + ' is set by the service');
    else if (!isFieldValue(value)) {
      errors.push('field ' + shown + ' must be a string of at most ' + MAX_TEXT_LENGTH + ' characters, a finite number or a boolean');
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, attributes: Object.fromEntries(entries) as ItemAttributes };
}

function isFieldValue(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= MAX_TEXT_LENGTH;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'boolean';
}
`;

const ITEM_REPOSITORY = `import type { ItemAttributes } from './validate-item';

export interface StoredItem {
  id: string;
  createdAt: string;
  updatedAt: string;
  attributes: ItemAttributes;
}

/** Where items live; the Lambda uses DynamoDB, tests and local runs use memory. */
export interface ItemRepository {
  put(collection: string, item: StoredItem): Promise<void>;
  get(collection: string, id: string): Promise<StoredItem | undefined>;
  list(collection: string, limit: number): Promise<StoredItem[]>;
  remove(collection: string, id: string): Promise<boolean>;
}

export class InMemoryItemRepository implements ItemRepository {
  private readonly items = new Map<string, StoredItem>();

  async put(collection: string, item: StoredItem): Promise<void> {
    this.items.set(collection + '/' + item.id, structuredClone(item));
  }

  async get(collection: string, id: string): Promise<StoredItem | undefined> {
    const item = this.items.get(collection + '/' + id);
    return item === undefined ? undefined : structuredClone(item);
  }

  /** Sorted by id, as DynamoDB returns a partition sorted by its range key. */
  async list(collection: string, limit: number): Promise<StoredItem[]> {
    return [...this.items.entries()]
      .filter(([key]) => key.startsWith(collection + '/'))
      .map(([, item]) => structuredClone(item))
      .sort((left, right) => left.id.localeCompare(right.id))
      .slice(0, limit);
  }

  async remove(collection: string, id: string): Promise<boolean> {
    return this.items.delete(collection + '/' + id);
  }
}
`;

const DYNAMODB_REPOSITORY = `import type { ItemRepository, StoredItem } from './item-repository';

/**
 * Items in one table keyed by (collection, id). The AWS SDK is imported lazily so the tests,
 * which use the in-memory repository, never load it.
 */
export async function createDynamoDbItemRepository(tableName: string): Promise<ItemRepository> {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient, DeleteCommand, GetCommand, PutCommand, QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  return {
    async put(collection, item) {
      await client.send(new PutCommand({ TableName: tableName, Item: { collection, ...item } }));
    },
    async get(collection, id) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: { collection, id } }));
      return result.Item === undefined ? undefined : toStoredItem(result.Item);
    },
    async list(collection, limit) {
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#collection = :collection',
          ExpressionAttributeNames: { '#collection': 'collection' },
          ExpressionAttributeValues: { ':collection': collection },
          Limit: limit,
        }),
      );
      return (result.Items ?? []).map(toStoredItem);
    },
    async remove(collection, id) {
      const result = await client.send(new DeleteCommand({ TableName: tableName, Key: { collection, id }, ReturnValues: 'ALL_OLD' }));
      return result.Attributes !== undefined;
    },
  };
}

function toStoredItem(record: Record<string, unknown>): StoredItem {
  return {
    id: String(record['id']),
    createdAt: String(record['createdAt']),
    updatedAt: String(record['updatedAt']),
    attributes: (record['attributes'] ?? {}) as StoredItem['attributes'],
  };
}
`;

const APP = `import type { HttpApiEvent, HttpApiResult } from './http-types';
import type { ItemRepository, StoredItem } from './item-repository';
import { ROUTES } from './routes';
import type { Route } from './routes';
import { validateItem } from './validate-item';

export interface AppDependencies {
  repository: ItemRepository;
  newId: () => string;
  now: () => Date;
}

export type App = (event: HttpApiEvent) => Promise<HttpApiResult>;

const LIST_LIMIT = 100;
const MAX_BODY_BYTES = 64 * 1024;

/** The HTTP API's behaviour, free of AWS: the Lambda handler wires it to DynamoDB. */
export function createApp(deps: AppDependencies): App {
  return async (event) => {
    if (event.routeKey === 'GET /health') return json(200, { status: 'ok' });
    const route = ROUTES[event.routeKey];
    if (route === undefined) return json(404, { error: 'no such route: ' + event.routeKey });
    if (route.action === 'list') return json(200, { items: await deps.repository.list(route.collection, LIST_LIMIT) });
    if (route.action === 'create') return create(deps, route, event);
    const id = event.pathParameters?.['id'];
    if (id === undefined || id === '') return json(400, { error: 'the path needs an item id' });
    if (route.action === 'update') return update({ deps, route, id, event });
    const removed = await deps.repository.remove(route.collection, id);
    return removed ? { statusCode: 204, headers: {}, body: '' } : json(404, { error: 'no such item' });
  };
}

async function create(deps: AppDependencies, route: Route, event: HttpApiEvent): Promise<HttpApiResult> {
  const body = readBody(event);
  if (!body.ok) return json(400, { errors: body.errors });
  const validation = validateItem(body.value);
  if (!validation.ok) return json(400, { errors: validation.errors });
  const timestamp = deps.now().toISOString();
  const item: StoredItem = { id: deps.newId(), createdAt: timestamp, updatedAt: timestamp, attributes: validation.attributes };
  await deps.repository.put(route.collection, item);
  return json(201, item);
}

async function update(params: { deps: AppDependencies; route: Route; id: string; event: HttpApiEvent }): Promise<HttpApiResult> {
  const { deps, route, id, event } = params;
  const body = readBody(event);
  if (!body.ok) return json(400, { errors: body.errors });
  const validation = validateItem(body.value);
  if (!validation.ok) return json(400, { errors: validation.errors });
  const existing = await deps.repository.get(route.collection, id);
  if (existing === undefined) return json(404, { error: 'no such item' });
  const item: StoredItem = {
    ...existing,
    attributes: { ...existing.attributes, ...validation.attributes },
    updatedAt: deps.now().toISOString(),
  };
  await deps.repository.put(route.collection, item);
  return json(200, item);
}

function readBody(event: HttpApiEvent): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  const raw = event.isBase64Encoded === true ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return { ok: false, errors: ['body must be at most ' + MAX_BODY_BYTES + ' bytes'] };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, errors: ['body must be valid JSON'] };
  }
}

function json(statusCode: number, value: unknown): HttpApiResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}
`;

const HANDLER = `import { randomUUID } from 'node:crypto';
import { createApp } from './app';
import type { App } from './app';
import { createDynamoDbItemRepository } from './dynamodb-item-repository';
import type { HttpApiEvent, HttpApiResult } from './http-types';

let app: Promise<App> | undefined;

/** Lambda entry point: one app per container, created on the first request. */
export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  app ??= createDynamoDbItemRepository(requiredEnv('TABLE_NAME')).then((repository) =>
    createApp({ repository, newId: randomUUID, now: () => new Date() }),
  );
  return (await app)(event);
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error('environment variable ' + name + ' is not set');
  return value;
}
`;

/** The service's TypeScript: pure app logic, a route table from the stories, and thin AWS adapters. */
export function applicationSource(baseDir: string, routes: readonly StoryRoute[]): GeneratedFile[] {
  const files: [string, string][] = [
    ['http-types.ts', HTTP_TYPES],
    ['validate-item.ts', VALIDATE_ITEM],
    ['item-repository.ts', ITEM_REPOSITORY],
    ['dynamodb-item-repository.ts', DYNAMODB_REPOSITORY],
    ['routes.ts', routesModule(routes)],
    ['app.ts', APP],
    ['handler.ts', HANDLER],
  ];
  return files.map(([name, content]) => ({ path: `${baseDir}/src/${name}`, role: 'source', content }));
}

function routesModule(storyRoutes: readonly StoryRoute[]): string {
  const entries = uniqueRoutes(storyRoutes).map((route) => {
    const stories = storyRoutes.filter((candidate) => candidate.route.routeKey === route.routeKey);
    const comments = stories.map(({ intent }) => `  // Story ${intent.number}: ${intent.text}`);
    return [
      ...comments,
      `  ${codeLiteral(route.routeKey)}: { action: ${codeLiteral(route.action)}, collection: ${codeLiteral(route.collection)} },`,
    ].join('\n');
  });
  return `export type RouteAction = 'create' | 'list' | 'update' | 'delete';

export interface Route {
  action: RouteAction;
  /** Partition key in the table and first path segment. */
  collection: string;
}

/** Route keys, as API Gateway sends them, to what they do; the template declares the same keys. */
export const ROUTES: Readonly<Record<string, Route>> = {
${entries.join('\n')}
};
`;
}
