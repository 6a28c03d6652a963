import { participle } from '../../../naming/participle.js';
import { camel } from './camel.js';

/**
 * The field that records who an action was done for or by: `assign` → `assignee`, `claim` →
 * `claimedBy`. A transition done to the caller (`assign a ticket to myself`) sets it, and a list of
 * the items it was done to (`list tickets assigned to me`) filters on it.
 */
export function callerField(action: string): string {
  return action === 'assign' || action === 'reassign'
    ? 'assignee'
    : camel([participle(action.split('-')[0] ?? action), 'by']);
}
