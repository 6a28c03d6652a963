import { spokenName } from '../../naming/spoken-name.js';
import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { withArticle } from '../../naming/article.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { publishesEvents } from './application-source.js';
import {
  ROUTES_MATCH_TEMPLATE,
  TABLE_SETTINGS,
  TEST_FILES,
  eventFailureTitle,
  eventsTitle,
  lifecycleTitle,
  statusesTitle,
  validationTitle,
} from './application-test-titles.js';
import { ADAPTER_TESTS, EVENTBRIDGE_TEST } from './application-adapter-tests.js';
import { logRetentionTest } from '../../cfn/log-retention-test.js';
import { keptCountChecks } from './kept-count-checks.js';
import { camel } from './model/camel.js';
import { resourceRouteKey } from './model/resource-route-key.js';
import { routeKey } from './model/route-key.js';
import { createCall, parentTest } from './application-create-call.js';
import type { ParsedStory } from './model/parsed-story.js';
import type { FieldSpec, Operation, Resource, ResourceModel } from './model/resource-model-types.js';
import { numberIn, ownerSample, sampleBody, textIn } from './model/sample-body.js';
import { twoFilterValues } from './filter-test-values.js';
import { keepUsedImports } from './engine/keep-used-imports.js';
import { movesFromNew } from './moves-from-new.js';
import { noticeFailureTests, noticeStoryTests } from './application-notice-tests.js';
import { prohibitionTest, qualifiedProhibitionTests } from './prohibition-coverage.js';
import { refusedMoveTests } from './refused-move-coverage.js';
import { visibleDefaultTest } from './visible-default-test.js';
import { ANY_VALUE } from './model/visible-status.js';

const HEADER = `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/app';
import type { AppDependencies } from '../src/app';
import type { HttpApiEvent } from '../src/http-types';
import { InMemoryItemRepository } from '../src/item-repository';
import { RESOURCES } from '../src/model';
import { ROUTES } from '../src/routes';
import { checkTransition } from '../src/status-rules';
import { RecordingNotifications } from '../src/notifications';
import { RecordingStatusEvents } from '../src/status-events';

interface Answer {
  status: number;
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the assertions
  body: any;
}

interface CallOptions {
  id?: string;
  body?: unknown;
  query?: Record<string, string>;
  /** Sent as the x-caller-id header; 'caller-1' unless given, none when null. */
  caller?: string | null;
  /** Sent as the x-caller-roles header; every role a route requires unless given, none when null. */
  roles?: string | null;
}

/** Every role a route requires: the default caller holds them all, so only the tests that say otherwise are refused. */
const ALL_ROLES = [...new Set(Object.values(ROUTES).flatMap((route) => route.roles ?? []))].join(',');

/** The app on an in-memory store and recorded events: every test drives it through its routes only. */
function setup(overrides: Partial<AppDependencies> = {}) {
  let counter = 0;
  const statusEvents = new RecordingStatusEvents();
  const notifications = new RecordingNotifications();
  const logs: Record<string, unknown>[] = [];
  const app = createApp({
    repository: new InMemoryItemRepository(),
    newId: () => 'id-' + String(++counter).padStart(3, '0'),
    now: () => new Date('2030-01-01T00:00:00.000Z'),
    statusEvents,
    notifications,
    log: (entry) => void logs.push(entry),
    ...overrides,
  });
  const call = async (routeKey: string, options: CallOptions = {}): Promise<Answer> => {
    const body = options.body ?? moveBody(routeKey);
    const event: HttpApiEvent = {
      routeKey,
      ...(options.id === undefined ? {} : { pathParameters: { id: options.id } }),
      ...(options.query === undefined ? {} : { queryStringParameters: options.query }),
      headers: {
        ...(options.caller === null ? {} : { 'x-caller-id': options.caller ?? 'caller-1' }),
        ...(options.roles === null || (options.roles ?? ALL_ROLES) === '' ? {} : { 'x-caller-roles': options.roles ?? ALL_ROLES }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    };
    const result = await app(event);
    return { status: result.statusCode, headers: result.headers, body: result.body === '' ? undefined : JSON.parse(result.body) };
  };
  return { call, statusEvents, notifications, logs };
}

/** A move that records fields (\`reject a claim with a reason\`) is made with a value for each, unless a test gives the body. */
function moveBody(routeKey: string): Record<string, unknown> | undefined {
  const route = ROUTES[routeKey];
  const records = route?.records ?? [];
  if (route === undefined || records.length === 0) return undefined;
  const fields = RESOURCES[route.resource]?.fields ?? [];
  return Object.fromEntries(
    records.map((name) => {
      const field = fields.find((candidate) => candidate.name === name);
      const value =
        field?.values?.[0] ??
        (field?.type === 'number' ? (field.minimum ?? (field.exclusiveMinimum === undefined ? 1 : Math.floor(field.exclusiveMinimum) + 1)) : field?.type === 'boolean' ? true : field?.type === 'list' ? Array.from({ length: Math.max(field.minItems ?? 1, 1) }, () => 'recorded') : 'recorded');
      return [name, value];
    }),
  );
}

`;

/** Helpers a suite defines only when its tests call them: a service's own lint refuses unused ones. */
const HELPERS: readonly { readonly name: string; readonly code: string }[] = [
  {
    name: 'omit',
    code: `
function omit(body: Record<string, unknown>, name: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== name));
}
`,
  },
  {
    name: 'ids',
    code: `
function ids(answer: Answer): string[] {
  return (answer.body.items as { id: string }[]).map((item) => item.id);
}
`,
  },
];

/** Jest suites proving the routes work together on the model, through the handler only: no test writes the store directly. */
export function applicationTests(
  baseDir: string,
  model: ResourceModel,
  /** The template's default log retention, in days (`logRetentionDefault`: the days asked, else by environment). */
  logDays: number,
): GeneratedFile[] {
  const samples = model.resources.map(
    (resource) => `  ${resource.name}: ${JSON.stringify(sampleBody(resource))},`,
  );
  const fixed = `
describe('HTTP API', () => {
  it('answers the health check', async () => {
    const { call } = setup();
    expect(await call('GET /health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('answers 404 for a route it does not serve', async () => {
    const { call } = setup();
    expect((await call('PATCH /nowhere')).status).toBe(404);
  });

  it(${codeLiteral(TABLE_SETTINGS)}, () => {
    const template = readFileSync(join(__dirname, '..', 'template.yaml'), 'utf8');
    const table = /^ {2}ItemsTable:\\n((?: {4}.*\\n)+)/m.exec(template)?.[1] ?? '';
    expect(table).toMatch(/^ {4}DeletionPolicy: Retain$/m);
    expect(table).toMatch(/^ {6}BillingMode: PAY_PER_REQUEST$/m);
    expect(table).toMatch(/^ {6}SSESpecification:\\n {8}SSEEnabled: true$/m);
    expect(table).toMatch(/^ {6}PointInTimeRecoverySpecification:\\n {8}PointInTimeRecoveryEnabled: true$/m);
  });
${logRetentionTest(logDays)}
  it(${codeLiteral(ROUTES_MATCH_TEMPLATE)}, () => {
    const template = readFileSync(join(__dirname, '..', 'template.yaml'), 'utf8');
    const declared = [...template.matchAll(/^\\s*RouteKey: (.+)$/gm)].map((match) => (match[1] ?? '').trim()).sort();
    expect(declared).toEqual(['GET /health', ...Object.keys(ROUTES)].sort());
  });
});
`;
  const noticeFailures = noticeFailureTests(model);
  const perResource = [
    ...model.resources.map((resource) => resourceTests(resource, model)),
    ...(noticeFailures === '' ? [] : [`describe('notices', () => {${noticeFailures}});\n`]),
  ].join('\n');
  const stories = model.operations
    .flatMap((operation) =>
      operation.stories.map((story) =>
        storyTest({
          operation,
          model,
          story,
          number: story.intent.number,
          title: story.intent.testTitle,
          text: story.intent.text,
        }),
      ),
    )
    .concat(eventStoryTests(model), noticeStoryTests(model))
    .sort((left, right) => left.number - right.number)
    .map((test) => test.code)
    .join('\n');
  const body = `
/** A valid create body per resource. */
const SAMPLES = {
${samples.join('\n')}
};
${fixed}${perResource}
describe('user stories', () => {
${stories}});
`;
  const helpers = HELPERS.filter((helper) => new RegExp(`\\b${helper.name}\\(`).test(body))
    .map((helper) => helper.code)
    .join('');
  const app = `${keepUsedImports(HEADER, body)}${helpers}${body}`;
  const files: GeneratedFile[] = [
    { path: `${baseDir}/${TEST_FILES.app}`, role: 'test', content: app },
    { path: `${baseDir}/${TEST_FILES.dynamodb}`, role: 'test', content: ADAPTER_TESTS },
  ];
  if (publishesEvents(model))
    files.push({ path: `${baseDir}/${TEST_FILES.events}`, role: 'test', content: EVENTBRIDGE_TEST });
  return files;
}

