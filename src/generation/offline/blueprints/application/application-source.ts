import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { indefiniteArticle } from '../../../../core/text/indefinite-article.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { spokenName } from '../../naming/spoken-name.js';
import { APP_SOURCE, HTTP_TYPES_SOURCE } from './engine/app-source.js';
import { DYNAMODB_REPOSITORY_SOURCE } from './engine/dynamodb-repository-source.js';
import { ITEM_REPOSITORY_SOURCE } from './engine/item-repository-source.js';
import {
  EVENTBRIDGE_STATUS_EVENTS_SOURCE,
  STATUS_EVENTS_SOURCE,
  STATUS_RULES_SOURCE,
} from './engine/status-source.js';
import { NOTIFICATIONS_SOURCE, SNS_NOTIFICATIONS_SOURCE } from './engine/notification-source.js';
import { VALIDATE_BODY_SOURCE } from './engine/validate-body-source.js';
import { metNotices } from './model/met-notices.js';
import type { FieldSpec, Resource, ResourceModel } from './model/resource-model-types.js';

/** The service's TypeScript: the resource model and route table as data, one engine that serves them, thin AWS adapters. */
export function applicationSource(params: {
  baseDir: string;
  model: ResourceModel;
  eventSource: string;
}): GeneratedFile[] {
  const events = publishesEvents(params.model);
  const notices = metNotices(params.model).length > 0;
  const files: [string, string][] = [
    ['http-types.ts', HTTP_TYPES_SOURCE],
    ['model.ts', modelModule(params.model, params.eventSource)],
    ['validate-body.ts', VALIDATE_BODY_SOURCE],
    ['item-repository.ts', ITEM_REPOSITORY_SOURCE],
    ['dynamodb-item-repository.ts', DYNAMODB_REPOSITORY_SOURCE],
    ['status-rules.ts', STATUS_RULES_SOURCE],
    ['status-events.ts', STATUS_EVENTS_SOURCE],
    ...(events
      ? ([['eventbridge-status-events.ts', EVENTBRIDGE_STATUS_EVENTS_SOURCE]] as [string, string][])
      : []),
    ['notifications.ts', NOTIFICATIONS_SOURCE],
    ...(notices ? ([['sns-notifications.ts', SNS_NOTIFICATIONS_SOURCE]] as [string, string][]) : []),
    ['routes.ts', routesModule(params.model)],
    ['app.ts', APP_SOURCE],
    ['handler.ts', handlerModule({ events, notices })],
  ];
  return files.map(([name, content]) => ({ path: `${params.baseDir}/src/${name}`, role: 'source', content }));
}

export function publishesEvents(model: ResourceModel): boolean {
  return model.resources.some((resource) => resource.statusEventType !== undefined);
}

function modelModule(model: ResourceModel, eventSource: string): string {
  const entries = model.resources.map(
    (resource) => `  ${resource.name}: ${resourceLiteral(resource, notifyLiteral(model, resource))},`,
  );
  return `export type FieldType = 'string' | 'number' | 'boolean' | 'list';

/** A declared field: its type is checked on every write, and required fields must be given on create. */
export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  /** For lists: the fewest and the most entries allowed. */
  minItems?: number;
  maxItems?: number;
  /** For strings: the only values allowed. */
  values?: string[];
  /** For strings: the length allowed, in characters. */
  minLength?: number;
  maxLength?: number;
  /** For numbers: the inclusive range allowed. */
  minimum?: number;
  maximum?: number;
  /** For numbers: bounds a value must be beyond (greater than 0). */
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  /** For numbers: whole numbers only (an amount in cents). */
  integer?: boolean;
  /** For strings: an ISO 8601 date-time, stored in UTC (2026-01-02T03:04:05.000Z) so ranges compare as text. */
  format?: 'date-time';
  /** For numbers: a count the service keeps (votes): 0 when the item is made, never written by a client. */
  counter?: boolean;
}

/** Statuses the service manages: clients never write status, the routes move it. */
export interface StatusMachine {
  initial: string;
  /** Action name (the route's last segment) → the status it sets. */
  transitions: Record<string, string>;
  /** Statuses nothing moves an item out of. */
  terminal: string[];
}

export interface ResourceModel {
  name: string;
  /** The indefinite article before the name as messages say it (\`an order\`, \`a user account\`). */
  article: 'a' | 'an';
  /** Path segment and table partition. */
  collection: string;
  fields: FieldSpec[];
  /** The field naming whose item it is; lists can be filtered by it. */
  ownerField?: string;
  /** The resource this one is made under: created and listed at /<parent collection>/{id}/<collection>, the parent's id kept in field. */
  parent?: { resource: string; field: string };
  status?: StatusMachine;
  /** When set, every status change is published as an event of this detail type. */
  statusEventType?: string;
  /** When set, people are told (the notification topic) when an item reaches one of these statuses, or is made. */
  notify?: { statuses?: string[]; created?: true };
}

/** The service's resources, derived from the request's user stories. */
export const RESOURCES: Readonly<Record<string, ResourceModel>> = {
${entries.join('\n')}
};

/** The EventBridge source of this service's events. */
export const EVENT_SOURCE = ${codeLiteral(eventSource)};
`;
}

