import type { ResponseCache } from './response-cache.js';

/** A process-lifetime cache; enough for one Action run or one app instance. */
export function createInMemoryResponseCache(): ResponseCache {
  const entries = new Map<string, string>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, value) => {
      entries.set(key, value);
    },
  };
}