function resourceTests(resource: Resource, model: ResourceModel): string {
  const key = (kind: Operation['kind']) =>
    model.operations.find((operation) => operation.resource === resource.name && operation.kind === kind)
      ?.routeKey;
  const read = codeLiteral(routeKey(resource.collection, 'read'));
  const sample = `SAMPLES.${resource.name}`;
  const steps: string[] = [];
  const listed = model.operations.find(
    (operation) => operation.resource === resource.name && operation.kind === 'list',
  );
  if (listed !== undefined)
    steps.push(
      `    expect(ids(await call(${codeLiteral(listed.routeKey)}${resource.parent === undefined ? everyStatusQuery(listed) : `, { id: created.body.${resource.parent.field} }`}))).toEqual([id]);`,
    );
  const update = key('update');
  if (update !== undefined)
    steps.push(`    const changed = await call(${codeLiteral(update)}, { id, body: { note: 'changed' } });
    expect(changed).toMatchObject({ status: 200, body: { note: 'changed', version: 2 } });
    expect((await call(${read}, { id })).body).toEqual(changed.body);`);
  const transition = resource.status?.transitions.find(
    (candidate) =>
      candidate.to !== resource.status?.initial && movesFromNew({ resource, model, transition: candidate }),
  );
  const transitionKey = key('transition');
  if (transition !== undefined && transitionKey !== undefined) {
    const moveKey = codeLiteral(routeKey(resource.collection, 'transition', transition.action));
    steps.push(`    const moved = await call(${moveKey}, { id });
    expect(moved).toMatchObject({ status: 200, body: { status: ${codeLiteral(transition.to)} } });
    expect((await call(${read}, { id })).body).toEqual(moved.body);`);
  }
  const remove = model.operations.find(
    (operation) => operation.resource === resource.name && operation.kind === 'delete',
  );
  // A delete only in some states (`delete a closed ticket`) is refused in the status the steps above left.
  const current =
    transition !== undefined && transitionKey !== undefined ? transition.to : resource.status?.initial;
  if (remove !== undefined && remove.onlyIn.length > 0 && !remove.onlyIn.includes(current ?? ''))
    steps.push(`    expect((await call(${codeLiteral(remove.routeKey)}, { id })).status).toBe(409);
    expect((await call(${read}, { id })).status).toBe(200);`);
  else if (remove !== undefined)
    steps.push(`    expect((await call(${codeLiteral(remove.routeKey)}, { id })).status).toBe(204);
    expect((await call(${read}, { id })).status).toBe(404);`);
  const declared = resource.fields.filter(
    (field) => field.name !== resource.ownerField && field.counter !== true,
  );
  const typeChecks = declared.map((field) => {
    const wrong = field.type === 'string' ? '42' : field.type === 'list' ? "'not a list'" : "'text'";
    const notATime =
      field.format === 'date-time'
        ? `\n    expect((await ${createCall(resource, `{ ...${sample}, ${field.name}: 'not a date' }`)}).status).toBe(400);`
        : '';
    return `    expect((await ${createCall(resource, `{ ...${sample}, ${field.name}: ${wrong} }`)}).status).toBe(400);${notATime}`;
  });
  // `Each claim belongs to an employee`: whose an item is, required on every create.
  const owner = resource.fields.find((field) => field.name === resource.ownerField && field.required);
  if (owner !== undefined)
    typeChecks.push(
      `    expect(await ${createCall(resource, `omit(${sample}, ${codeLiteral(owner.name)})`)}).toMatchObject({ status: 400, body: { errors: ['field "${owner.name}" is required'] } });`,
    );
  typeChecks.push(...keptCountChecks(resource, model, sample));
  const events = resource.statusEventType === undefined ? '' : eventTests(resource, model);
  const statuses = statusTests(resource, model);
  return `
describe(${codeLiteral(spokenName(resource.name))}, () => {
  it(${codeLiteral(lifecycleTitle(resource, model))}, async () => {
    const { call } = setup();
    const created = await ${createCall(resource, `${sample}`)};
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(${sample});
    const id = created.body.id as string;
    expect(created.headers['location']).toBe(${codeLiteral(`/${resource.collection}/`)} + id);
    expect(await call(${read}, { id })).toMatchObject({ status: 200, body: created.body });
${steps.join('\n')}
  });

  it(${codeLiteral(validationTitle(resource))}, async () => {
    const { call } = setup();
    expect((await ${createCall(resource, `'{"broken": '`)}).status).toBe(400);
    expect((await ${createCall(resource, `[]`)}).status).toBe(400);
    for (const reserved of ['id', 'version', 'createdAt', 'status']) {
      const answer = await ${createCall(resource, `{ ...${sample}, [reserved]: 'forged' }`)};
      expect(answer).toMatchObject({ status: 400, body: { errors: ['field "' + reserved + '" is set by the service'] } });
    }
    expect((await ${createCall(resource, `{ ...${sample}, note: { nested: { deeper: 1 } } }`)}).status).toBe(400);
    expect((await ${createCall(resource, `{ ...${sample}, note: 'x'.repeat(2001) }`)}).status).toBe(400);
${typeChecks.join('\n')}
    expect((await call(${read}, { id: 'no-such-id' })).status).toBe(404);
  });
${parentTest(resource)}${prohibitionTest(resource, model)}${qualifiedProhibitionTests(resource, model)}${refusedMoveTests(resource, model)}${visibleDefaultTest(resource, model)}${statuses}${events}});
`;
}

/**
 * Each status a story names, reached through the route that sets it and read back through another:
 * a status no route sets is named in the coverage table instead.
 */
function statusTests(resource: Resource, model: ResourceModel): string {
  const status = resource.status;
  const reachable = reachableTransitions(resource, model);
  if (status === undefined || reachable.length === 0) return '';
  const read = codeLiteral(routeKey(resource.collection, 'read'));
  const steps = reachable.map(
    ({ operation }) => `    {
      const { body } = await ${createCall(resource, `SAMPLES.${resource.name}`)};
      expect(body.status).toBe(${codeLiteral(status.initial)});
      expect((await call(${codeLiteral(operation.routeKey)}, { id: body.id })).status).toBe(200);
      reached.push((await call(${read}, { id: body.id })).body.status);
    }`,
  );
  return `
  it(${codeLiteral(statusesTitle(resource))}, async () => {
    const { call } = setup();
    const reached: string[] = [];
${steps.join('\n')}
    expect(reached).toEqual([${reachable.map(({ transition }) => codeLiteral(transition.to)).join(', ')}]);
  });
`;
}

