import type { DeploymentStore } from '../../../src/core/stores/deployment-store.js';
import { sha256Hex } from '../../../src/core/stores/sha256-hex.js';

let nextId = 9000;

export function storedDeployment(template = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n') {
  nextId += 1;
  return {
    repository: 'acme/shop',
    environment: 'staging',
    deploymentId: nextId,
    sha: 'a'.repeat(40),
    stackName: 'orders-api-staging',
    template,
    parameters: { Stage: 'staging', CodeS3Key: 'code/abc.zip' },
    outputs: { ApiUrl: 'https://staging.example.com' },
  };
}

/** What every DeploymentStore promises: exactly what was deployed, back byte for byte. */
export function describeDeploymentStoreContract(name: string, make: () => DeploymentStore): void {
  describe(`${name}: DeploymentStore contract`, () => {
    it.each([
      ['a YAML template', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n'],
      ['a JSON template', '{"Resources":{"Queue":{"Type":"AWS::SQS::Queue"}}}'],
    ])('keeps %s, its parameters and outputs, and reads them back', async (_label, template) => {
      const store = make();
      const deployment = storedDeployment(template);
      await store.save(deployment);
      expect(await store.load(deployment)).toEqual({ ...deployment, templateSha256: sha256Hex(template) });
    });

    it('answers undefined for a deployment it never stored', async () => {
      const deployment = storedDeployment();
      expect(await make().load(deployment)).toBeUndefined();
    });

    it('keeps environments apart', async () => {
      const store = make();
      const deployment = storedDeployment();
      await store.save(deployment);
      expect(await store.load({ ...deployment, environment: 'production' })).toBeUndefined();
    });
  });
}
