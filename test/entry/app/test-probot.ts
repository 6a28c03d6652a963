import { generateKeyPairSync } from 'node:crypto';
import { Probot, ProbotOctokit } from 'probot';
import type { AgentConfig } from '../../../src/core/config/agent-config.js';
import type { ModelProvider } from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { implementationAgentApp } from '../../../src/entry/app/app.js';
import { createKeyedQueue } from '../../../src/entry/app/keyed-queue.js';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** A Probot instance as in Probot's testing guide (retries and throttling off) with our app loaded. */
export async function testProbot(options: { providerFor?: (config: AgentConfig) => ModelProvider } = {}) {
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
  await probot.load(
    implementationAgentApp({ queue, providerFor: options.providerFor ?? (() => createOfflineProvider()) }),
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