function eventTests(resource: Resource, model: ResourceModel): string {
  const read = codeLiteral(routeKey(resource.collection, 'read'));
  const transition = resource.status?.transitions.find(
    (candidate) =>
      candidate.to !== resource.status?.initial && movesFromNew({ resource, model, transition: candidate }),
  );
  const hasRoute =
    transition !== undefined &&
    model.operations.some(
      (operation) => operation.resource === resource.name && operation.action === transition.action,
    );
  const moves =
    transition === undefined || !hasRoute
      ? ''
      : `    const moved = await call(${codeLiteral(routeKey(resource.collection, 'transition', transition.action))}, { id: created.body.id });
    expect(statusEvents.published[1]).toEqual({ resource: ${codeLiteral(resource.name)}, id: created.body.id, from: ${codeLiteral(resource.status?.initial ?? '')}, to: ${codeLiteral(transition.to)}, at: moved.body.updatedAt, item: moved.body });
    expect((await call(${codeLiteral(routeKey(resource.collection, 'transition', transition.action))}, { id: created.body.id })).status).toBe(409);
    expect(statusEvents.published).toHaveLength(2);
`;
  return `
  it(${codeLiteral(eventsTitle(resource))}, async () => {
    const { call, statusEvents } = setup();
    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect(statusEvents.published).toEqual([{ resource: ${codeLiteral(resource.name)}, id: created.body.id, from: null, to: ${codeLiteral(resource.status?.initial ?? '')}, at: created.body.updatedAt, item: created.body }]);
    await call(${read}, { id: created.body.id });
    expect(statusEvents.published).toHaveLength(1);
${moves}  });

  it(${codeLiteral(eventFailureTitle(resource))}, async () => {
    const failing = { publish: async () => Promise.reject(new Error('bus unavailable')) };
    const { call, logs } = setup({ statusEvents: failing });
    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect(created.status).toBe(201);
    expect((await call(${read}, { id: created.body.id })).status).toBe(200);
    expect(logs).toEqual([expect.objectContaining({ level: 'error', outcome: 'status-event-not-published', error: 'bus unavailable' })]);
  });
`;
}

interface StoryTest {
  readonly number: number;
  readonly code: string;
}

function storyTest(params: {
  operation: Operation;
  model: ResourceModel;
  story: ParsedStory;
  number: number;
  title: string;
  text: string;
}): StoryTest {
  const { operation, model } = params;
  const resource = model.resources.find((candidate) => candidate.name === operation.resource);
  if (resource === undefined) throw new Error(`blueprint bug: no resource ${operation.resource}`);
  const body = STORY_BODIES[operation.kind]({ operation, resource, model, story: params.story });
  return {
    number: params.number,
    code: `  // Story ${params.number}: ${params.text}
  it(${codeLiteral(params.title)}, async () => {
    const { call } = setup();
${roleRefusal(operation, resource, model)}${body}
  });
`,
  };
}

/**
 * A route only some roles may call (`As an admin I can delete a ticket`): a caller with no role, or
 * with another, is refused 403 before anything is read or written, and the item is unchanged.
 */
function roleRefusal(operation: Operation, resource: Resource, model: ResourceModel): string {
  if (operation.roles.length === 0) return '';
  const key = codeLiteral(operation.routeKey);
  const other = codeLiteral(otherRole(model, operation.roles));
  const body =
    operation.kind === 'create'
      ? 'SAMPLES.' + resource.name
      : operation.kind === 'update'
        ? "{ note: 'changed' }"
        : undefined;
  const read = codeLiteral(routeKey(resource.collection, 'read'));
  const targetsItem = operation.routeKey.includes('{id}');
  const parentCollection = resource.parent?.collection;
  // Under a parent (`POST /tickets/{id}/comments`) the path's id is the parent's.
  const target = !targetsItem
    ? ''
    : operation.parent !== undefined && resource.parent !== undefined
      ? `    const target = await call(${codeLiteral(routeKey(parentCollection ?? '', 'create'))}, { body: SAMPLES.${resource.parent.name} });\n`
      : `    const target = await ${createCall(resource, `SAMPLES.${resource.name}`)};\n`;
  const args = [
    ...(targetsItem ? ['id: target.body.id'] : []),
    ...(body === undefined ? [] : [`body: ${body}`]),
  ];
  const unchanged =
    targetsItem && operation.parent === undefined
      ? `\n    expect((await call(${read}, { id: target.body.id })).body).toEqual(target.body);`
      : '';
  return `${target}    for (const roles of [null, ${other}]) {
      expect(await call(${key}, { ${[...args, 'roles'].join(', ')} })).toMatchObject({ status: 403, body: { error: ${codeLiteral(`only a caller with the role ${operation.roles.join(' or ')} may call ${operation.routeKey}`)} } });
    }${unchanged}
`;
}

/** A role the request names that the route does not accept (the role of another story), else `member`. */
function otherRole(model: ResourceModel, roles: readonly string[]): string {
  const named = model.stories.flatMap((story) =>
    story.intent.role.length === 0 || story.restriction.role !== undefined
      ? []
      : [story.intent.role.join('-')],
  );
  return named.find((role) => !roles.includes(role)) ?? 'member';
}

type StoryBody = (params: {
  operation: Operation;
  resource: Resource;
  model: ResourceModel;
  story: ParsedStory;
}) => string;