/** `notify: { statuses: ['submitted'] }`: the moments the model's notice stories name for this resource. */
function notifyLiteral(model: ResourceModel, resource: Resource): string | undefined {
  const moments = metNotices(model).filter((moment) => moment.resource === resource.name);
  if (moments.length === 0) return undefined;
  const statuses = [...new Set(moments.flatMap((moment) => ('status' in moment ? [moment.status] : [])))];
  const parts = [
    ...(statuses.length === 0 ? [] : [`statuses: [${statuses.map(codeLiteral).join(', ')}]`]),
    ...(moments.some((moment) => 'created' in moment) ? ['created: true'] : []),
  ];
  return `notify: { ${parts.join(', ')} }`;
}

/** The field's bounds as model properties (`, minimum: 1, maximum: 10000`), numbers only, in a fixed order. */
function boundsLiteral(field: FieldSpec): string {
  const bounds = [
    ['maxItems', field.maxItems],
    ['minLength', field.minLength],
    ['maxLength', field.maxLength],
    ['minimum', field.minimum],
    ['maximum', field.maximum],
    ['exclusiveMinimum', field.exclusiveMinimum],
    ['exclusiveMaximum', field.exclusiveMaximum],
  ] as const;
  const numbers = bounds.flatMap(([name, value]) => (value === undefined ? [] : [`, ${name}: ${value}`]));
  return `${numbers.join('')}${field.integer === true ? ', integer: true' : ''}`;
}

function resourceLiteral(resource: Resource, notify: string | undefined): string {
  const fields = resource.fields.map(
    (field) =>
      `{ name: ${codeLiteral(field.name)}, type: ${codeLiteral(field.type)}, required: ${String(field.required)}${field.minItems === undefined ? '' : `, minItems: ${field.minItems}`}${field.values === undefined ? '' : `, values: [${field.values.map(codeLiteral).join(', ')}]`}${boundsLiteral(field)}${field.format === undefined ? '' : `, format: ${codeLiteral(field.format)}`}${field.counter === true ? ', counter: true' : ''} }`,
  );
  const lines = [
    `name: ${codeLiteral(resource.name)}`,
    `article: ${codeLiteral(indefiniteArticle(spokenName(resource.name)))}`,
    `collection: ${codeLiteral(resource.collection)}`,
    `fields: [${fields.join(', ')}]`,
  ];
  if (resource.ownerField !== undefined) lines.push(`ownerField: ${codeLiteral(resource.ownerField)}`);
  if (resource.parent !== undefined)
    lines.push(
      `parent: { resource: ${codeLiteral(resource.parent.name)}, field: ${codeLiteral(resource.parent.field)} }`,
    );
  const status = resource.status;
  if (status !== undefined) {
    const transitions = status.transitions.map(
      (transition) => `${codeLiteral(transition.action)}: ${codeLiteral(transition.to)}`,
    );
    lines.push(
      `status: { initial: ${codeLiteral(status.initial)}, transitions: { ${transitions.join(', ')} }, terminal: [${status.terminal.map(codeLiteral).join(', ')}] }`,
    );
  }
  if (resource.statusEventType !== undefined)
    lines.push(`statusEventType: ${codeLiteral(resource.statusEventType)}`);
  if (notify !== undefined) lines.push(notify);
  return `{\n${lines.map((line) => `    ${line},`).join('\n')}\n  }`;
}

