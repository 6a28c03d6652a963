import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFilesystemDeploymentStore } from '../../src/filesystem/filesystem-deployment-store.js';

const deployment = {
  repository: 'acme/shop',
  environment: 'production',
  deploymentId: 7001,
  sha: 'a'.repeat(40),
  stackName: 'orders-api-production',
  template: 'Resources:\n  OrdersTable:\n    Type: AWS::DynamoDB::Table\n',
  parameters: { Stage: 'prod' },
  outputs: { ApiUrl: 'https://api.example.com' },
};
const key = { repository: 'acme/shop', environment: 'production', deploymentId: 7001 };
const newStore = async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'deployments-'));
  return { root, store: createFilesystemDeploymentStore(root) };
};

describe('createFilesystemDeploymentStore', () => {
  it('keeps exactly what was deployed, laid out like the deployments bucket, and reads it back', async () => {
    const { root, store } = await newStore();

    await store.save(deployment);

    const folder = path.join(root, 'acme', 'shop', 'production', '7001');
    expect(await readFile(path.join(folder, 'template.json'), 'utf8')).toBe(deployment.template);
    expect(JSON.parse(await readFile(path.join(folder, 'parameters.json'), 'utf8'))).toEqual({
      Stage: 'prod',
    });
    expect(await store.load(key)).toEqual({
      ...deployment,
      templateSha256: createHash('sha256').update(deployment.template).digest('hex'),
    });
  });

  it('answers undefined for a deployment it never stored', async () => {
    const { store } = await newStore();
    expect(await store.load(key)).toBeUndefined();
  });

  it('refuses a template that was changed after it was stored', async () => {
    const { root, store } = await newStore();
    await store.save(deployment);
    await writeFile(
      path.join(root, 'acme', 'shop', 'production', '7001', 'template.json'),
      'Resources: {}\n',
    );

    expect(await store.load(key)).toBeUndefined();
  });

  it('keeps names from outside inside its folder', async () => {
    const { root, store } = await newStore();

    await store.save({ ...deployment, environment: '../../escape' });

    expect(await store.load({ ...key, environment: '../../escape' })).toMatchObject({
      environment: '../../escape',
    });
    await expect(readFile(path.join(root, '..', 'escape', '7001', 'record.json'), 'utf8')).rejects.toThrow();
  });
});
