import { spokenName } from '../../naming/spoken-name.js';
import { withArticle } from '../../naming/article.js';
import type { Resource, ResourceModel } from './model/resource-model-types.js';
import { movesFromNew } from './moves-from-new.js';

/** Titles of the generated tests, shared by the test files and the coverage that cites them. */
export const TEST_FILES = {
  app: 'test/app.test.ts',
  dynamodb: 'test/dynamodb-item-repository.test.ts',
  events: 'test/eventbridge-status-events.test.ts',
} as const;

export const ROUTES_MATCH_TEMPLATE = 'the template declares exactly the routes the app serves';
/** The generated template test of the items table's settings (billing, encryption, recovery, retention). */
export const TABLE_SETTINGS =
  'the template keeps the items table on-demand and encrypted with point-in-time recovery and retained on delete';
export const DYNAMODB_WRITES = 'stores items by collection and id with conditional writes';
export const DYNAMODB_LISTS =
  'lists by collection or owner or filtered by status or field or list entry and pages with tokens';
export const EVENTBRIDGE_PUTS = 'puts each status change on the bus and fails on a refused entry';

export function lifecycleTitle(resource: Resource, model: ResourceModel): string {
  return `${spokenName(resource.name)} lifecycle ${lifecycleSteps(resource, model).join(' ')}`;
}

/** What the lifecycle test does with a resource, from the routes it has: `create`, `read back`, `list`, `cancel`. */
export function lifecycleSteps(resource: Resource, model: ResourceModel): string[] {
  const kinds = new Set(
    model.operations
      .filter((operation) => operation.resource === resource.name)
      .map((operation) => operation.kind),
  );
  return [
    'create',
    'read back',
    ...(kinds.has('list') ? ['list'] : []),
    ...(kinds.has('update') ? ['change'] : []),
    ...(kinds.has('transition')
      ? [
          (
            resource.status?.transitions.find(
              (transition) =>
                transition.to !== resource.status?.initial && movesFromNew({ resource, model, transition }),
            )?.action ??
            resource.status?.transitions[0]?.action ??
            'move'
          ).replace(/-/g, ' '),
        ]
      : []),
    ...(kinds.has('delete') ? ['delete'] : []),
  ];
}

export function statusesTitle(resource: Resource): string {
  return `${spokenName(resource.name)} reaches every status its stories name through its routes`;
}

export function validationTitle(resource: Resource): string {
  return `${spokenName(resource.name)} bodies are checked against the model`;
}

export function eventsTitle(resource: Resource): string {
  return `every ${spokenName(resource.name)} status change is published`;
}

export function eventFailureTitle(resource: Resource): string {
  return `${withArticle(resource.name)} status change stands when publishing fails`;
}
