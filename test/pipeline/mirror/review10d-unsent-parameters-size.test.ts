import { deploymentPayloadSchema } from '../../../src/core/deploy/deployment-payload.js';
import { markerChars } from '../../../src/core/state/fit-unmirrored.js';
import { MAX_UNSENT_PARAMETERS_CHARS } from '../../../src/core/state/unsent-deployment.js';
import type { DeploymentStore } from '../../../src/core/stores/deployment-store.js';
import { storeDeployment } from '../../../src/pipeline/deploy-run/store-deployment.js';

const SHA = 'c'.repeat(40);
const refusing: DeploymentStore = {
  save: async () => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:4566');
  },
  load: async () => undefined,
};

async function unsentFor(parameters: Record<string, string>) {
  const payload = deploymentPayloadSchema.parse({
    version: 1,
    task_id: 'acme/shop#7',
    stack_name: 'shop-staging',
    template_path: 'template.yaml',
    region: 'us-east-1',
    parameters,
    checked_sha: SHA,
    requested_by: 'octocat',
  });
  const stored = await storeDeployment({
    deploymentStore: refusing,
    event: {
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      repositoryId: 4242,
      deploymentId: 501,
      sha: SHA,
      environment: 'staging',
      payload: {},
    },
    payload,
    template: '{}',
    result: {
      reason: 'deployed',
      finalStatus: 'success',
      message: 'ok',
      stackName: 'shop-staging',
      outputs: {},
      warnings: [],
    },
    log: () => undefined,
  });
  return stored.unsent;
}

/** 95 tenant UUIDs: about 3,600 characters of JSON, with four `-` in each, which the marker writes as `\u002d`. */
const tenants = Array.from(
  { length: 95 },
  (_, index) => `${String(index).padStart(8, '0')}-1111-2222-3333-444455556666`,
).join(',');

describe("review10d: the marker's bound on an unsent record's parameters", () => {
  it('FAULT: is measured as the marker writes them (`-` and `>` take six characters), so four records fit the budget the comment was sized for', async () => {
    expect(JSON.stringify({ AllowedTenants: tenants }).length).toBeLessThanOrEqual(
      MAX_UNSENT_PARAMETERS_CHARS,
    );
    const unsent = await unsentFor({ AllowedTenants: tenants });
    expect(unsent).toBeDefined();
    if (unsent?.parameters !== undefined) {
      expect(markerChars(unsent.parameters)).toBeLessThanOrEqual(MAX_UNSENT_PARAMETERS_CHARS);
    }
    // Too large as written: kept without them, and the re-send names them lost.
    expect(unsent?.parameters).toBeUndefined();
  });

  it('small parameters are kept', async () => {
    expect((await unsentFor({ Stage: 'staging-eu-1' }))?.parameters).toEqual({ Stage: 'staging-eu-1' });
  });
});
