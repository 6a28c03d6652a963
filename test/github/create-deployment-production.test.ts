import { createDeployment, type DeploymentClient } from '../../src/github/create-deployment.js';
import { deploymentPayloadSchema } from '../../src/core/deploy/deployment-payload.js';

// GitHub's `production_environment` flag follows the one production-name rule the risk
// classifier and the config defaults use (`isProductionName`), so `prod-eu` is production everywhere.
const payload = deploymentPayloadSchema.parse({
  version: 1,
  task_id: 'acme/shop#7',
  stack_name: 'shop',
  template_path: 'template.yaml',
  region: 'us-east-1',
  parameters: {},
  checked_sha: 'a'.repeat(40),
  requested_by: 'octocat',
});

async function flagFor(environment: string): Promise<boolean | undefined> {
  let sent: boolean | undefined;
  const client: DeploymentClient = {
    repos: {
      createDeployment: async (request) => {
        sent = request.production_environment;
        return { status: 201, data: { id: 1 } };
      },
    },
  };
  await createDeployment({
    client,
    owner: 'acme',
    repo: 'shop',
    repositoryId: 4242,
    environment,
    payload,
    description: 'deploy',
  });
  return sent;
}

describe('createDeployment: production_environment', () => {
  it.each([
    ['production', true],
    ['prod-eu', true],
    ['Production_US', true],
    ['staging', false],
    ['preprod', false],
    ['products', true], // holds `prod`: GitHub ignores case, so `PRODucts` is this environment too
    ['PRODEU', true],
  ])('%s → %s', async (environment, production) => {
    expect(await flagFor(environment)).toBe(production);
  });
});
