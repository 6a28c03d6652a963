import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';
import { createMirrorCache } from '../../../src/pipeline/mirror/mirror-cache.js';
import type { MirrorStores } from '../../../src/pipeline/mirror/mirror-stores-for-config.js';

/** A config whose `mirrors` section names `bucket`: each bucket is a distinct section. */
function configFor(bucket: string) {
  const parsed = parseAgentConfig(`mirrors:\n  region: eu-west-1\n  artifacts_bucket: artifacts-${bucket}\n`);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

/** Stores that count their opening and closing by bucket name, and a manual clock for the grace. */
function harness(max: number) {
  const closed: string[] = [];
  const opened: string[] = [];
  const pending: { close: () => void; cancelled: boolean }[] = [];
  const cache = createMirrorCache({
    max,
    graceMs: 1000,
    open: (config): MirrorStores => {
      const bucket = config.mirrors?.artifacts_bucket?.replace('artifacts-', '') ?? 'none';
      opened.push(bucket);
      return { close: () => closed.push(bucket) };
    },
    later: (close) => {
      const entry = { close, cancelled: false };
      pending.push(entry);
      return { cancel: () => (entry.cancelled = true) };
    },
  });
  const elapse = () => {
    for (const entry of pending.splice(0)) if (!entry.cancelled) entry.close();
  };
  return { cache, opened, closed, elapse };
}

describe('createMirrorCache', () => {
  it('opens each distinct mirrors section once and reuses it', () => {
    const { cache, opened } = harness(4);
    const first = cache.forConfig(configFor('a'));
    expect(cache.forConfig(configFor('a'))).toBe(first);
    cache.forConfig(configFor('b'));
    expect(opened).toEqual(['a', 'b']);
  });

  it('keeps at most `max` sections open: the least recently used is closed after its grace, and reopened when needed', () => {
    const { cache, opened, closed, elapse } = harness(2);
    cache.forConfig(configFor('a'));
    cache.forConfig(configFor('b'));
    cache.forConfig(configFor('a')); // a is now the most recently used
    cache.forConfig(configFor('c')); // evicts b
    expect(closed).toEqual([]); // an event that took b just before may still be writing
    elapse();
    expect(closed).toEqual(['b']);
    cache.forConfig(configFor('b'));
    expect(opened).toEqual(['a', 'b', 'c', 'b']);
  });

  it('closes everything on close, evicted sections still in their grace included, and each once', () => {
    const { cache, closed, elapse } = harness(1);
    cache.forConfig(configFor('a'));
    cache.forConfig(configFor('b')); // evicts a
    cache.close();
    expect(closed.sort()).toEqual(['a', 'b']);
    elapse();
    expect(closed.sort()).toEqual(['a', 'b']);
  });
});
