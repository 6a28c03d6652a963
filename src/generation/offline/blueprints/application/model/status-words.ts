/** Words naming an item's status rather than a field of its own. */
export const STATUS_WORDS = new Set(['status', 'state', 'progress']);