const STORY_BODIES: Readonly<Record<Operation['kind'], StoryBody>> = {
  create: ({ operation, resource }) => {
    const sample = `SAMPLES.${resource.name}`;
    const asked = operation.stories.flatMap((story) => story.fields.map((field) => field.name));
    const required = resource.fields
      .filter((field) => field.required)
      .map(
        (field) =>
          `    expect(await ${createCall(resource, `omit(${sample}, ${codeLiteral(field.name)})`)}).toMatchObject({ status: 400, body: { errors: ['field "${field.name}" is required'] } });`,
      );
    const lists = resource.fields
      .filter((field) => field.type === 'list' && (field.minItems ?? 0) > 0 && asked.includes(field.name))
      .map(
        (field) =>
          `    expect((await ${createCall(resource, `{ ...${sample}, ${field.name}: [] }`)}).status).toBe(400);`,
      );
    // `a priority (low, medium or high)`, `between 0 and 100`: a value outside what the request allows is refused.
    const allowed = resource.fields.flatMap((field) =>
      outsideValues(field).map(
        (outside) =>
          `    expect((await ${createCall(resource, `{ ...${sample}, ${field.name}: ${outside} }`)}).status).toBe(400);`,
      ),
    );
    return `    const created = await ${createCall(resource, `${sample}`)};
    expect(created.status).toBe(201);
${resource.status === undefined ? '' : `    expect(created.body.status).toBe(${codeLiteral(resource.status.initial)});\n`}    expect(await call(${codeLiteral(routeKey(resource.collection, 'read'))}, { id: created.body.id })).toMatchObject({ status: 200, body: created.body });
${[...required, ...lists, ...allowed].join('\n')}`;
  },
  read: ({ operation, resource }) => {
    const attribute = operation.stories
      .map((story) => story.attribute)
      .find((candidate) => candidate !== undefined);
    const check =
      attribute === undefined
        ? ''
        : resource.status !== undefined && ['status', 'state', 'progress'].includes(attribute)
          ? `    expect(read.body.status).toBe(${codeLiteral(resource.status.initial)});\n`
          : resource.fields.some((field) => field.name === attribute)
            ? `    expect(read.body[${codeLiteral(attribute)}]).toEqual(SAMPLES.${resource.name}[${codeLiteral(attribute)}]);\n`
            : '';
    return `    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    const read = await call(${codeLiteral(operation.routeKey)}, { id: created.body.id });
    expect(read).toMatchObject({ status: 200, body: created.body });
${check}    expect((await call(${codeLiteral(operation.routeKey)}, { id: 'no-such-id' })).status).toBe(404);`;
  },
  list: ({ operation, resource, model, story }) => {
    const key = codeLiteral(operation.routeKey);
    if (resource.parent !== undefined) return childListBody(resource, key);
    const sample = `SAMPLES.${resource.name}`;
    const owner = resource.ownerField;
    const all = everyStatus(operation);
    const ownerChecks =
      owner === undefined
        ? ''
        : `    const other = await ${createCall(resource, `{ ...${sample}, ${owner}: ${codeLiteral(ownerSample(resource, 2))} }`)};${madeChecks(['other'], '    ')}
    expect(ids(await call(${key}, { query: { ${all}${owner}: ${codeLiteral(ownerSample(resource, 1))} } }))).toEqual([first.body.id, second.body.id]);
    expect(ids(await call(${key}, { query: { ${all}${owner}: ${codeLiteral(ownerSample(resource, 2))} } }))).toEqual([other.body.id]);
    expect(ids(await call(${key}${everyStatusQuery(operation)}))).toEqual([first.body.id, second.body.id, other.body.id]);
`;
    return `    const first = await ${createCall(resource, `${sample}`)};
    const second = await ${createCall(resource, `${sample}`)};${madeChecks(['first', 'second'], '    ')}
${ownerChecks}    const page = await call(${key}, { query: { ${all}limit: '1' } });
    expect(ids(page)).toEqual([first.body.id]);
    expect(ids(await call(${key}, { query: { ${all}limit: '1', nextToken: page.body.nextToken } }))).toEqual([second.body.id]);
    expect((await call(${key}, { query: { limit: '0' } })).status).toBe(400);
    expect((await call(${key}, { query: { nextToken: 'not-a-token!' } })).status).toBe(400);
    expect((await call(${key}, { query: { unknownFilter: 'x' } })).status).toBe(400);${operation.filters
      .filter(
        (filter) =>
          filter.field === story.filterBy ||
          filter.field === story.callerFilter ||
          (filter.field === 'status' && story.stateFilter !== undefined) ||
          (filter.missing === true && story.negated !== undefined) ||
          (filter.range === true && story.timeRange !== undefined),
      )
      .map((filter) =>
        filter.range === true
          ? rangeFilterChecks({ operation, resource, field: filter.field })
          : filter.missing === true && story.negated !== undefined
            ? missingFilterChecks({ operation, resource, field: filter.field })
            : filter.caller === true
              ? callerFilterChecks({ operation, resource, model, field: filter.field })
              : filter.contains === true
                ? containsFilterChecks({ operation, resource, field: filter.field })
                : filter.yesNo === true
                  ? yesNoFilterChecks({ operation, resource, field: filter.field })
                  : filterChecks({ operation, resource, model, field: filter.field, values: filter.values }),
      )
      .join('')}`;
  },
  update: ({ operation, resource }) => {
    const key = codeLiteral(operation.routeKey);
    const owner = resource.ownerField;
    // The field the story names (`update the quantity of a product`), else an undeclared one.
    const field = resource.fields.find(
      (candidate) =>
        candidate.name !== owner &&
        candidate.type !== 'list' &&
        operation.stories.some((story) => story.attribute === candidate.name),
    );
    const change =
      field === undefined
        ? `note: 'changed'`
        : `${field.name}: ${field.type === 'number' ? String(numberIn(field, 3)) : field.type === 'boolean' ? 'false' : codeLiteral(field.values?.at(-1) ?? (field.format === 'date-time' ? '2030-02-01T00:00:00.000Z' : textIn(field, 'changed')))}`;
    return `    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    const changed = await call(${key}, { id: created.body.id, body: { ${change} } });
    expect(changed).toMatchObject({ status: 200, body: { ${change}, version: 2 } });
    expect((await call(${codeLiteral(routeKey(resource.collection, 'read'))}, { id: created.body.id })).body).toEqual(changed.body);
    expect((await call(${key}, { id: 'no-such-id', body: { note: 'x' } })).status).toBe(404);
    expect((await call(${key}, { id: created.body.id, body: {} })).status).toBe(400);
    expect((await call(${key}, { id: created.body.id, body: { id: 'forged' } })).status).toBe(400);${owner === undefined ? '' : `\n    expect((await call(${key}, { id: created.body.id, body: { ${owner}: ${codeLiteral(ownerSample(resource, 2))} } })).status).toBe(400);`}`;
  },
  // The service sets the field itself: the value read back is the one the route made, a second call
  // flips it back (`toggle`) or leaves it (`enable`), and a body cannot set another value.
  set: ({ operation, resource }) => {
    const key = codeLiteral(operation.routeKey);
    const field = operation.sets?.field ?? '';
    const to = operation.sets?.to ?? true;
    const first = to === 'toggle' ? '!before' : String(to);
    const second = to === 'toggle' ? 'before' : String(to);
    return `    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
${
  to === 'toggle'
    ? `    const before = created.body[${codeLiteral(field)}] === true;
`
    : ''
}    const once = await call(${key}, { id: created.body.id, body: { ${field}: ${to === false ? 'true' : 'false'} } });
    expect(once).toMatchObject({ status: 200, body: { ${field}: ${first}, version: 2 } });
    expect((await call(${codeLiteral(routeKey(resource.collection, 'read'))}, { id: created.body.id })).body).toEqual(once.body);
    expect((await call(${key}, { id: created.body.id })).body[${codeLiteral(field)}]).toBe(${second});
    expect((await call(${key}, { id: 'no-such-id' })).status).toBe(404);`;
  },
  // A visit answers 302 with the item's own URL; one that is not an http(s) URL is never sent on.
  count: ({ operation, resource }) => {
    const key = codeLiteral(operation.routeKey);
    const made = `await ${createCall(resource, `SAMPLES.${resource.name}`)}`;
    // Counted from the collection the create route writes: two made, two counted.
    return `    expect(await call(${key})).toMatchObject({ status: 200, body: { count: 0 } });
    const first = ${made};
    expect(first.status).toBe(201);
    expect((${made}).status).toBe(201);
    expect(await call(${key})).toMatchObject({ status: 200, body: { count: 2 } });
    expect((await call(${key}, { query: { unknownFilter: 'x' } })).status).toBe(400);${countFilterChecks(operation, resource)}`;
  },
  balance: ({ operation, resource, model }) => balanceBody(operation, resource, model),
  redirect: ({ operation, resource }) => {
    const key = codeLiteral(operation.routeKey);
    const field = operation.redirectsTo ?? '';
    return `    const created = await ${createCall(resource, `{ ...SAMPLES.${resource.name}, ${field}: 'https://example.com/target?from=test' }`)};
    const visit = await call(${key}, { id: created.body.id });
    expect(visit.status).toBe(302);
    expect(visit.headers['location']).toBe('https://example.com/target?from=test');
    const unsafe = await ${createCall(resource, `{ ...SAMPLES.${resource.name}, ${field}: 'javascript:alert(1)' }`)};
    expect((await call(${key}, { id: unsafe.body.id })).status).toBe(409);
    expect((await call(${key}, { id: 'no-such-id' })).status).toBe(404);`;
  },
  delete: ({ operation, resource, model }) => {
    const key = codeLiteral(operation.routeKey);
    if (operation.onlyIn.length > 0) return qualifiedDeleteBody(operation, resource);
    if (operation.refusedWhileHas !== undefined) return heldDeleteBody(operation, resource, model);
    return `    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect((await call(${key}, { id: created.body.id })).status).toBe(204);
    expect((await call(${codeLiteral(routeKey(resource.collection, 'read'))}, { id: created.body.id })).status).toBe(404);
    expect((await call(${key}, { id: created.body.id })).status).toBe(404);`;
  },
  transition: ({ operation, resource, model }) => {
    const key = codeLiteral(operation.routeKey);
    if (operation.keepsStatus === true) return recordedCallerBody(operation, resource);
    const action = operation.action ?? '';
    const to = resource.status?.transitions.find((transition) => transition.action === action)?.to ?? '';
    // A refusal from the status this route sets is the 409 above; one another route sets is driven
    // through that route; only a status no route sets is checked on the rule itself.
    const refusals = operation.refusedFrom.flatMap((status) => {
      if (status === to) return [];
      const other = resource.status?.transitions.find((transition) => transition.to === status);
      if (other !== undefined) {
        const otherKey = codeLiteral(routeKey(resource.collection, 'transition', other.action));
        return [
          `    const ${camel(['other', ...other.action.split('-')])} = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect((await call(${otherKey}, { id: ${camel(['other', ...other.action.split('-')])}.body.id })).status).toBe(200);
    expect((await call(${key}, { id: ${camel(['other', ...other.action.split('-')])}.body.id })).status).toBe(409);`,
        ];
      }
      return [
        `    // No route of this service sets ${status}; the rule still holds when another system does.
    expect(checkTransition({ resource: RESOURCES[${codeLiteral(resource.name)}]!, action: ${codeLiteral(action)}, current: ${codeLiteral(status)}, refusedFrom: ROUTES[${key}]?.refusedFrom ?? [] })).toEqual({ ok: false, error: 'cannot ${action} ${withArticle(resource.name)} that is ${status}' });`,
      ];
    });
    // A story that names where it starts (`reopen a closed ticket`) is driven from there; one that
    // goes back to the first status (`reopen a ticket`) from the first status another route sets.
    const leaves = (candidate: { to: string }) =>
      candidate.to !== to &&
      !operation.refusedFrom.includes(candidate.to) &&
      !(resource.status?.terminal ?? []).includes(candidate.to);
    const initial = resource.status?.initial ?? '';
    const onlyElsewhere = operation.onlyIn.length > 0 && !operation.onlyIn.includes(initial);
    const from =
      resource.status?.transitions.find(
        (transition) =>
          transition.to !== to &&
          !operation.refusedFrom.includes(transition.to) &&
          (operation.onlyIn.length === 0 || operation.onlyIn.includes(transition.to)) &&
          operation.stories.some((story) => wordsOf(story.intent.text).includes(transition.to)),
      ) ??
      (to === resource.status?.initial
        ? reachableTransitions(resource, model)
            .map(({ transition }) => transition)
            .find(leaves)
        : undefined);
    // `reopen a resolved ticket`: refused (409, unchanged) while the item is in any other status.
    // A move back to the first status is driven first to another status, else the 409 is only "already there".
    const away =
      to === initial
        ? reachableTransitions(resource, model)
            .map(({ transition }) => transition)
            .find(
              (transition) =>
                transition.to !== to &&
                !operation.onlyIn.includes(transition.to) &&
                !operation.refusedFrom.includes(transition.to) &&
                !(resource.status?.terminal ?? []).includes(transition.to),
            )
        : undefined;
    const awayStep =
      away === undefined
        ? ''
        : `    expect((await call(${codeLiteral(routeKey(resource.collection, 'transition', away.action))}, { id: fresh.body.id })).body.status).toBe(${codeLiteral(away.to)});
`;
    const onlyRefused =
      onlyElsewhere && (to !== initial || away !== undefined)
        ? `    const fresh = await ${createCall(resource, `SAMPLES.${resource.name}`)};
${awayStep}    const before = (await call(${codeLiteral(routeKey(resource.collection, 'read'))}, { id: fresh.body.id })).body;
    expect(await call(${key}, { id: fresh.body.id })).toMatchObject({ status: 409, body: { error: ${codeLiteral(`cannot ${action} ${withArticle(resource.name)} that is ${away?.to ?? initial}`)} + ', only one that is ' + ${codeLiteral(operation.onlyIn.join(' or '))} } });
    expect((await call(${codeLiteral(routeKey(resource.collection, 'read'))}, { id: fresh.body.id })).body).toEqual(before);
`
        : '';
    if (onlyElsewhere && from === undefined)
      return `${onlyRefused}    // No route of this service sets ${operation.onlyIn.join(' or ')}; the rule still holds when another system does.
    expect(checkTransition({ resource: RESOURCES[${codeLiteral(resource.name)}]!, action: ${codeLiteral(action)}, current: ${codeLiteral(operation.onlyIn[0] ?? '')}, refusedFrom: ROUTES[${key}]?.refusedFrom ?? [], onlyIn: ROUTES[${key}]?.onlyIn ?? [] })).toEqual({ ok: true, status: ${codeLiteral(to)} });`;
    if (from === undefined && to === resource.status?.initial)
      return `    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    // No route of this service moves ${withArticle(resource.name)} out of ${to}, so there is nothing to go back from.
    expect(await call(${key}, { id: created.body.id })).toMatchObject({ status: 409, body: { error: ${codeLiteral(`the ${spokenName(resource.name)} is already ${to}`)} } });`;
    const before =
      from === undefined
        ? ''
        : `    expect((await call(${codeLiteral(routeKey(resource.collection, 'transition', from.action))}, { id: created.body.id })).body.status).toBe(${codeLiteral(from.to)});\n`;
    // `assign a ticket to myself`: the caller the x-caller-id header names is recorded; no caller, no move.
    const caller =
      operation.callerField === undefined
        ? ''
        : `    expect((await call(${key}, { id: created.body.id, caller: null })).status).toBe(400);\n`;
    const callerCheck =
      operation.callerField === undefined
        ? ''
        : `\n    expect(moved.body[${codeLiteral(operation.callerField)}]).toBe('agent-7');`;
    // `reject a claim with a reason`: no move without what it records; the move keeps it.
    const records =
      operation.records.length === 0
        ? ''
        : `    expect((await call(${key}, { id: created.body.id, body: {} })).status).toBe(400);
    expect((await call(${key}, { id: created.body.id, body: { ...moveBody(${key}), unrecorded: 'x' } })).status).toBe(400);
    expect((await call(${codeLiteral(routeKey(resource.collection, 'read'))}, { id: created.body.id })).body.status).toBe(${codeLiteral(from?.to ?? initial)});
`;
    const recordsCheck =
      operation.records.length === 0 ? '' : `\n    expect(moved.body).toMatchObject(moveBody(${key}) ?? {});`;
    return `${onlyRefused}    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
${before}${caller}${records}    const moved = await call(${key}, { id: created.body.id${operation.callerField === undefined ? '' : ", caller: 'agent-7'"} });
    expect(moved).toMatchObject({ status: 200, body: { id: created.body.id, status: ${codeLiteral(to)}, version: ${from === undefined ? 2 : 3} } });${callerCheck}${recordsCheck}
    expect((await call(${codeLiteral(routeKey(resource.collection, 'read'))}, { id: created.body.id })).body.status).toBe(${codeLiteral(to)});
    expect((await call(${key}, { id: created.body.id })).status).toBe(409);
    expect((await call(${key}, { id: 'no-such-id' })).status).toBe(404);${refusals.map((refusal) => `\n${refusal}`).join('')}`;
  },
};

