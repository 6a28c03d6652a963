import { movesFromNew } from './moves-from-new.js';
import type { Resource, ResourceModel } from './model/resource-model-types.js';

/**
 * The routes that take a new item into a status, for a generated test to drive (`cancel` for
 * `canceled`): one move that acts in the status items are made in and is not refused there.
 * Undefined when no single route does (the test then checks the route table only).
 */
export function statusPath(resource: Resource, model: ResourceModel, status: string): string[] | undefined {
  const initial = resource.status?.initial ?? '';
  for (const transition of resource.status?.transitions ?? []) {
    if (transition.to !== status || !movesFromNew({ resource, model, transition })) continue;
    const operation = model.operations.find(
      (candidate) => candidate.resource === resource.name && candidate.action === transition.action,
    );
    if (operation !== undefined && !operation.refusedFrom.includes(initial)) return [operation.routeKey];
  }
  return undefined;
}
