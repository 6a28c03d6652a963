import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import { withArticle } from '../../naming/article.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { spokenName } from '../../naming/spoken-name.js';
import { createCall } from './application-create-call.js';
import { routeKey } from './model/route-key.js';
import { forbidsKind, refusedValue } from './model/prohibition-guards.js';
import type {
  Operation,
  ProhibitedChange,
  RefusedValue,
  Resource,
  ResourceModel,
} from './model/resource-model-types.js';
import { statusPath } from './status-path.js';

/**
 * The operations that break a prohibition: a change (an update or a status move) or a delete of its
 * resource; for one qualified by statuses, only those that do it without refusing every one of them.
 */
export function breakingOperations(prohibition: ProhibitedChange, model: ResourceModel): Operation[] {
  return model.operations.filter(
    (operation) =>
      operation.resource === prohibition.resource &&
      forbidsKind(prohibition, operation) &&
      !(prohibition.inStatuses !== undefined && operation.kind === 'transition') &&
      !guards(operation, prohibition, model),
  );
}

/**
 * The status moves that still act on an item in a qualified prohibition's status (`reactivate a
 * canceled subscription`): not those into the status itself, nor any out of a final status, save a
 * move that keeps the status (`assign a ticket to myself`), which acts in a final status too.
 */
function movesOutOf(prohibition: ProhibitedChange, model: ResourceModel): Operation[] {
  const statuses = prohibition.inStatuses ?? [];
  const resource = model.resources.find((candidate) => candidate.name === prohibition.resource);
  return model.operations.filter((operation) => {
    const to = resource?.status?.transitions.find((move) => move.action === operation.action)?.to;
    const acting = statuses.filter(
      (status) => operation.keepsStatus === true || !(resource?.status?.terminal ?? []).includes(status),
    );
    return (
      prohibition.changes &&
      operation.resource === prohibition.resource &&
      operation.kind === 'transition' &&
      acting.some(
        (status) =>
          status !== to &&
          !operation.refusedFrom.includes(status) &&
          (operation.onlyIn.length === 0 || operation.onlyIn.includes(status)),
      )
    );
  });
}

/**
 * The route refuses (409) the item in every status the prohibition names: a status its story rules
 * out (`refusedFrom`), or, for a status move, a final status, which nothing moves an item out of
 * (`Cancelled appointments cannot be changed.` → `complete` answers 409 for a cancelled one). A
 * move into the one status named is no change of an item already there, so it guards nothing.
 */
function guards(operation: Operation, prohibition: ProhibitedChange, model: ResourceModel): boolean {
  const statuses = prohibition.inStatuses ?? [];
  if (statuses.length === 0) return false;
  if (operation.kind === 'transition' && statuses.every((status) => status === targetOf(operation, model)))
    return false;
  return statuses.every(
    (status) => operation.refusedFrom.includes(status) || finalStatusesOf(operation, model).includes(status),
  );
}

/**
 * The statuses a status move answers 409 in because they are final: none for any other route, nor
 * for a move that keeps the status (`assign a ticket to myself`), which checks only its refusals.
 */
function finalStatusesOf(operation: Operation, model: ResourceModel): readonly string[] {
  if (operation.kind !== 'transition' || operation.keepsStatus === true) return [];
  return model.resources.find((resource) => resource.name === operation.resource)?.status?.terminal ?? [];
}

/** The status a move sets, if the operation is one. */
function targetOf(operation: Operation, model: ResourceModel): string | undefined {
  return model.resources
    .find((resource) => resource.name === operation.resource)
    ?.status?.transitions.find((move) => move.action === operation.action)?.to;
}

/**
 * For a prohibition of a yes/no participle (`Archived flags cannot be enabled.`): the updates that
 * still take the field the set routes set (`PATCH /flags/{id}` with `enabled`) in its statuses.
 */
