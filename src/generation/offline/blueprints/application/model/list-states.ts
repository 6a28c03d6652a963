/** Words a request uses for a state an item is in before its noun (`a closed ticket`, `an open order`). */
export const STATE_ADJECTIVES = new Set(['open', 'draft', 'pending', 'active', 'inactive', 'done', 'stale']);
/** More words for a state a list names before its noun (`unpaid invoices`, `overdue tasks`). */
export const LIST_STATES = new Set([
  ...STATE_ADJECTIVES,
  'paid',
  'unpaid',
  'overdue',
  'outstanding',
  'sent',
  'due',
]);
