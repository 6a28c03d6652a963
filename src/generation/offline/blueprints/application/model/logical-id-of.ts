import { capitalize } from '../../../naming/service-names.js';

/** `POST /orders/{id}/pay` → `RoutePostOrdersIdPay`: the route's CloudFormation logical id. */
export function logicalIdOf(key: string): string {
  return `Route${key
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .map(capitalize)
    .join('')}`;
}