function flipsByUpdate(prohibition: ProhibitedChange, model: ResourceModel): string[] {
  if (prohibition.flips === undefined || prohibition.changes) return [];
  const fields = new Set(
    guardingOperations(prohibition, model).flatMap((operation) =>
      operation.sets === undefined ? [] : [operation.sets.field],
    ),
  );
  const updates = model.operations.filter(
    (operation) =>
      operation.resource === prohibition.resource &&
      operation.kind === 'update' &&
      !guards(operation, prohibition, model) &&
      guardedValue(operation, prohibition, model) === undefined,
  );
  if (fields.size === 0 || updates.length === 0) return [];
  return [
    `${updates.map((operation) => operation.routeKey).join(', ')} still take${updates.length === 1 ? 's' : ''} ${[...fields].map((field) => `\`${field}\``).join(', ')} in the body for ${itemIn(prohibition)}: the rule is kept by the set routes only`,
  ];
}

/**
 * The routes that refuse what a status-qualified prohibition forbids (`PATCH /subscriptions/{id}`),
 * with the updates refusing the yes/no value it forbids (`PATCH /flags/{id}` with `enabled: true`).
 */
function guardingOperations(prohibition: ProhibitedChange, model: ResourceModel): Operation[] {
  const ofResource = model.operations.filter((operation) => operation.resource === prohibition.resource);
  return [
    ...ofResource.filter(
      (operation) => forbidsKind(prohibition, operation) && guards(operation, prohibition, model),
    ),
    ...ofResource.filter((operation) => guardedValue(operation, prohibition, model) !== undefined),
  ];
}

/**
 * The yes/no value an update refuses for a prohibition of a flip (`Archived flags cannot be
 * enabled.` → `enabled: true` on PATCH in archived), or undefined when the update does not refuse it.
 */
function guardedValue(
  operation: Operation,
  prohibition: ProhibitedChange,
  model: ResourceModel,
): RefusedValue | undefined {
  if (operation.kind !== 'update' || operation.resource !== prohibition.resource) return undefined;
  const wanted = refusedValue(
    prohibition,
    model.resources.find((resource) => resource.name === prohibition.resource),
  );
  return wanted === undefined
    ? undefined
    : (operation.refusedValues ?? []).find(
        (refused) =>
          refused.field === wanted.field &&
          refused.value === wanted.value &&
          (wanted.inStatuses ?? []).every((status) => (refused.inStatuses ?? [status]).includes(status)),
      );
}

/** `changed or deleted` (or `enabled`): what the prohibitions of one resource forbid, in words. */
function forbidden(prohibitions: readonly ProhibitedChange[]): string {
  const changes = prohibitions.some((prohibition) => prohibition.changes);
  const deletes = prohibitions.some((prohibition) => prohibition.deletes);
  const flips = prohibitions.flatMap((prohibition) =>
    prohibition.flips === undefined ? [] : [prohibition.flips],
  );
  return [...(changes ? ['changed'] : []), ...(deletes ? ['deleted'] : []), ...(changes ? [] : flips)].join(
    ' or ',
  );
}

/** `POST /subscriptions/{id}/reactivate (story 7)`: routes and the stories that asked for them. */
function routesOf(operations: readonly Operation[]): string {
  return operations
    .map(
      (operation) =>
        `${operation.routeKey}${operation.stories.length === 0 ? '' : ` (story ${operation.stories.map((story) => story.intent.number).join(', ')})`}`,
    )
    .join(', ');
}

/** `a subscription that is canceled`, or `a subscription` for a prohibition in every status. */
function itemIn(prohibition: ProhibitedChange): string {
  const statuses = prohibition.inStatuses ?? [];
  const item = withArticle(spokenName(prohibition.resource));
  return statuses.length === 0 ? item : `${item} that is ${statuses.join(' or ')}`;
}

/** Why a prohibition is not met: the routes (and the stories that asked for them) that do what it forbids. */
function brokenBy(prohibition: ProhibitedChange, breaking: readonly Operation[]): string {
  return `the request forbids that ${itemIn(prohibition)} be ${forbidden([prohibition])}, yet ${routesOf(breaking)} does it: the routes follow the stories, so drop that story or the rule`;
}

/**
 * Why a clause asks the opposite of an operation (`Payments can never be deleted.` against DELETE
 * /payments/{id}): the route must not count as meeting the clause that forbids it.
 */
export function opposingProhibition(
  operation: Operation,
  model: ResourceModel,
): ((words: readonly string[]) => string | undefined) | undefined {
  const against = model.prohibitions.filter((prohibition) =>
    breakingOperations(prohibition, model).includes(operation),
  );
  if (against.length === 0) return undefined;
  return (words) => {
    const present = new Set(words);
    const prohibition = against.find((one) => one.words.every((word) => present.has(word)));
    return prohibition === undefined
      ? undefined
      : brokenBy(prohibition, breakingOperations(prohibition, model));
  };
}

/** The HTTP methods that would break the prohibitions on `/{collection}/{id}`. */
function methodsOf(prohibitions: readonly ProhibitedChange[]): string[] {
  return [
    ...(prohibitions.some((prohibition) => prohibition.changes) ? ['PATCH', 'PUT'] : []),
    ...(prohibitions.some((prohibition) => prohibition.deletes) ? ['DELETE'] : []),
  ];
}

/** The prohibitions in every status the routes keep, per resource: those no generated route breaks. */
function kept(resource: Resource, model: ResourceModel): ProhibitedChange[] {
  return model.prohibitions.filter(
    (prohibition) =>
      prohibition.resource === resource.name &&
      prohibition.inStatuses === undefined &&
      (prohibition.changes || prohibition.deletes) &&
      breakingOperations(prohibition, model).length === 0,
  );
}

export function prohibitionTitle(resource: Resource, model: ResourceModel): string {
  return `${withArticle(spokenName(resource.name))} is never ${forbidden(kept(resource, model))}: no route does it`;
}

/**
 * One capability per prohibition, asked by its own clause: met by the routes the service lacks (and
 * proved by a test that every other method on the item answers 404 and leaves it as it was), or,
 * when a story asked for a route that breaks it, not generated, with the route named.
 */
export function prohibitionCapabilities(params: {
  model: ResourceModel;
  test: (title: string) => TestEvidence;
}): Capability[] {
  const { model } = params;
  return model.prohibitions.flatMap((prohibition) => {
    const resource = model.resources.find((candidate) => candidate.name === prohibition.resource);
    if (resource === undefined) return [];
    const breaking = breakingOperations(prohibition, model);
    const what = forbidden([prohibition]);
    if (prohibition.inStatuses !== undefined) return qualifiedCapabilities(prohibition, model, params.test);
    if (breaking.length > 0)
      return [
        {
          when: [prohibition.words],
          implementedBy: '',
          tests: [],
          resources: [],
          notGenerated: brokenBy(prohibition, breaking),
        },
      ];
    // `can never be enabled` where no route sets a yes/no field: nothing of this kind to answer for.
    if (!prohibition.changes && !prohibition.deletes) return [];
    const served = model.operations
      .filter((operation) => operation.resource === resource.name)
      .map((operation) => operation.routeKey);
    return [
      {
        when: [prohibition.words],
        implementedBy: `no route lets ${withArticle(spokenName(resource.name))} be ${what}: ${served.join(', ')} ${served.length === 1 ? 'is the only' : 'are all the'} ${spokenName(resource.name)} route${served.length === 1 ? '' : 's'}, and ${methodsOf(
          [prohibition],
        )
          .join(', ')
          .replace(/, (?=[A-Z]+$)/, ' or ')} /${resource.collection}/{id} answers 404`,
        tests: [params.test(prohibitionTitle(resource, model))],
        resources: ['ApiFunction'],
      },
    ];
  });
}

/** The generated test of a resource's prohibitions: no such route is declared, each answers 404, the item is unchanged. */
export function prohibitionTest(resource: Resource, model: ResourceModel): string {
  const prohibitions = kept(resource, model);
  if (prohibitions.length === 0) return '';
  const kinds = [
    ...(prohibitions.some((prohibition) => prohibition.changes) ? ['update', 'set', 'transition'] : []),
    ...(prohibitions.some((prohibition) => prohibition.deletes) ? ['delete'] : []),
  ];
  const methods = methodsOf(prohibitions);
  const read = codeLiteral(routeKey(resource.collection, 'read'));
  return `
  it(${codeLiteral(prohibitionTitle(resource, model))}, async () => {
    const { call } = setup();
    const forbidden: string[] = [${kinds.map(codeLiteral).join(', ')}];
    expect(Object.values(ROUTES).filter((route) => route.resource === ${codeLiteral(resource.name)} && forbidden.includes(route.operation))).toEqual([]);
    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    const id = created.body.id as string;
    for (const method of [${methods.map(codeLiteral).join(', ')}]) {
      expect((await call(method + ${codeLiteral(` /${resource.collection}/{id}`)}, { id, body: { note: 'changed' } })).status).toBe(404);
    }
    expect(await call(${read}, { id })).toMatchObject({ status: 200, body: created.body });
  });
