import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { formatFindingsForRepair } from '../../../src/core/gates/format-findings.js';
import { gatePolicyFrom } from '../../../src/core/gates/gate-policy.js';
import {
  ModelOutputError,
  type GenerationInput,
  type ModelProvider,
} from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { generateWithRepair } from '../../../src/pipeline/implement/generate-with-repair.js';
import { FAKE_GITHUB_CLASSIC_TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { SECRET_CASES } from '../../fixtures/adversarial/secrets/secret-cases.js';
import { secretFragmentsIn } from '../../fixtures/adversarial/secrets/secret-fragments.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';

const request = ordersApiRequest;
const context = { owner: 'acme', repo: 'shop', issueNumber: 7 };
const policy = gatePolicyFrom(DEFAULT_CONFIG);
const usage = { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };

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

describe('generateWithRepair with credentials in the answer', () => {
  it.each(SECRET_CASES)(
    'sends $name back for repair, and accepts the bundle once it is gone',
    async (secretCase) => {
      const good = await goodBundle();
      const leaky: ArtifactBundle = { ...good, files: [...good.files, secretCase.file] };
      const provider = scriptedProvider([leaky, good]);

      const outcome = await generateWithRepair({ provider, request, context, policy, maxRepairAttempts: 2 });

      expect(outcome).toMatchObject({ ok: true, attempts: 2 });
      const findings = provider.calls[1]?.repair?.findings ?? [];
      expect(findings.filter((finding) => finding.gate === 'secrets').map((finding) => finding.path)).toEqual(
        secretCase.kinds.map(() => secretCase.file.path),
      );
      expect(secretFragmentsIn(JSON.stringify(findings), secretCase.values)).toEqual([]);
    },
  );

  it('fails the task with value-free reasons when the model never removes the secret', async () => {
    const good = await goodBundle();
    const [awsCase] = SECRET_CASES;
    if (awsCase === undefined) throw new Error('no secret cases');
    const leaky: ArtifactBundle = { ...good, files: [...good.files, awsCase.file] };
    const provider = scriptedProvider([leaky, leaky, leaky]);

    const outcome = await generateWithRepair({ provider, request, context, policy, maxRepairAttempts: 2 });

    expect(outcome.ok).toBe(false);
    expect(provider.calls).toHaveLength(3);
    if (outcome.ok) return;
    const report = formatFindingsForRepair(outcome.findings);
    expect(report).toContain('[secrets] src/orders/aws-client.ts: line 5, column 19: AWS access key ID');
    expect(report).toContain('[secrets] src/orders/aws-client.ts: line 6, column 23: AWS secret access key');
    expect(secretFragmentsIn(report, awsCase.values)).toEqual([]);
  });

  it('redacts a secret the model quoted instead of calling the tool', async () => {
    const provider = scriptedProvider([
      new ModelOutputError(
        'no tool call',
        [`the model said: "use ${FAKE_GITHUB_CLASSIC_TOKEN} to push"`],
        usage,
      ),
      await goodBundle(),
    ]);

    const outcome = await generateWithRepair({ provider, request, context, policy, maxRepairAttempts: 1 });

    expect(outcome.ok).toBe(true);
    expect(provider.calls[1]?.repair?.findings).toEqual([
      { gate: 'model-output', message: 'the model said: "use [REDACTED:github-token] to push"' },
    ]);
  });

  it('redacts a secret another gate quotes, such as the target of a broken Ref', async () => {
    const good = await goodBundle();
    const broken: ArtifactBundle = {
      ...good,
      files: [
        ...good.files,
        {
          path: 'infra/extra.yaml',
          role: 'template',
          content: `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref ${FAKE_GITHUB_CLASSIC_TOKEN}\n`,
        },
      ],
    };
    const provider = scriptedProvider([broken]);

    const outcome = await generateWithRepair({ provider, request, context, policy, maxRepairAttempts: 0 });

    if (outcome.ok) throw new Error('expected the gates to fail');
    const template = outcome.findings.find((finding) => finding.gate === 'template');
    expect(template?.message).toContain('[REDACTED:github-token]');
    expect(secretFragmentsIn(JSON.stringify(outcome.findings), [FAKE_GITHUB_CLASSIC_TOKEN])).toEqual([]);
  });
});
