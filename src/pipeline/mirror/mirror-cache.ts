import { LRUCache } from 'lru-cache';
import type { AwsClientSettings } from '../../aws/create-aws-client.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import { mirrorStoresForConfig, type MirrorStores } from './mirror-stores-for-config.js';

/**
 * How many distinct `mirrors` sections keep their clients open at once. A server for many
 * installations meets as many sections as repositories configure; past this the least recently
 * used one is closed (after `CLOSE_GRACE_MS`) and opened again when next needed.
 */
export const MAX_OPEN_MIRROR_CONFIGS = 64;

/**
 * How long an evicted section's clients stay open before they are closed, in milliseconds: an
 * event that took them just before the eviction finishes its writes (SDK retries included) first.
 */
export const CLOSE_GRACE_MS = 5 * 60_000;

/**
 * How many evicted sections may wait out their grace at once, as a multiple of `max`: past that
 * the one evicted longest ago is closed at once, so churn through many distinct sections (anyone
 * who can push a config can name a new bucket per push) never leaves more than `max` times this
 * plus `max` sections of clients open. An event still using one then fails a write the SDK
 * reports, as any closed client does, and the mirror's next sync repairs it.
 */
export const CLOSING_PER_OPEN = 1;

/**
 * The mirrors each repository's config names, opened once per distinct `mirrors` section and
 * reused across events: the one place the app, the Action (and later the REST API and a queue
 * worker) get their mirrors from. A config naming none gives empty stores, and the pipeline runs
 * without mirrors and without error.
 */
export interface MirrorCache {
  forConfig(config: AgentConfig): MirrorStores;
  /** Closes every client opened, evicted ones waiting out their grace included; the runtime calls it when it stops. */
  close(): void;
}

/**
 * A bounded `MirrorCache`: at most `max` sections open (default `MAX_OPEN_MIRROR_CONFIGS`), the
 * least recently used closed `graceMs` after its eviction (default `CLOSE_GRACE_MS`), or at once
 * when more than `max * CLOSING_PER_OPEN` evicted ones wait (the oldest first).
 */
export function createMirrorCache(
  params: {
    /** Endpoint and credentials overrides (a stand-in such as moto); absent: the SDK's own chain. */
    aws?: Omit<AwsClientSettings, 'region'>;
    /** Opens the stores for a config instead of the AWS ones (tests: the local folder stores). */
    open?: (config: AgentConfig) => MirrorStores;
    max?: number;
    graceMs?: number;
    /** Runs `close` after `ms` without keeping the process alive (tests: a manual clock). */
    later?: (close: () => void, ms: number) => { cancel(): void };
  } = {},
): MirrorCache {
  const open =
    params.open ??
    ((config: AgentConfig) => mirrorStoresForConfig({ config, ...(params.aws ? { aws: params.aws } : {}) }));
  const later = params.later ?? unrefTimer;
  const graceMs = params.graceMs ?? CLOSE_GRACE_MS;
  const max = params.max ?? MAX_OPEN_MIRROR_CONFIGS;
  /** Evicted sections waiting out their grace, oldest first (a `Set` keeps insertion order). */
  const closing = new Set<{ stores: MirrorStores; timer: { cancel(): void } }>();
  const opened = new LRUCache<string, MirrorStores>({
    max,
    dispose: (stores, _key, reason) => {
      if (reason !== 'evict') return;
      const entry = { stores, timer: { cancel() {} } };
      entry.timer = later(() => {
        closing.delete(entry);
        stores.close();
      }, graceMs);
      closing.add(entry);
      for (const oldest of closing) {
        if (closing.size <= max * CLOSING_PER_OPEN) break;
        closing.delete(oldest);
        oldest.timer.cancel();
        oldest.stores.close();
      }
    },
  });
  return {
    forConfig(config) {
      const key = JSON.stringify(config.mirrors);
      const existing = opened.get(key);
      if (existing !== undefined) return existing;
      const stores = open(config);
      opened.set(key, stores);
      return stores;
    },
    close() {
      for (const entry of closing) {
        entry.timer.cancel();
        entry.stores.close();
      }
      closing.clear();
      for (const stores of opened.values()) stores.close();
      opened.clear();
    },
  };
}

function unrefTimer(close: () => void, ms: number): { cancel(): void } {
  const timer = setTimeout(close, ms);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}