/**
 * A list filtered by status (`list open tickets`): one item left in the first status and one moved
 * through each route that moves it, then each status the filter accepts lists exactly the items in
 * it (none for a status only another system sets), and a status the model does not have answers 400.
 * A field filter (`by priority`): two items with different values, each value lists only its item.
 */
/**
 * `list entries between two dates`: three items at three times a month apart (the clock for
 * `createdAt`, else the declared date-time field), then ?from= and ?to= keep those within, both ends
 * included, a date alone meaning its midnight UTC; a value that is not a date-time, or a from after
 * the to, answers 400.
 */
function rangeFilterChecks(params: { operation: Operation; resource: Resource; field: string }): string {
  const { operation, resource, field } = params;
  const key = codeLiteral(operation.routeKey);
  const sample = `SAMPLES.${resource.name}`;
  const byClock = field === 'createdAt';
  const all = everyStatus(operation);
  const made = (name: string, month: string) =>
    byClock
      ? `clock = new Date('2030-${month}-01T00:00:00.000Z');\n      const ${name} = await ${createCall(resource, sample)};`
      : `const ${name} = await ${createCall(resource, `{ ...${sample}, ${field}: '2030-${month}-01T00:00:00Z' }`)};`;
  return `
    {
      ${byClock ? "let clock = new Date('2030-01-01T00:00:00.000Z');\n      const { call } = setup({ now: () => clock });" : 'const { call } = setup();'}
      ${made('one', '01')}
      ${made('two', '02')}
      ${made('three', '03')}${madeChecks(['one', 'two', 'three'])}
      expect(ids(await call(${key}, { query: { ${all}from: '2030-01-15T00:00:00Z', to: '2030-02-15T00:00:00Z' } }))).toEqual([two.body.id]);
      expect(ids(await call(${key}, { query: { ${all}from: '2030-02-01T00:00:00Z' } }))).toEqual([two.body.id, three.body.id]);
      expect(ids(await call(${key}, { query: { ${all}to: '2030-02-01' } }))).toEqual([one.body.id, two.body.id]);
      expect(ids(await call(${key}, { query: { ${all}from: '2030-01-01T10:00:00+10:00', to: '2030-01-01T00:00:00Z' } }))).toEqual([one.body.id]);
      expect((await call(${key}, { query: { from: 'yesterday' } })).status).toBe(400);
      expect((await call(${key}, { query: { to: '2030-13-45' } })).status).toBe(400);
      expect((await call(${key}, { query: { from: '2030-03-01', to: '2030-01-01' } })).status).toBe(400);
    }`;
}