`;
}

/**
 * `A canceled subscription cannot be changed.`: met by the routes that answer 409 in that status,
 * proved by the generated test; a move a story asks to make from that status (`reactivate a canceled
 * subscription`) is named as the rule's exception. Not generated when no route guards it.
 */
function qualifiedCapabilities(
  prohibition: ProhibitedChange,
  model: ResourceModel,
  test: (title: string) => TestEvidence,
): Capability[] {
  const guarded = guardingOperations(prohibition, model);
  const breaking = breakingOperations(prohibition, model);
  const moves = movesOutOf(prohibition, model);
  const updates = flipsByUpdate(prohibition, model);
  // `cannot be enabled` where no route sets a yes/no field (a status `enabled`, say): the status
  // moves answer it, as before this kind was read.
  if (guarded.length === 0 && breaking.length === 0 && !prohibition.changes && !prohibition.deletes)
    return [];
  if (guarded.length === 0)
    return [
      {
        when: [prohibition.words],
        implementedBy: '',
        tests: [],
        resources: [],
        notGenerated:
          breaking.length > 0
            ? brokenBy(prohibition, breaking)
            : `no route ${forbidden([prohibition]) === 'deleted' ? 'deletes' : 'changes'} ${withArticle(spokenName(prohibition.resource))}, so nothing is refused`,
      },
    ];
  return [
    {
      when: [prohibition.words],
      implementedBy: guardedBy(prohibition, model, guarded),
      tests: [test(qualifiedTitle(prohibition, model))],
      resources: guarded.map((operation) => operation.logicalId),
      ...(moves.length === 0 && updates.length === 0
        ? {}
        : {
            gaps: [...movesGaps(prohibition, moves), ...updates],
          }),
    },
  ];
}

/**
 * Why the moves still acting in a prohibition's status break it: those to another status, and those
 * that keep the status but record who took the item (`assign a ticket to myself`).
 */
function movesGaps(prohibition: ProhibitedChange, moves: readonly Operation[]): string[] {
  const moving = moves.filter((operation) => operation.keepsStatus !== true);
  const recording = moves.filter((operation) => operation.keepsStatus === true);
  return [
    ...(moving.length === 0
      ? []
      : [
          `${routesOf(moving)} still move${moving.length === 1 ? 's' : ''} ${itemIn(prohibition)} to another status: status moves follow the stories and the listed statuses, so refuse them by hand if the rule covers them too`,
        ]),
    ...(recording.length === 0
      ? []
      : [
          `${routesOf(recording)} still change${recording.length === 1 ? 's' : ''} ${itemIn(prohibition)}, recording the caller and keeping its status: refuse ${recording.length === 1 ? 'it' : 'them'} by hand in that status`,
        ]),
  ];
}

/**
 * The body a guarding route is called with in the generated test: none for a move or a set, the
 * forbidden value for an update refusing it (`enabled: true`; for `cannot be toggled`, the opposite
 * of what the item holds), else a change of a field.
 */
function guardedBody(operation: Operation, prohibition: ProhibitedChange, model: ResourceModel): string {
  if (operation.kind !== 'update') return '';
  const value = guardedValue(operation, prohibition, model);
  if (value === undefined) return ", body: { note: 'changed' }";
  const field = codeLiteral(value.field);
  return `, body: { [${field}]: ${value.value === undefined ? `before[${field}] !== true` : String(value.value)} }`;
}

/**
 * `POST /flags/{id}/toggle answers 409 for a flag that is archived and leaves it as it was, and
 * PATCH /flags/{id} answers 409 to a body setting `enabled` to true there`: what the guarding routes refuse.
 */
function guardedBy(
  prohibition: ProhibitedChange,
  model: ResourceModel,
  guarded: readonly Operation[],
): string {
  const whole = guarded.filter((operation) => guardedValue(operation, prohibition, model) === undefined);
  const byValue = guarded.flatMap((operation) => {
    const value = guardedValue(operation, prohibition, model);
    return value === undefined
      ? []
      : [
          `${operation.routeKey} answers 409 to a body ${value.value === undefined ? `changing \`${value.field}\`` : `setting \`${value.field}\` to ${String(value.value)}`} for ${itemIn(prohibition)}`,
        ];
  });
  const routes = whole.map((operation) => operation.routeKey).join(', ');
  const wholeText =
    whole.length === 0
      ? []
      : [
          `${routes} answer${whole.length === 1 ? 's' : ''} 409 for ${itemIn(prohibition)} and leave${whole.length === 1 ? 's' : ''} it as it was`,
        ];
  return [...wholeText, ...byValue].join(', and ');
}

/**
 * The generated lines that a guarding route declares its refusal: the statuses its route refuses
 * (`refusedFrom`), and the final statuses of the resource for those a move answers 409 in as final.
 */
function refusalDeclared(operation: Operation, prohibition: ProhibitedChange, model: ResourceModel): string {
  const statuses = prohibition.inStatuses ?? [];
  const final = statuses.filter(
    (status) => !operation.refusedFrom.includes(status) && finalStatusesOf(operation, model).includes(status),
  );
  const refused = statuses.filter((status) => !final.includes(status));
  return [
    ...(refused.length === 0
      ? []
      : [
          `    expect(ROUTES[${codeLiteral(operation.routeKey)}]?.refusedFrom ?? []).toEqual(expect.arrayContaining([${refused.map(codeLiteral).join(', ')}]));`,
        ]),
    ...(final.length === 0
      ? []
      : [
          `    expect(RESOURCES[${codeLiteral(operation.resource)}]?.status?.terminal ?? []).toEqual(expect.arrayContaining([${final.map(codeLiteral).join(', ')}]));`,
        ]),
  ].join('\n');
}

/** The title of the generated test of a status-qualified prohibition. */
function qualifiedTitle(prohibition: ProhibitedChange, model: ResourceModel): string {
  const guarded = guardingOperations(prohibition, model).map((operation) => operation.routeKey);
  const routes = guarded.length === 1 ? `${guarded.join('')} answers` : `${guarded.join(' and ')} answer`;
  return `${itemIn(prohibition)} is never ${forbidden([prohibition])}: ${routes} 409`;
}

/**
 * The generated tests of a resource's status-qualified prohibitions: every guarding route declares
 * the refusal, and, when a route moves a new item into the status, each answers 409 once it is there
 * and the item reads back as it was.
 */
export function qualifiedProhibitionTests(resource: Resource, model: ResourceModel): string {
  return model.prohibitions
    .filter((prohibition) => prohibition.resource === resource.name && prohibition.inStatuses !== undefined)
    .map((prohibition) => {
      const guarded = guardingOperations(prohibition, model);
      if (guarded.length === 0) return '';
      const declared = guarded
        .map((operation) => {
          const value = guardedValue(operation, prohibition, model);
          return value === undefined
            ? refusalDeclared(operation, prohibition, model)
            : `    expect((ROUTES[${codeLiteral(operation.routeKey)}]?.refusedValues ?? []).map((refused) => refused.field)).toContain(${codeLiteral(value.field)});`;
        })
        .filter((line, index, lines) => lines.indexOf(line) === index)
        .join('\n');
      const path = statusPath(resource, model, prohibition.inStatuses?.[0] ?? '');
      const read = codeLiteral(routeKey(resource.collection, 'read'));
      const driven =
        path === undefined
          ? ''
          : `
    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    const id = created.body.id as string;
${path.map((key) => `    expect((await call(${codeLiteral(key)}, { id })).status).toBe(200);`).join('\n')}
    const before = (await call(${read}, { id })).body;
${guarded
  .map(
    (operation) =>
      `    expect((await call(${codeLiteral(operation.routeKey)}, { id${guardedBody(operation, prohibition, model)} })).status).toBe(409);`,
  )
  .join('\n')}
    expect((await call(${read}, { id })).body).toEqual(before);`;
      return `
  it(${codeLiteral(qualifiedTitle(prohibition, model))}, async () => {
    const { call } = setup();
${declared}${driven}
  });
`;
    })
    .join('');
}