function routesModule(model: ResourceModel): string {
  const entries = model.operations.map((operation) => {
    const comments =
      operation.stories.length === 0
        ? [
            `  // Supports the stories: ${operation.kind === 'create' ? 'something must write' : operation.kind === 'list' ? 'what is made under a parent is listed under it' : 'what is written must be read back by id'}.`,
          ]
        : operation.stories.map(({ intent }) => `  // Story ${intent.number}: ${intent.text}`);
    const parts = [
      `operation: ${codeLiteral(operation.kind)}`,
      `resource: ${codeLiteral(operation.resource)}`,
    ];
    if (operation.action !== undefined) parts.push(`action: ${codeLiteral(operation.action)}`);
    if (operation.redirectsTo !== undefined) parts.push(`redirectsTo: ${codeLiteral(operation.redirectsTo)}`);
    if (operation.sets !== undefined)
      parts.push(
        `sets: { field: ${codeLiteral(operation.sets.field)}, to: ${operation.sets.to === 'toggle' ? codeLiteral('toggle') : String(operation.sets.to)} }`,
      );
    if (operation.parent !== undefined) parts.push(`parent: ${codeLiteral(operation.parent)}`);
    if (operation.balance !== undefined)
      parts.push(
        `balance: { total: ${codeLiteral(operation.balance.total)}, child: ${codeLiteral(operation.balance.child)}, amount: ${codeLiteral(operation.balance.amount)} }`,
      );
    if (operation.refusedFrom.length > 0)
      parts.push(`refusedFrom: [${operation.refusedFrom.map(codeLiteral).join(', ')}]`);
    if (operation.onlyIn.length > 0) parts.push(`onlyIn: [${operation.onlyIn.map(codeLiteral).join(', ')}]`);
    if (operation.refusedWhileHas !== undefined)
      parts.push(`refusedWhileHas: [${operation.refusedWhileHas.map(codeLiteral).join(', ')}]`);
    if (operation.refusedValues !== undefined)
      parts.push(
        `refusedValues: [${operation.refusedValues.map((refused) => `{ field: ${codeLiteral(refused.field)}${refused.value === undefined ? '' : `, value: ${String(refused.value)}`}${refused.inStatuses === undefined ? '' : `, inStatuses: [${refused.inStatuses.map(codeLiteral).join(', ')}]`} }`).join(', ')}]`,
      );
    if (operation.callerField !== undefined) parts.push(`callerField: ${codeLiteral(operation.callerField)}`);
    if (operation.keepsStatus === true) parts.push('keepsStatus: true');
    if (operation.records.length > 0)
      parts.push(`records: [${operation.records.map(codeLiteral).join(', ')}]`);
    if (operation.filters.length > 0)
      parts.push(
        `filters: [${operation.filters.map((filter) => `{ field: ${codeLiteral(filter.field)}${filter.values === undefined ? '' : `, values: [${filter.values.map(codeLiteral).join(', ')}]`}${filter.caller === true ? ', caller: true' : ''}${filter.missing === true ? ', missing: true' : ''}${filter.contains === true ? ', contains: true' : ''}${filter.range === true ? ', range: true' : ''}${filter.yesNo === true ? ', yesNo: true' : ''}${filter.default === undefined ? '' : `, default: ${codeLiteral(filter.default)}`} }`).join(', ')}]`,
      );
    if (operation.roles.length > 0) parts.push(`roles: [${operation.roles.map(codeLiteral).join(', ')}]`);
    return [...comments, `  ${codeLiteral(operation.routeKey)}: { ${parts.join(', ')} },`].join('\n');
  });
  return `export type Operation = 'create' | 'read' | 'list' | 'update' | 'delete' | 'transition' | 'set' | 'redirect' | 'count' | 'balance';

export interface Route {
  operation: Operation;
  /** A key of RESOURCES. */
  resource: string;
  /** For transitions: the action, a key of the resource's status transitions; for sets, the route's last segment. */
  action?: string;
  /** For sets (\`enable a flag\`): the declared yes/no field the service sets to \`to\`, or flips (\`toggle\`). */
  sets?: { field: string; to: boolean | 'toggle' };
  /** For redirects (\`I am redirected to the target\`): the field whose http(s) URL is answered with 302 and Location. */
  redirectsTo?: string;
  /** For a create or list under a parent: the parent's key in RESOURCES; the path's {id} is the parent's id. */
  parent?: string;
  /**
   * For a balance (\`the remaining balance of an invoice\`): the item's total field less the sum of
   * amount over the child items (a key of RESOURCES) made under it, answered as { total, amountSum, remaining }.
   */
  balance?: { total: string; child: string; amount: string };
  /** Statuses the route refuses to act on. */
  refusedFrom?: string[];
  /** The only statuses the route acts on (\`delete a closed ticket\`, \`reopen a resolved ticket\`); any other is refused with 409. */
  onlyIn?: string[];
  /** For deletes: collections of items made under this one; while one exists the delete answers 409 (\`not allowed while it has bins\`). */
  refusedWhileHas?: string[];
  /**
   * For updates: yes/no values the body may not set on an item in those statuses (every status when
   * absent), answered 409 (\`Archived flags cannot be enabled.\` → { field: 'enabled', value: true,
   * inStatuses: ['archived'] }); without value, any change of the field is refused.
   */
  refusedValues?: { field: string; value?: boolean; inStatuses?: string[] }[];
  /** For a move that records the caller (callerField) only: the item keeps its status. */
  keepsStatus?: boolean;
  /** For transitions: declared fields the body must give, recorded by the move (\`reject a claim with a reason\`); else 400. */
  records?: string[];
  /** A field the route sets to the caller named by the x-caller-id header (\`assign a ticket to myself\`). */
  callerField?: string;
  /**
   * For lists: query parameters that keep only the items whose status (field 'status') or declared
   * field equals the value given (\`list open tickets\` → ?status=open); a value outside values answers 400.
   * With caller, the value \`me\` stands for the caller the x-caller-id header names (\`list tickets
   * assigned to me\` → ?assignee=me), and answers 400 without that header. With missing, the value
   * \`none\` keeps the items without the field (\`list unassigned tickets\` → ?assignee=none). With
   * contains, the field is a list and the items kept are those whose list holds the value
   * (\`list products by tag\` → ?tags=fragile). With range, the query parameters are from and to,
   * ISO 8601 date-times, keeping the items whose time field (createdAt or a declared date-time field)
   * is within them, both ends included (\`list entries between two dates\` → ?from=…&to=…); a value
   * that is not a date-time answers 400. With yesNo, the field is a yes/no one and \`true\` or \`false\`
   * keeps the items whose field holds that boolean (\`list enabled flags\` → ?enabled=true).
   */
  /** \`default\`: the value used when the query names none (\`Only published articles are visible.\` → published); ANY_VALUE lifts it. */
  filters?: { field: string; values?: string[]; caller?: true; missing?: true; contains?: true; range?: true; yesNo?: true; default?: string }[];
  /** Roles the caller must hold, one of them named by the x-caller-roles header (\`As an admin I can delete\`); else 403. */
  roles?: string[];
}

/** Route keys, as API Gateway sends them, to what they do; the template declares the same keys. */
export const ROUTES: Readonly<Record<string, Route>> = {
${entries.join('\n')}
};
`;
}

