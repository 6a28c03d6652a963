import { camel } from './camel.js';

/** The field naming an item's owner (`customer` → `customerId`, `team member` → `teamMemberId`). */
export function ownerFieldOf(owner: string): string {
  return `${camel([owner])}Id`;
}
