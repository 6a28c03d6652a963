import { LRUCache } from 'lru-cache';
import type { DeliveryLog } from '../../pipeline/events/delivery-log.js';

/** Delivery ids kept: about 1 MB of memory (a 36-character GUID and the cache's bookkeeping each). */
export const DELIVERY_LOG_MAX_IDS = 10_000;

/**
 * How long an id is kept: GitHub redelivers only deliveries from the past 3 days
 * (https://docs.github.com/en/webhooks/testing-and-troubleshooting-webhooks/redelivering-webhooks).
 */
export const DELIVERY_LOG_TTL_MS = 3 * 24 * 60 * 60_000;

/**
 * The app's in-process `DeliveryLog`: the newest `max` delivery ids, each for `ttlMs`, the least
 * recently seen dropped first. A busier app forgets older ids sooner; redeliveries of those are
 * still caught by meaning (the task's marker, the deployment's payload, the dispatch's issue).
 */
export function createMemoryDeliveryLog(
  options: { max?: number; ttlMs?: number; now?: () => number } = {},
): DeliveryLog {
  const seen = new LRUCache<string, true>({
    max: options.max ?? DELIVERY_LOG_MAX_IDS,
    ttl: options.ttlMs ?? DELIVERY_LOG_TTL_MS,
    // Ages read from the clock at every check, not from a cached reading.
    ttlResolution: 0,
    ...(options.now === undefined ? {} : { perf: { now: options.now } }),
  });
  return {
    async claim(deliveryId) {
      if (seen.has(deliveryId)) return false;
      seen.set(deliveryId, true);
      return true;
    },
    async release(deliveryId) {
      seen.delete(deliveryId);
    },
  };
}