function handlerModule(params: { events: boolean; notices: boolean }): string {
  const { events, notices } = params;
  const imports = [
    `import { randomUUID } from 'node:crypto';`,
    `import { createApp } from './app';`,
    `import type { App } from './app';`,
    `import { connectDocumentTable, createDynamoDbItemRepository } from './dynamodb-item-repository';`,
    ...(events
      ? [`import { connectPutEvents, createEventBridgeStatusEvents } from './eventbridge-status-events';`]
      : []),
    `import type { HttpApiEvent, HttpApiResult } from './http-types';`,
    ...(events ? [`import { EVENT_SOURCE } from './model';`] : []),
    ...(notices ? [`import { connectPublish, createSnsNotifications } from './sns-notifications';`] : []),
  ];
  const lines = [
    `  const repository = createDynamoDbItemRepository(await connectDocumentTable(requiredEnv('TABLE_NAME')));`,
    ...(events
      ? [
          `  const putEvents = await connectPutEvents();`,
          `  const statusEvents = createEventBridgeStatusEvents({ busName: requiredEnv('EVENT_BUS_NAME'), source: EVENT_SOURCE, putEvents });`,
        ]
      : []),
    ...(notices
      ? [
          `  const notifications = createSnsNotifications({ topicArn: requiredEnv('NOTIFICATION_TOPIC_ARN'), publish: await connectPublish() });`,
        ]
      : []),
    `  return createApp({ repository, ${events ? 'statusEvents, ' : ''}${notices ? 'notifications, ' : ''}newId: randomUUID, now: () => new Date() });`,
  ];
  const start = lines.join('\n');
  return `${imports.join('\n')}

let app: Promise<App> | undefined;

/** Lambda entry point: one app per container, made on the first request (again after a failed start). */
export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  app ??= start().catch((error: unknown) => {
    app = undefined;
    throw error;
  });
  return (await app)(event);
}

async function start(): Promise<App> {
${start}
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error('environment variable ' + name + ' is not set');
  return value;
}
`;
}