/** `list products by tag`: ?tags=x lists the items whose tags hold x, not those whose tags do not. */
function containsFilterChecks(params: { operation: Operation; resource: Resource; field: string }): string {
  const { operation, resource, field } = params;
  const key = codeLiteral(operation.routeKey);
  const sample = `SAMPLES.${resource.name}`;
  const param = codeLiteral(field);
  // `at most 1 tag` holds no second entry: each item holds its own value only.
  const shares = (resource.fields.find((spec) => spec.name === field)?.maxItems ?? 2) >= 2;
  const holding = (value: string) => (shares ? `['${value}', 'shared']` : `['${value}']`);
  const all = everyStatus(operation);
  return `
    {
      const { call } = setup();
      const one = await ${createCall(resource, `{ ...${sample}, ${field}: ${holding('value one')} }`)};
      const two = await ${createCall(resource, `{ ...${sample}, ${field}: ${holding('value two')} }`)};${madeChecks(['one', 'two'])}
      expect(ids(await call(${key}, { query: { ${all}${param}: 'value one' } }))).toEqual([one.body.id]);
      expect(ids(await call(${key}, { query: { ${all}${param}: 'value two' } }))).toEqual([two.body.id]);${
        shares
          ? `
      expect(ids(await call(${key}, { query: { ${all}${param}: 'shared' } }))).toEqual([one.body.id, two.body.id]);`
          : ''
      }
      expect(ids(await call(${key}, { query: { ${all}${param}: 'value' } }))).toEqual([]);
    }`;
}

/** `list enabled flags`: ?enabled=true and ?enabled=false keep the items holding that boolean; other text answers 400. */
function yesNoFilterChecks(params: { operation: Operation; resource: Resource; field: string }): string {
  const { operation, resource, field } = params;
  const key = codeLiteral(operation.routeKey);
  const sample = `SAMPLES.${resource.name}`;
  const param = codeLiteral(field);
  return `
    {
      const { call } = setup();
      const yes = await ${createCall(resource, `{ ...${sample}, ${field}: true }`)};
      const no = await ${createCall(resource, `{ ...${sample}, ${field}: false }`)};${madeChecks(['yes', 'no'])}
      expect(ids(await call(${key}, { query: { ${everyStatus(operation)}${param}: 'true' } }))).toEqual([yes.body.id]);
      expect(ids(await call(${key}, { query: { ${everyStatus(operation)}${param}: 'false' } }))).toEqual([no.body.id]);
      expect((await call(${key}, { query: { ${param}: 'yes' } })).status).toBe(400);
    }`;
}

/**
 * Generated checks that each named create answered 201 with an id: a list test compares ids, so a
 * create the model refused (400, no id) must fail it rather than leave two empty lists equal.
 */
function madeChecks(names: readonly string[], indent = '      '): string {
  return names
    .map(
      (name) =>
        `\n${indent}expect(${name}).toMatchObject({ status: 201, body: { id: expect.any(String) } });`,
    )
    .join('');
}

function filterChecks(params: {
  operation: Operation;
  resource: Resource;
  model: ResourceModel;
  field: string;
  values: readonly string[] | undefined;
}): string {
  const { operation, resource, model, field } = params;
  const key = codeLiteral(operation.routeKey);
  const sample = `SAMPLES.${resource.name}`;
  const param = codeLiteral(field);
  const all = field === 'status' ? '' : everyStatus(operation);
  if (params.values === undefined) {
    const [first, second] = twoFilterValues(resource.fields.find((spec) => spec.name === field));
    const lists =
      first === second
        ? `
      expect(ids(await call(${key}, { query: { ${all}${param}: ${first} } }))).toEqual([one.body.id, two.body.id]);`
        : `
      expect(ids(await call(${key}, { query: { ${all}${param}: ${first} } }))).toEqual([one.body.id]);
      expect(ids(await call(${key}, { query: { ${all}${param}: ${second} } }))).toEqual([two.body.id]);`;
    return `
    {
      const { call } = setup();
      const one = await ${createCall(resource, `{ ...${sample}, ${field}: ${first} }`)};
      const two = await ${createCall(resource, `{ ...${sample}, ${field}: ${second} }`)};${madeChecks(['one', 'two'])}${lists}
      expect(ids(await call(${key}${everyStatusQuery(operation)}))).toEqual([one.body.id, two.body.id]);
    }`;
  }
  const status = resource.status;
  if (status === undefined) return '';
  // `Only published articles are visible.`: without ?status= the list keeps the default status only.
  const shownByDefault =
    field === 'status' ? operation.filters.find((filter) => filter.field === 'status')?.default : undefined;
  const moves = reachableTransitions(resource, model);
  const items = [
    { name: 'left', to: status.initial, move: '' },
    ...moves.map(({ transition, operation: route }, index) => ({
      name: `moved${index + 1}`,
      to: transition.to,
      move: `\n      expect((await call(${codeLiteral(route.routeKey)}, { id: moved${index + 1}.body.id })).status).toBe(200);`,
    })),
  ];
  const creates = items.map(
    (item) =>
      `\n      const ${item.name} = await ${createCall(resource, sample)};${madeChecks([item.name])}${item.move}`,
  );
  const lists = params.values.map(
    (value) =>
      `\n      expect(ids(await call(${key}, { query: { ${all}${param}: ${codeLiteral(value)} } }))).toEqual([${items
        .filter((item) => item.to === value)
        .map((item) => `${item.name}.body.id`)
        .join(', ')}]);`,
  );
  return `
    {
      const { call } = setup();${creates.join('')}${lists.join('')}
      expect(await call(${key}, { query: { ${param}: 'no-such-status' } })).toMatchObject({ status: 400, body: { errors: [${codeLiteral(`${field} must be ${params.values.join(' or ')}`)}] } });
      expect(ids(await call(${key}${everyStatusQuery(operation)}))).toEqual([${items.map((item) => `${item.name}.body.id`).join(', ')}]);${
        shownByDefault === undefined
          ? ''
          : `
      expect(ids(await call(${key}))).toEqual([${items
        .filter((item) => item.to === shownByDefault)
        .map((item) => `${item.name}.body.id`)
        .join(', ')}]);`
      }
    }`;
}

