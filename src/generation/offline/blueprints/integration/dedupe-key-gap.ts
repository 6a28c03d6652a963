/** Ids that are the delivery's own, which the receiver does key duplicates by. */
const DELIVERY_IDS = new Set(['delivery', 'message', 'event', 'request', 'webhook', 'idempotency', 'unique']);
/** Words between `by` and the id's noun (`by their build id`, `by the order's id`). */
const DETERMINERS = new Set(['their', 'its', 'the', 'a', 'an', 'each', 's']);

/**
 * `Ignore duplicate deliveries by their build id.`: the receiver keys duplicates by the delivery id
 * (the delivery header's, else the body's top-level `id`, else the body's sha256), so an id of
 * something the delivery is about (a build, an order) is not what it keys them by: the gap saying
 * so, or none when the clause names no such id (`by their delivery id`, or no `by`).
 * `clauseText`: the clause as written.
 */
export function dedupeKeyGaps(clauseText: string): string[] {
  const words: readonly string[] = clauseText.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const by = words.indexOf('by');
  if (by === -1) return [];
  let at = by + 1;
  while (DETERMINERS.has(words[at] ?? '')) at += 1;
  const id = words.indexOf('id', at) === -1 ? words.indexOf('ids', at) : words.indexOf('id', at);
  const noun = words.slice(at, id).join(' ');
  if (id === -1 || noun === '' || id - at > 2 || words.slice(at, id).some((word) => DELIVERY_IDS.has(word)))
    return [];
  const path = words.slice(at, id).join('_');
  return [
    `duplicates are found by the delivery id (the delivery header's, else the body's top-level \`id\`, else the body's sha256), not by the ${noun} id asked: two deliveries of one ${noun} that differ elsewhere are both processed; key them by the ${noun}'s id in the body (\`${path}.id\`) in src/receive-webhook.ts`,
  ];
}
