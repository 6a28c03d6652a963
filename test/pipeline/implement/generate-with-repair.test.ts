import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { gatePolicyFrom } from '../../../src/core/gates/gate-policy.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';
import {
  ModelOutputError,
  type GenerationInput,
  type ModelProvider,
} from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { generateWithRepair } from '../../../src/pipeline/implement/generate-with-repair.js';

const request = ordersApiRequest;
const context = { owner: 'acme', repo: 'shop', issueNumber: 7 };
const policy = gatePolicyFrom(DEFAULT_CONFIG);
const usage = { inputTokens: 100, outputTokens: 50, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.01 };

/** Plays back a scripted list of answers and records what it was asked. */
function scriptedProvider(
  answers: Array<ArtifactBundle | Error>,
): ModelProvider & { calls: GenerationInput[] } {
  const calls: GenerationInput[] = [];
  return {
    name: 'scripted',
    calls,
    async generate(input) {
      calls.push(input);
      const next = answers.shift();
      if (!next) throw new Error('no more scripted answers');
      if (next instanceof Error) throw next;
      return { bundle: next, usage, model: 'scripted-model' };
    },
  };
}

async function goodBundle(): Promise<ArtifactBundle> {
  return (await createOfflineProvider().generate({ request, context })).bundle;
}

describe('generateWithRepair', () => {
  it('returns the first bundle that passes the gates', async () => {
    const provider = scriptedProvider([await goodBundle()]);
    const outcome = await generateWithRepair({ provider, request, context, policy, maxRepairAttempts: 2 });
    expect(outcome.ok).toBe(true);
    expect(outcome.attempts).toBe(1);
    expect(provider.calls[0]?.repair).toBeUndefined();
  });

  it('sends gate findings back for repair and accepts the repaired bundle', async () => {
    const good = await goodBundle();
    const escaping: ArtifactBundle = {
      ...good,
      files: [...good.files, { path: '../outside.ts', content: 'x', role: 'source' }],
    };
    const provider = scriptedProvider([escaping, good]);
    const outcome = await generateWithRepair({ provider, request, context, policy, maxRepairAttempts: 2 });
    expect(outcome).toMatchObject({ ok: true, attempts: 2 });
    expect(outcome.usage.costUsd).toBeCloseTo(0.02);
    const repair = provider.calls[1]?.repair;
    expect(repair?.previous).toBe(escaping);
    expect(repair?.findings.some((f) => f.gate === 'paths' && f.path === '../outside.ts')).toBe(true);
  });

  it('treats an unusable model answer as a finding to repair', async () => {
    const provider = scriptedProvider([
      new ModelOutputError('no tool call', ['the model did not call write_files'], usage),
      await goodBundle(),
    ]);
    const outcome = await generateWithRepair({ provider, request, context, policy, maxRepairAttempts: 1 });
    expect(outcome.ok).toBe(true);
    expect(provider.calls[1]?.repair?.findings[0]).toMatchObject({ gate: 'model-output' });
    expect(provider.calls[1]?.repair?.findings[0]?.message).toContain('did not call write_files');
    // The unusable answer was paid for, so the task's cost counts both calls.
    expect(outcome.usage.costUsd).toBeCloseTo(0.02);
  });

  it('fails with the last findings once the repair budget is spent', async () => {
    const good = await goodBundle();
    const gitWrite: ArtifactBundle = {
      ...good,
      files: [...good.files, { path: '.git/hooks/post-checkout', content: 'x', role: 'config' }],
    };
    const provider = scriptedProvider([gitWrite, gitWrite, gitWrite]);
    const outcome = await generateWithRepair({ provider, request, context, policy, maxRepairAttempts: 2 });
    expect(outcome.ok).toBe(false);
    expect(outcome.attempts).toBe(3);
    expect(provider.calls).toHaveLength(3);
    if (!outcome.ok) expect(outcome.findings.some((f) => f.path === '.git/hooks/post-checkout')).toBe(true);
  });

  it('lets other provider errors through unchanged', async () => {
    const provider = scriptedProvider([new Error('AccessDenied: enable model access')]);
    await expect(
      generateWithRepair({ provider, request, context, policy, maxRepairAttempts: 2 }),
    ).rejects.toThrow('AccessDenied');
  });
});