/**
 * `list unassigned tickets` (?assignee=none): one item with the field and one without, `none` lists
 * only the one without, the value lists only the one with it.
 */
function missingFilterChecks(params: { operation: Operation; resource: Resource; field: string }): string {
  const { operation, resource, field } = params;
  const key = codeLiteral(operation.routeKey);
  const sample = `SAMPLES.${resource.name}`;
  const param = codeLiteral(field);
  const spec = resource.fields.find((candidate) => candidate.name === field);
  const value = spec === undefined ? codeLiteral('agent-7') : twoFilterValues(spec)[0];
  return `
    {
      const { call } = setup();
      const given = await ${createCall(resource, `{ ...${sample}, ${field}: ${value} }`)};
      const without = await ${createCall(resource, `Object.fromEntries(Object.entries(${sample}).filter(([name]) => name !== ${param}))`)};${madeChecks(['given', 'without'])}
      expect(ids(await call(${key}, { query: { ${everyStatus(operation)}${param}: 'none' } }))).toEqual([without.body.id]);
      expect(ids(await call(${key}, { query: { ${everyStatus(operation)}${param}: ${value} } }))).toEqual([given.body.id]);
      expect(ids(await call(${key}${everyStatusQuery(operation)}))).toEqual([given.body.id, without.body.id]);
    }`;
}

/**
 * `list tickets assigned to me` (?assignee=me): two items given to two callers, through the route that
 * records its caller when there is one (else written on create), each caller lists only theirs, a
 * named value lists that one's, and `me` without the caller header answers 400.
 */
function callerFilterChecks(params: {
  operation: Operation;
  resource: Resource;
  model: ResourceModel;
  field: string;
}): string {
  const { operation, resource, model, field } = params;
  const key = codeLiteral(operation.routeKey);
  const sample = `SAMPLES.${resource.name}`;
  const param = codeLiteral(field);
  const route = reachableTransitions(resource, model).find(
    (candidate) => candidate.operation.callerField === field,
  )?.operation;
  const give = (name: string, caller: string) =>
    route === undefined
      ? `
      const ${name} = await ${createCall(resource, `{ ...${sample}, ${field}: ${codeLiteral(caller)} }`)};${madeChecks([name])}`
      : `
      const ${name} = await ${createCall(resource, sample)};${madeChecks([name])}
      expect((await call(${codeLiteral(route.routeKey)}, { id: ${name}.body.id, caller: ${codeLiteral(caller)} })).status).toBe(200);`;
  return `
    {
      const { call } = setup();${give('mine', 'agent-7')}${give('theirs', 'agent-8')}
      expect(ids(await call(${key}, { query: { ${everyStatus(operation)}${param}: 'me' }, caller: 'agent-7' }))).toEqual([mine.body.id]);
      expect(ids(await call(${key}, { query: { ${everyStatus(operation)}${param}: 'me' }, caller: 'agent-8' }))).toEqual([theirs.body.id]);
      expect(ids(await call(${key}, { query: { ${everyStatus(operation)}${param}: 'agent-8' } }))).toEqual([theirs.body.id]);
      expect((await call(${key}, { query: { ${param}: 'me' }, caller: null })).status).toBe(400);
      expect(ids(await call(${key}${everyStatusQuery(operation)}))).toEqual([mine.body.id, theirs.body.id]);
    }`;
}

/**
 * `status: 'any', ` for a list whose status filter has a default (`visibleByDefault`), else empty: a
 * test that lists every item it made, whatever their status, lifts the default with ANY_VALUE.
 */
function everyStatus(operation: Operation): string {
  return operation.filters.some((filter) => filter.default !== undefined)
    ? `status: ${codeLiteral(ANY_VALUE)}, `
    : '';
}

/** `, { query: { status: 'any' } }` for a list whose status filter has a default, else empty: the arguments of a call listing every item. */
function everyStatusQuery(operation: Operation): string {
  return operation.filters.some((filter) => filter.default !== undefined)
    ? `, { query: { status: ${codeLiteral(ANY_VALUE)} } }`
    : '';
}

/** The transitions a new item can take at once, with their routes: none refused from the initial status. */
function reachableTransitions(resource: Resource, model: ResourceModel) {
  const status = resource.status;
  return (status?.transitions ?? []).flatMap((transition) => {
    const operation = model.operations.find(
      (candidate) => candidate.resource === resource.name && candidate.action === transition.action,
    );
    // A route back to the first status (`reopen`) has nowhere to go from there.
    return operation === undefined ||
      !movesFromNew({ resource, model, transition }) ||
      operation.refusedFrom.includes(status?.initial ?? '') ||
      transition.to === status?.initial
      ? []
      : [{ transition, operation }];
  });
}

/**
 * `assign a ticket to myself`, where the listed statuses have no `assigned`: no caller, 400; the
 * caller is recorded and the item keeps the status it was made in.
 */
function recordedCallerBody(operation: Operation, resource: Resource): string {
  const key = codeLiteral(operation.routeKey);
  const field = codeLiteral(operation.callerField ?? '');
  return `    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect((await call(${key}, { id: created.body.id, caller: null })).status).toBe(400);
    const recorded = await call(${key}, { id: created.body.id, caller: 'agent-7' });
    expect(recorded.status).toBe(200);
    expect(recorded.body[${field}]).toBe('agent-7');
    expect(recorded.body.status).toBe(${codeLiteral(resource.status?.initial ?? '')});
    expect((await call(${codeLiteral(routeKey(resource.collection, 'read'))}, { id: created.body.id })).body).toEqual(recorded.body);`;
}

/**
 * `Deleting a warehouse is not allowed while it has bins.`: refused (409) while an item made under it
 * exists (the parent reads back as it was), deleted once none does.
 */
function heldDeleteBody(operation: Operation, resource: Resource, model: ResourceModel): string {
  const key = codeLiteral(operation.routeKey);
  const read = codeLiteral(routeKey(resource.collection, 'read'));
  const children = model.resources.filter((child) =>
    (operation.refusedWhileHas ?? []).includes(child.collection),
  );
  const held = children
    .map(
      (
        child,
      ) => `    const held${child.pascal} = await call(${codeLiteral(resourceRouteKey(child, 'create'))}, { id: created.body.id, body: SAMPLES.${child.name} });
    expect(held${child.pascal}.status).toBe(201);`,
    )
    .join('\n');
  return `    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
${held}
    expect(await call(${key}, { id: created.body.id })).toMatchObject({ status: 409, body: { error: ${codeLiteral(`cannot delete ${withArticle(resource.name)} that has ${children[0]?.collection.replace(/-/g, ' ') ?? ''}: delete them first`)} } });
    expect((await call(${read}, { id: created.body.id })).body).toEqual(created.body);
    const empty = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect((await call(${key}, { id: empty.body.id })).status).toBe(204);
    expect((await call(${read}, { id: empty.body.id })).status).toBe(404);`;
}

/**
 * `delete a closed ticket`: refused (409) while the item is in another status, kept; deleted once a
 * route has moved it into the status (when one does), and gone after.
 */
