/**
 * Review 10i (attacker): the mirror client cache's bound (`createMirrorCache`,
 * src/pipeline/mirror/mirror-cache.ts) under churn: a server for many installations where
 * repositories name more distinct `mirrors` sections than `max` (anyone who can push a config can
 * name a new bucket per push), each event opening a section and evicting another.
 *
 * Attacked: how many sections' clients are open at once when 500 distinct sections arrive within
 * one grace period (the evicted ones wait `CLOSE_GRACE_MS`, five minutes, before they close); the
 * same section spelt with its keys in another order.
 */
import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';
import { createMirrorCache } from '../../../src/pipeline/mirror/mirror-cache.js';
import type { MirrorStores } from '../../../src/pipeline/mirror/mirror-stores-for-config.js';

function configOf(yaml: string) {
  const parsed = parseAgentConfig(yaml);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}
const configFor = (bucket: string) =>
  configOf(`mirrors:\n  region: eu-west-1\n  artifacts_bucket: artifacts-${bucket}\n`);

/** Stores that count how many are open; the grace timer never fires (all within one grace period). */
function harness(max: number) {
  let open = 0;
  let opened = 0;
  const cache = createMirrorCache({
    max,
    open: (): MirrorStores => {
      open += 1;
      opened += 1;
      let closed = false;
      return {
        close: () => {
          if (!closed) open -= 1;
          closed = true;
        },
      };
    },
    later: () => ({ cancel: () => undefined }),
  });
  return { cache, open: () => open, opened: () => opened };
}

describe('mirror client cache under churn (review10i)', () => {
  it('FAULT: 500 distinct mirrors sections within one grace period leave 500 sections of clients open; the grace set (`closing`) has no bound', () => {
    const { cache, open } = harness(8);
    for (let index = 0; index < 500; index += 1) cache.forConfig(configFor(`tenant-${index}`));
    // Right: the clients open at once stay bounded, whatever the number of sections (say the
    // LRU's `max` plus as many again waiting out their grace, the oldest closed first).
    expect(open()).toBeLessThanOrEqual(16);
  });

  it('held: one section spelt with its keys in another order opens its clients once', () => {
    const { cache, opened } = harness(8);
    cache.forConfig(configOf(`mirrors:\n  region: eu-west-1\n  artifacts_bucket: artifacts-a\n`));
    cache.forConfig(configOf(`mirrors:\n  artifacts_bucket: artifacts-a\n  region: eu-west-1\n`));
    expect(opened()).toBe(1);
  });
});
