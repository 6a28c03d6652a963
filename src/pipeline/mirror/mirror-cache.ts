import type { AwsClientSettings } from '../../aws/create-aws-client.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import { mirrorStoresForConfig, type MirrorStores } from './mirror-stores-for-config.js';

/**
 * The mirrors each repository's config names, opened once per distinct `mirrors` section and
 * reused across events: the one place the app, the Action (and later the REST API and a queue
 * worker) get their mirrors from. A config naming none gives empty stores, and the pipeline runs
 * without mirrors and without error.
 */
export interface MirrorCache {
  forConfig(config: AgentConfig): MirrorStores;
  /** Closes every client opened; the runtime calls it when it stops. */
  close(): void;
}

export function createMirrorCache(
  params: {
    /** Endpoint and credentials overrides (a stand-in such as moto); absent: the SDK's own chain. */
    aws?: Omit<AwsClientSettings, 'region'>;
    /** Opens the stores for a config instead of the AWS ones (tests: the local folder stores). */
    open?: (config: AgentConfig) => MirrorStores;
  } = {},
): MirrorCache {
  const open =
    params.open ??
    ((config: AgentConfig) => mirrorStoresForConfig({ config, ...(params.aws ? { aws: params.aws } : {}) }));
  const opened = new Map<string, MirrorStores>();
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
      for (const stores of opened.values()) stores.close();
      opened.clear();
    },
  };
}
