import type { Resource } from './resource-model-types.js';
import { unique } from './unique.js';

/**
 * `cancel an order that has not shipped`, where the description lists the lifecycle in order
 * (`placed, paid, shipped, delivered, cancelled`): an order past shipped has shipped too, so the
 * statuses listed after it are refused as well (not the one the route itself sets). Without such a
 * list (three statuses of the model or more, in one sentence) the order is unknown and only the
 * named status is refused. A status the stories name but no route sets (`approve an expense until it
 * is paid`) keeps its place in the order: `withdraw before it is approved` refuses `paid` too.
 */
export function withLaterStatuses(params: {
  refused: readonly string[];
  resource: Resource;
  own: string | undefined;
  sentences: readonly (readonly string[])[];
}): string[] {
  const { resource, refused } = params;
  const machine = resource.status;
  if (machine === undefined || refused.length === 0) return [...refused];
  const known = new Set([
    machine.initial,
    ...machine.transitions.map((transition) => transition.to),
    ...machine.setElsewhere,
  ]);
  const own = machine.transitions.find((transition) => transition.action === params.own)?.to;
  const later = params.sentences.flatMap((words) => {
    const listed = unique(words.filter((word) => known.has(word)));
    if (listed.length < 3) return [];
    const first = Math.min(...refused.map((status) => listed.indexOf(status)).filter((index) => index >= 0));
    return Number.isFinite(first) ? listed.slice(first + 1) : [];
  });
  return unique([...refused, ...later.filter((status) => status !== own)]);
}
