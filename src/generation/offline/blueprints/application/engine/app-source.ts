import { codeLiteral } from '../../../naming/code-literal.js';
import { ANY_VALUE } from '../model/visible-status.js';

/** Generated `src/http-types.ts`. */
export const HTTP_TYPES_SOURCE = `/** The parts of an API Gateway HTTP API event (payload format 2.0) this service reads. */
export interface HttpApiEvent {
  routeKey: string;
  pathParameters?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
  /** Header names arrive lowercased. */
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
}

export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}
`;

/** Generated `src/app.ts`: the routes' behaviour on the resource model, free of AWS. */
export const APP_SOURCE = `import type { HttpApiEvent, HttpApiResult } from './http-types';
import { BadPageTokenError } from './item-repository';
import type { ItemRepository, StoredItem, TimeRange } from './item-repository';
import { RESOURCES } from './model';
import type { ResourceModel } from './model';
import { ROUTES } from './routes';
import type { Operation, Route } from './routes';
import { checkTransition, refusal, spokenName } from './status-rules';
import type { Notice, Notifications } from './notifications';
import type { StatusEvents } from './status-events';
import { isDateTime, validateBody } from './validate-body';
import type { BodyCheck, Fields } from './validate-body';

export interface AppDependencies {
  repository: ItemRepository;
  newId: () => string;
  now: () => Date;
  /** Told of every status change; required when a resource publishes status events. */
  statusEvents?: StatusEvents;
  /** Told when an item reaches a moment a story asked people to be told of; required when a resource has one. */
  notifications?: Notifications;
  log?: (entry: Record<string, unknown>) => void;
}

export type App = (event: HttpApiEvent) => Promise<HttpApiResult>;

interface Call {
  deps: AppDependencies;
  log: (entry: Record<string, unknown>) => void;
  route: Route;
  resource: ResourceModel;
  event: HttpApiEvent;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;
const MAX_BODY_BYTES = 64 * 1024;

const OPERATIONS: Readonly<Record<Operation, (call: Call) => Promise<HttpApiResult>>> = {
  create,
  read,
  list,
  update,
  delete: remove,
  transition,
  set,
  redirect,
  count,
  balance,
};

/** The HTTP API's behaviour: each route key from ROUTES acts on its resource in RESOURCES. */
export function createApp(deps: AppDependencies): App {
  if (deps.statusEvents === undefined && Object.values(RESOURCES).some((resource) => resource.statusEventType !== undefined)) {
    throw new Error('statusEvents is required: a resource publishes its status changes');
  }
  if (deps.notifications === undefined && Object.values(RESOURCES).some((resource) => resource.notify !== undefined)) {
    throw new Error('notifications is required: a story asks for people to be told');
  }
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  return async (event) => {
    if (event.routeKey === 'GET /health') return json(200, { status: 'ok' });
    const route = ROUTES[event.routeKey];
    const resource = route === undefined ? undefined : RESOURCES[route.resource];
    if (route === undefined || resource === undefined) return json(404, { error: 'no such route: ' + event.routeKey });
    // Checked before anything is read, so a caller without the role learns nothing of the items.
    const roles = route.roles ?? [];
    if (roles.length > 0 && !rolesOf(event).some((role) => roles.includes(role)))
      return json(403, { error: 'only a caller with the role ' + roles.join(' or ') + ' may call ' + event.routeKey });
    try {
      return await OPERATIONS[route.operation]({ deps, log, route, resource, event });
    } catch (error) {
      if (error instanceof BadPageTokenError) return json(400, { errors: ['nextToken is not one this API returned'] });
      throw error;
    }
  };
}

async function create(call: Call): Promise<HttpApiResult> {
  const { deps, resource } = call;
  const body = readBody(call.event);
  if (!body.ok) return json(400, { errors: body.errors });
  const check = validateBody(resource, body.value, 'create');
  if (!check.ok) return json(400, { errors: check.errors });
  const parent = await findParent(call);
  if (parent === null) return notFound(RESOURCES[call.route.parent ?? ''] ?? resource);
  const timestamp = deps.now().toISOString();
  const owner = parent?.id ?? (resource.ownerField === undefined ? undefined : check.fields[resource.ownerField]);
  const item: StoredItem = {
    id: deps.newId(),
    version: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
    ...(resource.status === undefined ? {} : { status: resource.status.initial }),
    ...(typeof owner === 'string' ? { owner } : {}),
    fields: { ...startingCounts(resource), ...(parent === undefined || resource.parent === undefined ? check.fields : { ...check.fields, [resource.parent.field]: parent.id }) },
  };
  await deps.repository.create(resource.collection, item);
  await publishStatusChange(call, item, null);
  await sendNotice(call, item, true);
  return json(201, toResponse(item), { location: '/' + resource.collection + '/' + item.id });
}

/** The counts the service keeps (votes), each 0 when an item is made: no client writes them. */
function startingCounts(resource: ResourceModel): Fields {
  return Object.fromEntries(resource.fields.filter((field) => field.counter === true).map((field) => [field.name, 0]));
}

async function read(call: Call): Promise<HttpApiResult> {
  const id = call.event.pathParameters?.['id'] ?? '';
  const item = id === '' ? undefined : await call.deps.repository.get(call.resource.collection, id);
  return item === undefined ? notFound(call.resource) : json(200, toResponse(item));
}

async function list(call: Call): Promise<HttpApiResult> {
  const { resource } = call;
  const query = call.event.queryStringParameters ?? {};
  const parent = await findParent(call);
  if (parent === null) return notFound(RESOURCES[call.route.parent ?? ''] ?? resource);
  const filter = parent === undefined ? resource.ownerField : undefined;
  const filters = (call.route.filters ?? []).filter((entry) => entry.range !== true);
  const ranged = call.route.filters?.find((entry) => entry.range === true);
  const known = ['limit', 'nextToken', ...(filter === undefined ? [] : [filter]), ...filters.map((entry) => entry.field), ...(ranged === undefined ? [] : ['from', 'to'])];
  const unknown = Object.keys(query).filter((name) => !known.includes(name));
  if (unknown.length > 0) return json(400, { errors: ['unknown query parameter ' + unknown.join(', ') + '; known: ' + known.join(', ')] });
  const limit = query['limit'] === undefined ? DEFAULT_LIMIT : Number(query['limit']);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return json(400, { errors: ['limit must be a whole number from 1 to ' + MAX_LIMIT] });
  const read = readFilters(call, filters);
  if (!read.ok) return read.answer;
  const { where, contains, absent } = read;
  const range = ranged === undefined ? { ok: true as const } : readRange(ranged.field, query['from'], query['to']);
  if (!range.ok) return json(400, { errors: [range.error] });
  const owner = parent?.id ?? (filter === undefined ? undefined : query[filter]);
  const nextToken = query['nextToken'];
  const page = await call.deps.repository.list(resource.collection, {
    limit,
    ...(nextToken === undefined ? {} : { nextToken }),
    ...(owner === undefined || owner === '' ? {} : { owner }),
    ...(Object.keys(where).length === 0 ? {} : { where }),
    ...(Object.keys(contains).length === 0 ? {} : { contains }),
    ...(absent.length === 0 ? {} : { absent }),
    ...('range' in range && range.range !== undefined ? { range: range.range } : {}),
  });
  return json(200, { items: page.items.map(toResponse), ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }) });
}

/** A list's or count's filters read from the query: the answer to give instead when one is refused. */
type ReadFilters = { ok: true; where: Record<string, string | boolean>; contains: Record<string, string>; absent: string[] } | { ok: false; answer: HttpApiResult };

const refused = (answer: HttpApiResult): ReadFilters => ({ ok: false, answer });

/**
 * The route's filters (not its range) as given in the query: ?status=open kept as where, ?tags=x as
 * contains, ?enabled=true as the boolean, ?assignee=none as absent, ?assignee=me as the caller; a value outside the filter's values,
 * empty or over 200 characters is refused with 400.
 */
function readFilters(call: Call, filters: NonNullable<Route['filters']>): ReadFilters {
  const query = call.event.queryStringParameters ?? {};
  const where: Record<string, string | boolean> = {};
  const contains: Record<string, string> = {};
  const absent: string[] = [];
  for (const { field, values, caller, missing, contains: holds, yesNo, default: fallback } of filters) {
    // \`Only published articles are visible.\`: without ?status= the list keeps the default status only.
    let value = query[field] ?? fallback;
    if (value === undefined) continue;
    // ?status=any lifts the default: every status is listed.
    if (fallback !== undefined && value === ANY_VALUE) continue;
    // \`list unassigned tickets\`: ?assignee=none keeps the items without one.
    if (missing === true && value === NONE_VALUE) {
      absent.push(field);
      continue;
    }
    // \`list tickets assigned to me\`: ?assignee=me stands for the caller the header names.
    if (caller === true && value === CALLER_VALUE) {
      value = callerOf(call.event);
      if (value === undefined) return refused(json(400, { errors: [field + '=' + CALLER_VALUE + ' needs the ' + CALLER_HEADER + ' header to name the caller'] }));
    }
    if (values !== undefined && !values.includes(value)) return refused(json(400, { errors: [field + ' must be ' + values.join(' or ')] }));
    if (value === '' || value.length > 200) return refused(json(400, { errors: [field + ' must be 1 to 200 characters'] }));
    // \`list products by tag\`: ?tags=fragile keeps the items whose tags hold it.
    if (holds === true) contains[field] = value;
    // \`list enabled flags\`: ?enabled=true compares with the stored boolean, not the text.
    else if (yesNo === true) where[field] = value === 'true';
    else where[field] = value;
  }
  return { ok: true, where, contains, absent };
}

/** The most items a count reads (MAX_COUNT_PAGES pages of MAX_LIMIT); past it the answer says it stopped. */
const MAX_COUNT_PAGES = 100;

/**
 * \`how many calls were recorded\`: the items the create route stored in this collection, read
 * page by page (owner-filtered when given); { count }, and capped: true if it stopped at the bound.
 */
async function count(call: Call): Promise<HttpApiResult> {
  const { resource } = call;
  const query = call.event.queryStringParameters ?? {};
  // \`how many tasks a project has\`: a child's items counted by the parent they were made under.
  const filter = resource.ownerField ?? resource.parent?.field;
  const filters = (call.route.filters ?? []).filter((entry) => entry.range !== true);
  const known = [...(filter === undefined ? [] : [filter]), ...filters.map((entry) => entry.field)];
  const unknown = Object.keys(query).filter((name) => !known.includes(name));
  if (unknown.length > 0) return json(400, { errors: ['unknown query parameter ' + unknown.join(', ') + (known.length === 0 ? '' : '; known: ' + known.join(', '))] });
  const read = readFilters(call, filters);
  if (!read.ok) return read.answer;
  const { where, contains, absent } = read;
  const owner = filter === undefined ? undefined : query[filter];
  let total = 0;
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_COUNT_PAGES; page += 1) {
    const found = await call.deps.repository.list(resource.collection, {
      limit: MAX_LIMIT,
      ...(nextToken === undefined ? {} : { nextToken }),
      ...(owner === undefined || owner === '' ? {} : { owner }),
      ...(Object.keys(where).length === 0 ? {} : { where }),
      ...(Object.keys(contains).length === 0 ? {} : { contains }),
      ...(absent.length === 0 ? {} : { absent }),
    });
    total += found.items.length;
    nextToken = found.nextToken;
    if (nextToken === undefined) return json(200, { count: total });
  }
  return json(200, { count: total, capped: true });
}

/**
 * \`the remaining balance of an invoice\`: the item's total less the sum of the amounts of the
 * children made under it (read page by page, as a count is), worked out on every read and never
 * stored; capped: true if it stopped at the bound.
 */
async function balance(call: Call): Promise<HttpApiResult> {
  const { deps, resource } = call;
  const parts = call.route.balance;
  const child = parts === undefined ? undefined : RESOURCES[parts.child];
  if (parts === undefined || child === undefined) throw new Error('the route names no balance: ' + call.event.routeKey);
  const id = call.event.pathParameters?.['id'] ?? '';
  const item = id === '' ? undefined : await deps.repository.get(resource.collection, id);
  if (item === undefined) return notFound(resource);
  const stated = item.fields[parts.total];
  const total = typeof stated === 'number' ? stated : 0;
  let sum = 0;
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_COUNT_PAGES; page += 1) {
    const found = await deps.repository.list(child.collection, { limit: MAX_LIMIT, owner: id, ...(nextToken === undefined ? {} : { nextToken }) });
    for (const entry of found.items) {
      const amount = entry.fields[parts.amount];
      if (typeof amount === 'number') sum += amount;
    }
    nextToken = found.nextToken;
    if (nextToken === undefined) return json(200, { [parts.total]: total, [parts.amount + 'Sum']: sum, remaining: total - sum });
  }
  return json(200, { [parts.total]: total, [parts.amount + 'Sum']: sum, remaining: total - sum, capped: true });
}

/**
 * \`list entries between two dates\`: ?from= and ?to= (ISO 8601, either may be left out) as UTC
 * date-times, the form the service stores, so the repository compares them as text; both ends included.
 */
function readRange(field: string, from: string | undefined, to: string | undefined): { ok: true; range?: TimeRange } | { ok: false; error: string } {
  for (const [name, value] of [['from', from], ['to', to]] as const)
    if (value !== undefined && !isDateTime(value)) return { ok: false, error: name + ' must be an ISO 8601 date-time (2026-01-02T03:04:05Z)' };
  if (from === undefined && to === undefined) return { ok: true };
  const range: TimeRange = { field, ...(from === undefined ? {} : { from: new Date(from).toISOString() }), ...(to === undefined ? {} : { to: new Date(to).toISOString() }) };
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) return { ok: false, error: 'from must not be after to' };
  return { ok: true, range };
}

async function update(call: Call): Promise<HttpApiResult> {
  const { deps, resource } = call;
  const body = readBody(call.event);
  if (!body.ok) return json(400, { errors: body.errors });
  const check = validateBody(resource, body.value, 'update');
  if (!check.ok) return json(400, { errors: check.errors });
  const existing = await getTarget(call);
  if (existing === undefined) return notFound(resource);
  const refused = refusal({ resource, verb: 'change', current: existing.status, refusedFrom: call.route.refusedFrom ?? [] }) ?? refusedValue(call, existing, check.fields);
  if (refused !== undefined) return json(409, { error: refused });
  const item: StoredItem = { ...existing, version: existing.version + 1, updatedAt: deps.now().toISOString(), fields: { ...existing.fields, ...check.fields } };
  if (!(await deps.repository.replace(resource.collection, item, existing.version))) return changedMeanwhile(resource);
  return json(200, toResponse(item));
}

/**
 * Why an update's body may not set a yes/no value on this item (\`Archived flags cannot be enabled.\`:
 * PATCH with enabled true on an archived flag), as the set routes refuse the same flip; undefined when it may.
 */
function refusedValue(call: Call, existing: StoredItem, fields: Record<string, unknown>): string | undefined {
  const { resource } = call;
  for (const { field, value, inStatuses } of call.route.refusedValues ?? []) {
    if (!(field in fields)) continue;
    // A value is refused even where the item holds it already; without one, only a change is.
    if (value === undefined ? fields[field] === existing.fields[field] : fields[field] !== value) continue;
    if (inStatuses !== undefined && !inStatuses.includes(existing.status ?? '')) continue;
    const item = resource.article + ' ' + spokenName(resource) + (inStatuses === undefined ? '' : ' that is ' + (existing.status ?? ''));
    return 'cannot ' + (value === undefined ? 'change ' + field : 'set ' + field + ' to ' + String(value)) + ' on ' + item;
  }
  return undefined;
}

async function transition(call: Call): Promise<HttpApiResult> {
  const { deps, resource, route } = call;
  const existing = await getTarget(call);
  if (existing === undefined) return notFound(resource);
  const caller = route.callerField === undefined ? undefined : callerOf(call.event);
  if (route.callerField !== undefined && caller === undefined) return json(400, { errors: ['the ' + CALLER_HEADER + ' header must name the caller'] });
  const recorded = readRecorded(call);
  if (!recorded.ok) return json(400, { errors: recorded.errors });
  // \`assign a ticket to myself\` where the statuses have no \`assigned\`: the caller is recorded, the status kept.
  const kept = route.keepsStatus === true ? refusal({ resource, verb: route.action ?? 'change', current: existing.status, refusedFrom: route.refusedFrom ?? [], onlyIn: route.onlyIn ?? [] }) : undefined;
  const check = route.keepsStatus === true ? (kept === undefined ? { ok: true as const, status: existing.status ?? '' } : { ok: false as const, error: kept }) : checkTransition({ resource, action: route.action ?? '', current: existing.status, refusedFrom: route.refusedFrom ?? [], onlyIn: route.onlyIn ?? [] });
  if (!check.ok) return json(409, { error: check.error });
  const moved = { ...existing.fields, ...recorded.fields };
  const fields = route.callerField === undefined || caller === undefined ? moved : { ...moved, [route.callerField]: caller };
  const item: StoredItem = { ...existing, version: existing.version + 1, updatedAt: deps.now().toISOString(), status: check.status, fields };
  if (!(await deps.repository.replace(resource.collection, item, existing.version))) return changedMeanwhile(resource);
  if (route.keepsStatus !== true) await publishStatusChange(call, item, existing.status ?? null);
  await sendNotice(call, item, false);
  return json(200, toResponse(item));
}

/**
 * \`enable a flag\`, \`toggle a flag\`: the service sets the route's yes/no field itself (or flips it),
 * so the value readers see is the one this route made; it takes no body a client could set another with.
 */
async function set(call: Call): Promise<HttpApiResult> {
  const { deps, resource, route } = call;
  const setting = route.sets;
  if (setting === undefined) return json(500, { error: 'route ' + call.event.routeKey + ' sets no field' });
  const existing = await getTarget(call);
  if (existing === undefined) return notFound(resource);
  const refused = refusal({ resource, verb: route.action ?? 'change', current: existing.status, refusedFrom: route.refusedFrom ?? [], onlyIn: route.onlyIn ?? [] });
  if (refused !== undefined) return json(409, { error: refused });
  const value = setting.to === 'toggle' ? existing.fields[setting.field] !== true : setting.to;
  const item: StoredItem = { ...existing, version: existing.version + 1, updatedAt: deps.now().toISOString(), fields: { ...existing.fields, [setting.field]: value } };
  if (!(await deps.repository.replace(resource.collection, item, existing.version))) return changedMeanwhile(resource);
  return json(200, toResponse(item));
}

/**
 * \`I am redirected to the target when I open a short link\`: 302 with the item's URL as Location.
 * Only an absolute http(s) URL is sent on (never \`javascript:\` or a relative path), else 409.
 */
async function redirect(call: Call): Promise<HttpApiResult> {
  const { resource, route } = call;
  const existing = await getTarget(call);
  if (existing === undefined) return notFound(resource);
  const target = existing.fields[route.redirectsTo ?? ''];
  if (typeof target !== 'string' || !isWebUrl(target))
    return json(409, { error: 'this ' + spokenName(resource) + ' has no http(s) ' + (route.redirectsTo ?? 'URL') + ' to redirect to' });
  return { statusCode: 302, headers: { location: target, 'cache-control': 'no-store' }, body: '' };
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * What a move is made with (\`reject a claim with a reason\`): the route's records, each required in
 * the body and checked like any write of the field; a move that records nothing takes no body.
 */
function readRecorded(call: Call): BodyCheck {
  const records = call.route.records ?? [];
  if (records.length === 0) return { ok: true, fields: {} };
  const body = readBody(call.event);
  if (!body.ok) return body;
  const action = call.route.action ?? '';
  const given = typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value) ? Object.keys(body.value) : [];
  const missing = records.filter((name) => !given.includes(name)).map((name) => 'field ' + JSON.stringify(name) + ' is required to ' + action);
  const other = given.filter((name) => !records.includes(name)).map((name) => 'field ' + JSON.stringify(name.slice(0, 64)) + ' is not recorded by ' + action);
  const check = validateBody(call.resource, body.value, 'update');
  const errors = [...missing, ...other, ...(check.ok ? [] : check.errors)];
  return errors.length > 0 || !check.ok ? { ok: false, errors } : check;
}

async function remove(call: Call): Promise<HttpApiResult> {
  const { deps, resource, route } = call;
  const id = call.event.pathParameters?.['id'] ?? '';
  if ((route.refusedFrom ?? []).length > 0 || (route.onlyIn ?? []).length > 0) {
    const existing = await getTarget(call);
    if (existing === undefined) return notFound(resource);
    const refused = refusal({ resource, verb: 'delete', current: existing.status, refusedFrom: route.refusedFrom ?? [], onlyIn: route.onlyIn ?? [] });
    if (refused !== undefined) return json(409, { error: refused });
  }
  // \`not allowed while it has bins\`: refused while an item made under this one exists.
  for (const children of route.refusedWhileHas ?? []) {
    const held = await deps.repository.list(children, { limit: 1, owner: id });
    if (held.items.length > 0) return json(409, { error: 'cannot delete ' + resource.article + ' ' + spokenName(resource) + ' that has ' + children.replace(/-/g, ' ') + ': delete them first' });
  }
  const removed = id !== '' && (await deps.repository.remove(resource.collection, id));
  return removed ? { statusCode: 204, headers: {}, body: '' } : notFound(resource);
}

/**
 * The header naming who calls: the service has no authorizer of its own, so whatever stands in front
 * of it (an authorizer, a gateway) must set this from the caller's verified identity.
 */
export const CALLER_HEADER = 'x-caller-id';

/** A missing filter's value that stands for no value at all (\`GET /tickets?assignee=none\`: the unassigned). */
export const NONE_VALUE = 'none';

/** A caller filter's value that stands for the caller CALLER_HEADER names (\`GET /tickets?assignee=me\`). */
export const CALLER_VALUE = 'me';

/** A defaulted filter's value that lifts the default (\`GET /articles?status=any\`: every status, not only published). */
export const ANY_VALUE = ${codeLiteral(ANY_VALUE)};

/**
 * The header naming the caller's roles, comma-separated (\`admin,agent\`): like CALLER_HEADER, whatever
 * stands in front of the service must set it from the verified identity (a JWT's groups claim) and
 * drop any value the client sent.
 */
export const ROLES_HEADER = 'x-caller-roles';

/** The caller's roles from ROLES_HEADER: each 1-64 letters, digits or ._:-; others are ignored. */
function rolesOf(event: HttpApiEvent): string[] {
  const value = event.headers?.[ROLES_HEADER] ?? '';
  return value.split(',').map((role) => role.trim()).filter((role) => /^[A-Za-z0-9._:-]{1,64}$/.test(role));
}

/** The caller's identity from CALLER_HEADER: 1-128 letters, digits or ._@:-, else undefined. */
function callerOf(event: HttpApiEvent): string | undefined {
  const value = event.headers?.[CALLER_HEADER]?.trim() ?? '';
  return /^[A-Za-z0-9._@:-]{1,128}$/.test(value) ? value : undefined;
}

/**
 * For a route under a parent (\`POST /tickets/{id}/comments\`): the parent named by the path, or null
 * when it does not exist, so nothing is made under a missing parent. Undefined for other routes.
 */
async function findParent(call: Call): Promise<StoredItem | null | undefined> {
  const parent = call.route.parent === undefined ? undefined : RESOURCES[call.route.parent];
  if (parent === undefined) return undefined;
  const id = call.event.pathParameters?.['id'] ?? '';
  return (id === '' ? undefined : await call.deps.repository.get(parent.collection, id)) ?? null;
}

async function getTarget(call: Call): Promise<StoredItem | undefined> {
  const id = call.event.pathParameters?.['id'] ?? '';
  return id === '' ? undefined : call.deps.repository.get(call.resource.collection, id);
}

/**
 * The change is stored before it is published. If publishing fails the change stands (a client
 * retrying would otherwise repeat it) and the event is logged whole, as status-event-not-published,
 * for the template's alarm and for replay.
 */
async function publishStatusChange(call: Call, item: StoredItem, from: string | null): Promise<void> {
  const { deps, resource } = call;
  if (resource.statusEventType === undefined || deps.statusEvents === undefined || item.status === undefined) return;
  const change = { resource: resource.name, id: item.id, from, to: item.status, at: item.updatedAt, item: toResponse(item) };
  try {
    await deps.statusEvents.publish(change);
  } catch (error) {
    call.log({ level: 'error', outcome: 'status-event-not-published', change, error: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Tells the notification topic when the item reached a moment a story named: a status in
 * resource.notify.statuses (a new item's first status too), or its making, for notify.created. Like a
 * status event, the change stands if telling fails; the notice is logged whole, as
 * notification-not-sent, for the template's alarm.
 */
async function sendNotice(call: Call, item: StoredItem, made: boolean): Promise<void> {
  const { deps, resource } = call;
  const notify = resource.notify;
  if (notify === undefined || deps.notifications === undefined) return;
  const reached = item.status !== undefined && (notify.statuses ?? []).includes(item.status);
  if (!reached && !(made && notify.created === true)) return;
  const happened = reached && item.status !== undefined ? item.status : 'created';
  const name = spokenName(resource);
  const said = name.charAt(0).toUpperCase() + name.slice(1) + ' ' + happened;
  const notice: Notice = {
    resource: resource.name,
    id: item.id,
    happened,
    subject: (said + ': ' + item.id).replace(/[^\\x20-\\x7e]/g, '?').slice(0, 100),
    message: said + ' (id ' + item.id + ', at ' + item.updatedAt + ').\\n\\n' + JSON.stringify(toResponse(item), null, 2),
    item: toResponse(item),
  };
  try {
    await deps.notifications.notify(notice);
  } catch (error) {
    call.log({ level: 'error', outcome: 'notification-not-sent', notice, error: error instanceof Error ? error.message : String(error) });
  }
}

function toResponse(item: StoredItem): Record<string, unknown> {
  return {
    ...item.fields,
    id: item.id,
    ...(item.status === undefined ? {} : { status: item.status }),
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
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

function notFound(resource: ResourceModel): HttpApiResult {
  return json(404, { error: 'no such ' + spokenName(resource) });
}

function changedMeanwhile(resource: ResourceModel): HttpApiResult {
  return json(409, { error: 'the ' + spokenName(resource) + ' changed meanwhile; read it again and retry' });
}

function json(statusCode: number, value: unknown, headers: Record<string, string> = {}): HttpApiResult {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}
`;
