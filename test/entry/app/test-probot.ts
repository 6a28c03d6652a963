import { generateKeyPairSync } from 'node:crypto';
import { Probot, ProbotOctokit } from 'probot';
import type { AgentConfig } from '../../../src/core/config/agent-config.js';
import type { MarkerKeys } from '../../../src/core/state/marker-keys.js';
import type { ModelProvider } from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { implementationAgentApp } from '../../../src/entry/app/app.js';
import { createKeyedQueue } from '../../../src/entry/app/keyed-queue.js';
import type { MirrorCache } from '../../../src/pipeline/mirror/mirror-cache.js';
import { APP_LOGIN, TEST_MARKER_KEYS } from './agent-status.js';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/**
 * A Probot instance as in Probot's testing guide (retries and throttling off) with our app loaded,
 * as `startServer` loads it: knowing its bot login and signing markers with a key derived from
 * the test webhook secret. `login: null` leaves the login to be asked of GitHub (`GET /app`);
 * `markerKeys: null` runs without a key.
 */
export async function testProbot(
  options: {
    providerFor?: (config: AgentConfig) => ModelProvider;
    login?: string | null;
    markerKeys?: MarkerKeys | null;
    mirrors?: MirrorCache;
  } = {},
) {
  const errors: unknown[] = [];
  const queue = createKeyedQueue((error) => errors.push(error));
  const probot = new Probot({
    appId: 123,
    privateKey,
    // A function, not an object: Probot layers its own throttle options over object defaults.
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(options.throttle as object), enabled: false },
    })),
    logLevel: 'fatal',
  });
  const login = options.login === undefined ? APP_LOGIN : options.login;
  const markerKeys = options.markerKeys === undefined ? TEST_MARKER_KEYS : options.markerKeys;
  await probot.load(
    implementationAgentApp({
      queue,
      providerFor: options.providerFor ?? (() => createOfflineProvider()),
      ...(login === null ? {} : { login }),
      ...(markerKeys === null ? {} : { markerKeys }),
      ...(options.mirrors === undefined ? {} : { mirrors: options.mirrors }),
      // The second read-back of a status write needs no real delay here: no run races these tests' writes.
      settle: async () => undefined,
    }),
  );
  return {
    probot,
    errors,
    /**
     * Delivers the event (which returns at once) and waits for the queued work. `id` is the
     * `X-GitHub-Delivery` id, which a redelivery keeps; a new one by default.
     */
    async receive(name: string, payload: Record<string, unknown>, id = `delivery-${Math.random()}`) {
      await probot.receive({ id, name, payload } as Parameters<Probot['receive']>[0]);
      await queue.idle();
    },
    /** Delivers the event as GitHub does, without waiting for the work it queues. */
    async deliver(name: string, payload: Record<string, unknown>, id = `delivery-${Math.random()}`) {
      await probot.receive({ id, name, payload } as Parameters<Probot['receive']>[0]);
    },
    /** Resolves once every queued job has finished. */
    idle: () => queue.idle(),
  };
}
