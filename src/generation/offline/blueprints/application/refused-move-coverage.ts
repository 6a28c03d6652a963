import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import { withArticle } from '../../naming/article.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { spokenName } from '../../naming/spoken-name.js';
import { createCall } from './application-create-call.js';
import { routeKey } from './model/route-key.js';
import type { Operation, RefusedMove, Resource, ResourceModel } from './model/resource-model-types.js';
import { statusPath } from './status-path.js';

/** The move routes a refusal names that refuse (409) every status it names. */
function guardingRoutes(refused: RefusedMove, model: ResourceModel): Operation[] {
  return model.operations.filter(
    (operation) =>
      operation.resource === refused.resource &&
      operation.kind === 'transition' &&
      refused.actions.includes(operation.action ?? '') &&
      refused.inStatuses.every((status) => operation.refusedFrom.includes(status)),
  );
}

/** `a laptop that is retired`. */
function itemIn(refused: RefusedMove): string {
  return `${withArticle(spokenName(refused.resource))} that is ${refused.inStatuses.join(' or ')}`;
}

/** The title of the generated test of a refused move. */
function refusedMoveTitle(refused: RefusedMove, model: ResourceModel): string {
  const routes = guardingRoutes(refused, model).map((operation) => operation.routeKey);
  return `${itemIn(refused)} is never moved by ${routes.join(' or ')}: ${routes.length === 1 ? 'it answers' : 'each answers'} 409`;
}

/**
 * `A retired laptop cannot be assigned.`: met by the move routes that answer 409 in that status,
 * proved by the generated test, asked by the clause's own words (so the routes its nouns and verbs
 * name, which do the move, never answer it alone). When no single route takes a new item into the
 * status, the test checks the route table only, and the row says so.
 */
export function refusedMoveCapabilities(params: {
  model: ResourceModel;
  test: (title: string) => TestEvidence;
}): Capability[] {
  const { model } = params;
  return model.refusedMoves.flatMap((refused) => {
    const resource = model.resources.find((candidate) => candidate.name === refused.resource);
    const guarded = guardingRoutes(refused, model);
    if (resource === undefined) return [];
    if (guarded.length === 0) return [opposedBy(refused, model)];
    const driven = statusPath(resource, model, refused.inStatuses[0] ?? '') !== undefined;
    const routes = guarded.map((operation) => operation.routeKey).join(', ');
    return [
      {
        when: [refused.words],
        implementedBy: `${routes} answer${guarded.length === 1 ? 's' : ''} 409 for ${itemIn(refused)} and leave${guarded.length === 1 ? 's' : ''} it as it was`,
        tests: [params.test(refusedMoveTitle(refused, model))],
        resources: guarded.map((operation) => operation.logicalId),
        ...(driven
          ? {}
          : {
              gaps: [
                `no single route takes a new ${spokenName(refused.resource)} to ${refused.inStatuses[0] ?? ''}, so the generated test checks the route table only, not a call`,
              ],
            }),
      },
    ];
  });
}

/**
 * `A closed ticket cannot be reopened.` beside `reopen a closed ticket`: the move acts only in the
 * status the rule refuses it in, so the route follows the story and the rule is not generated.
 */
function opposedBy(refused: RefusedMove, model: ResourceModel): Capability {
  const routes = model.operations
    .filter(
      (operation) =>
        operation.resource === refused.resource &&
        operation.kind === 'transition' &&
        refused.actions.includes(operation.action ?? ''),
    )
    .map(
      (operation) =>
        `${operation.routeKey}${operation.stories.length === 0 ? '' : ` (story ${operation.stories.map((story) => story.intent.number).join(', ')})`}`,
    );
  return {
    when: [refused.words],
    implementedBy: '',
    tests: [],
    resources: [],
    notGenerated: `the request refuses that move for ${itemIn(refused)}, yet ${routes.join(', ')} is asked to make it from there: the routes follow the stories, so drop that story or the rule`,
  };
}

/**
 * The generated tests of a resource's refused moves: each guarding route declares the refusal, and,
 * when a route takes a new item into the status, answers 409 once it is there (made with what the
 * move records), the item reading back as it was.
 */
export function refusedMoveTests(resource: Resource, model: ResourceModel): string {
  return model.refusedMoves
    .filter((refused) => refused.resource === resource.name)
    .map((refused) => {
      const guarded = guardingRoutes(refused, model);
      if (guarded.length === 0) return '';
      const statuses = refused.inStatuses.map(codeLiteral).join(', ');
      const declared = guarded
        .map(
          (operation) =>
            `    expect(ROUTES[${codeLiteral(operation.routeKey)}]?.refusedFrom ?? []).toEqual(expect.arrayContaining([${statuses}]));`,
        )
        .join('\n');
      const path = statusPath(resource, model, refused.inStatuses[0] ?? '');
      const read = codeLiteral(routeKey(resource.collection, 'read'));
      const driven =
        path === undefined
          ? ''
          : `
    const created = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    const id = created.body.id as string;
${path.map((key) => `    expect((await call(${codeLiteral(key)}, { id, body: moveBody(${codeLiteral(key)}) })).status).toBe(200);`).join('\n')}
    const before = (await call(${read}, { id })).body;
${guarded
  .map(
    (operation) =>
      `    expect((await call(${codeLiteral(operation.routeKey)}, { id, body: moveBody(${codeLiteral(operation.routeKey)}) })).status).toBe(409);`,
  )
  .join('\n')}
    expect((await call(${read}, { id })).body).toEqual(before);`;
      return `
  it(${codeLiteral(refusedMoveTitle(refused, model))}, async () => {
    const { call } = setup();
${declared}${driven}
  });
`;
    })
    .join('');
}
