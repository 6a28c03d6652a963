import { logicalIdOf } from './logical-id-of.js';
import type { ParsedStory } from './parsed-story.js';
import { remainderParts } from './remainder-parts.js';
import type { Operation, Resource } from './resource-model-types.js';

/**
 * `see the remaining balance of an invoice`, where invoices declare a total and payments with an
 * amount are made under an invoice: `GET /invoices/{id}/balance`, which answers the total less the
 * sum of the amounts of the payments made under it, worked out on every read (never stored). One
 * route per resource, serving every story that asks for its remainder; a story whose model lacks a
 * part stays without a route (remainder-gap.ts says which part).
 */
export function balanceOperations(
  stories: readonly ParsedStory[],
  resources: readonly Resource[],
): Operation[] {
  const byResource = new Map<string, Operation>();
  for (const story of stories) {
    if (story.derived === undefined || story.countsEvents === true || story.computes !== undefined) continue;
    const found = remainderParts(story.derived, { resources });
    if (found?.total === undefined || found.parts === undefined) continue;
    const known = byResource.get(found.whole.name);
    if (known !== undefined) {
      byResource.set(found.whole.name, { ...known, stories: [...known.stories, story] });
      continue;
    }
    const routeKey = `GET /${found.whole.collection}/{id}/balance`;
    byResource.set(found.whole.name, {
      kind: 'balance',
      resource: found.whole.name,
      balance: { total: found.total, child: found.parts.child.name, amount: found.parts.amount },
      refusedFrom: [],
      onlyIn: [],
      records: [],
      filters: [],
      roles: [],
      routeKey,
      logicalId: logicalIdOf(routeKey),
      stories: [story],
    });
  }
  return [...byResource.values()];
}