function qualifiedDeleteBody(operation: Operation, resource: Resource): string {
  const key = codeLiteral(operation.routeKey);
  const read = codeLiteral(routeKey(resource.collection, 'read'));
  const initial = resource.status?.initial ?? '';
  if (operation.onlyIn.includes(initial)) {
    const away = resource.status?.transitions.find((transition) => !operation.onlyIn.includes(transition.to));
    const moved =
      away === undefined
        ? ''
        : `
    const moved = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect((await call(${codeLiteral(routeKey(resource.collection, 'transition', away.action))}, { id: moved.body.id })).body.status).toBe(${codeLiteral(away.to)});
    expect((await call(${key}, { id: moved.body.id })).status).toBe(409);`;
    return `    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect((await call(${key}, { id: created.body.id })).status).toBe(204);
    expect((await call(${read}, { id: created.body.id })).status).toBe(404);${moved}`;
  }
  const into = resource.status?.transitions.find((transition) => operation.onlyIn.includes(transition.to));
  const refused = `    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect(await call(${key}, { id: created.body.id })).toMatchObject({ status: 409, body: { error: 'cannot delete ${withArticle(resource.name)} that is ${resource.status?.initial ?? ''}, only one that is ${operation.onlyIn.join(' or ')}' } });
    expect((await call(${read}, { id: created.body.id })).status).toBe(200);`;
  if (into === undefined) return refused;
  return `${refused}
    expect((await call(${codeLiteral(routeKey(resource.collection, 'transition', into.action))}, { id: created.body.id })).body.status).toBe(${codeLiteral(into.to)});
    expect((await call(${key}, { id: created.body.id })).status).toBe(204);
    expect((await call(${read}, { id: created.body.id })).status).toBe(404);`;
}

/** Listing a child resource under its parent: only that parent's items, paged, 404 for a missing parent. */
function childListBody(resource: Resource, key: string): string {
  const parent = resource.parent;
  if (parent === undefined) return '';
  const create = codeLiteral(resourceRouteKey(resource, 'create'));
  return `    const parentId = (await call(${codeLiteral(routeKey(parent.collection, 'create'))}, { body: SAMPLES.${parent.name} })).body.id;
    const first = await call(${create}, { id: parentId, body: SAMPLES.${resource.name} });
    const second = await call(${create}, { id: parentId, body: SAMPLES.${resource.name} });
    await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect(ids(await call(${key}, { id: parentId }))).toEqual([first.body.id, second.body.id]);
    const page = await call(${key}, { id: parentId, query: { limit: '1' } });
    expect(ids(page)).toEqual([first.body.id]);
    expect(ids(await call(${key}, { id: parentId, query: { limit: '1', nextToken: page.body.nextToken } }))).toEqual([second.body.id]);
    expect((await call(${key}, { id: 'no-such-id' })).status).toBe(404);`;
}

/** A story that asked for status events is proven by the events test of its resource, run again under the story's title. */
function eventStoryTests(model: ResourceModel): StoryTest[] {
  return model.eventStories.flatMap((story) => {
    const number = story.number;
    const resource = model.resources.find((candidate) => candidate.statusEventType !== undefined);
    if (resource === undefined) return [];
    return [
      {
        number,
        code: `  // Story ${number}: ${story.text}
  it(${codeLiteral(story.testTitle)}, async () => {
    const { call, statusEvents } = setup();
    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect(statusEvents.published).toEqual([expect.objectContaining({ id: created.body.id, from: null, to: ${codeLiteral(resource.status?.initial ?? '')} })]);
  });
`,
      },
    ];
  });
}

function wordsOf(text: string): readonly string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/**
 * Values just outside what a field allows, as code (`a priority (low, medium or high)` → a value not
 * listed; `between 0 and 100` → 101; `greater than 0` → 0; `in cents` → 2.5; `at most 280
 * characters` → 281 of them): each must be refused with 400.
 */
function outsideValues(field: FieldSpec): string[] {
  if (field.values !== undefined) return [codeLiteral('no-such-value')];
  const outside: string[] = [];
  if (field.maximum !== undefined) outside.push(String(field.maximum + 1));
  else if (field.minimum !== undefined) outside.push(String(field.minimum - 1));
  if (field.exclusiveMinimum !== undefined) outside.push(String(field.exclusiveMinimum));
  if (field.exclusiveMaximum !== undefined) outside.push(String(field.exclusiveMaximum));
  if (field.integer === true) outside.push(String(numberIn(field, 2) + 0.5));
  if (field.maxLength !== undefined) outside.push(`${codeLiteral('x')}.repeat(${field.maxLength + 1})`);
  if (field.maxItems !== undefined)
    outside.push(
      `Array.from({ length: ${field.maxItems + 1} }, (_, index) => ({ sku: 'sku-' + String(index) }))`,
    );
  return outside;
}

/**
 * A count's filters, checked on the two items the count test made: by the parent a child was made
 * under (`?projectId=`, the first item's), and by status (both start in the initial one; a status not
 * listed answers 400).
 */
function countFilterChecks(operation: Operation, resource: Resource): string {
  const key = codeLiteral(operation.routeKey);
  const byParent = resource.ownerField === undefined ? resource.parent?.field : undefined;
  const status = operation.filters.find((filter) => filter.field === 'status' && filter.values !== undefined);
  const initial = resource.status?.initial;
  const other = status?.values?.find((value) => value !== initial);
  return [
    ...(byParent === undefined
      ? []
      : [
          `\n    expect(await call(${key}, { query: { ${byParent}: first.body.${byParent} } })).toMatchObject({ status: 200, body: { count: 1 } });`,
        ]),
    ...(status === undefined || initial === undefined
      ? []
      : [
          `\n    expect(await call(${key}, { query: { status: ${codeLiteral(initial)} } })).toMatchObject({ status: 200, body: { count: 2 } });`,
          ...(other === undefined
            ? []
            : [
                `\n    expect(await call(${key}, { query: { status: ${codeLiteral(other)} } })).toMatchObject({ status: 200, body: { count: 0 } });`,
              ]),
          `\n    expect((await call(${key}, { query: { status: 'no-such-status' } })).status).toBe(400);`,
        ]),
  ].join('');
}

/**
 * A balance read through the routes: an item with a total, two children made under it and one under
 * another item; the route answers the total less the two amounts, then none for no such item.
 */
function balanceBody(operation: Operation, resource: Resource, model: ResourceModel): string {
  const parts = operation.balance;
  const child = model.resources.find((candidate) => candidate.name === parts?.child);
  const totalField = resource.fields.find((field) => field.name === parts?.total);
  const amountField = child?.fields.find((field) => field.name === parts?.amount);
  if (parts === undefined || child === undefined || totalField === undefined || amountField === undefined)
    return '';
  const key = codeLiteral(operation.routeKey);
  const total = numberIn(totalField, 1000);
  const amount = numberIn(amountField, 150);
  const made = codeLiteral(resourceRouteKey(resource, 'create'));
  const under = codeLiteral(resourceRouteKey(child, 'create'));
  const whole = `{ ...SAMPLES.${resource.name}, ${parts.total}: ${total} }`;
  const paid = `{ ...SAMPLES.${child.name}, ${parts.amount}: ${amount} }`;
  const sum = `${parts.amount}Sum`;
  return `    const id = (await call(${made}, { body: ${whole} })).body.id as string;
    const otherId = (await call(${made}, { body: ${whole} })).body.id as string;
    expect(await call(${key}, { id })).toMatchObject({ status: 200, body: { ${parts.total}: ${total}, ${sum}: 0, remaining: ${total} } });
    expect((await call(${under}, { id, body: ${paid} })).status).toBe(201);
    expect((await call(${under}, { id, body: ${paid} })).status).toBe(201);
    expect((await call(${under}, { id: otherId, body: ${paid} })).status).toBe(201);
    expect(await call(${key}, { id })).toMatchObject({ status: 200, body: { ${parts.total}: ${total}, ${sum}: ${2 * amount}, remaining: ${total - 2 * amount} } });
    expect((await call(${key}, { id: 'no-such-id' })).status).toBe(404);`;
}
