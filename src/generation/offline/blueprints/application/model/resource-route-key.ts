import type { OperationKind, Resource } from './resource-model-types.js';
import { routeKey } from './route-key.js';

/** A route of a resource: creates and lists of a child resource sit under its parent (`POST /tickets/{id}/comments`). */
export function resourceRouteKey(resource: Resource, kind: OperationKind, action?: string): string {
  const parent = resource.parent;
  if (parent !== undefined && (kind === 'create' || kind === 'list'))
    return `${kind === 'create' ? 'POST' : 'GET'} /${parent.collection}/{id}/${resource.collection}`;
  return routeKey(resource.collection, kind, action);
}
