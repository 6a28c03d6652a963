import type { ResourceModel, Resource, Transition } from './model/resource-model-types.js';

/**
 * Whether a new item can take a transition through its route: the route exists and acts in the
 * status items are made in (`reopen a resolved ticket` does not, until another route resolves it).
 */
export function movesFromNew(params: {
  resource: Resource;
  model: ResourceModel;
  transition: Transition;
}): boolean {
  const { resource, transition } = params;
  const operation = params.model.operations.find(
    (candidate) => candidate.resource === resource.name && candidate.action === transition.action,
  );
  const initial = resource.status?.initial ?? '';
  return operation !== undefined && (operation.onlyIn.length === 0 || operation.onlyIn.includes(initial));
}
