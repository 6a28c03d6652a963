import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sha256Hex } from '../../../src/core/stores/sha256-hex.js';
import type { UnsentDeployment } from '../../../src/core/state/unsent-deployment.js';
import { createFilesystemDeploymentStore } from '../../../src/filesystem/filesystem-deployment-store.js';
import type { LargeFileClient } from '../../../src/github/read-large-repository-file.js';
import { resendUnsentDeployments } from '../../../src/pipeline/mirror/resend-unsent-deployments.js';

const template = '{"Resources":{"Bucket":{"Type":"AWS::S3::Bucket"}}}\n';
const sha = 'c'.repeat(40);
const record: UnsentDeployment = {
  environment: 'staging',
  deployment_id: 12,
  sha,
  stack_name: 'shop-staging',
  template_path: 'infra/template.json',
  template_sha256: sha256Hex(template),
  parameters: { Stage: 'staging' },
};

const client: LargeFileClient = {
  repos: {
    getContent: async () => ({
      data: { type: 'file', encoding: 'base64', content: Buffer.from(template).toString('base64') },
    }),
  },
  git: {
    getBlob: async () => {
      throw new Error('a template under 1 MB comes from the contents API');
    },
  },
};

describe('review10d: re-sending a deployment record a flaky store did take after all', () => {
  it('FAULT: a put that timed out but was stored keeps its outputs: the re-send does not overwrite a whole record with empty outputs', async () => {
    const store = createFilesystemDeploymentStore(await mkdtemp(path.join(tmpdir(), 'review10d-deploy-')));
    // The deploy run's save reached the bucket, but its answer timed out: the run kept it as unsent.
    await store.save({
      repository: 'acme/shop',
      environment: 'staging',
      deploymentId: 12,
      sha,
      stackName: 'shop-staging',
      template,
      parameters: { Stage: 'staging' },
      outputs: { ApiUrl: 'https://api.example.com' },
    });

    const resent = await resendUnsentDeployments({
      store,
      client,
      owner: 'acme',
      repo: 'shop',
      unsent: [record],
    });

    expect(resent.sent).toEqual([12]);
    const stored = await store.load({ repository: 'acme/shop', environment: 'staging', deploymentId: 12 });
    expect(stored?.outputs).toEqual({ ApiUrl: 'https://api.example.com' });
  });

  it('a record stored for another commit or template under that key is replaced by the one deployed', async () => {
    const store = createFilesystemDeploymentStore(await mkdtemp(path.join(tmpdir(), 'review10d-deploy-')));
    await store.save({
      repository: 'acme/shop',
      environment: 'staging',
      deploymentId: 12,
      sha: 'd'.repeat(40),
      stackName: 'shop-staging',
      template: '{}\n',
      parameters: {},
      outputs: { Old: 'x' },
    });
    const resent = await resendUnsentDeployments({
      store,
      client,
      owner: 'acme',
      repo: 'shop',
      unsent: [record],
    });
    expect(resent.sent).toEqual([12]);
    const stored = await store.load({ repository: 'acme/shop', environment: 'staging', deploymentId: 12 });
    expect(stored).toMatchObject({ sha, template, parameters: { Stage: 'staging' }, outputs: {} });
  });
});

describe('review10d: re-sending a record whose parameters did not fit the marker', () => {
  it('counts it sent when the store holds that deployment whole, rather than naming it lost', async () => {
    const store = createFilesystemDeploymentStore(await mkdtemp(path.join(tmpdir(), 'review10d-deploy-')));
    await store.save({
      repository: 'acme/shop',
      environment: 'staging',
      deploymentId: 12,
      sha,
      stackName: 'shop-staging',
      template,
      parameters: { Big: 'x'.repeat(5000) },
      outputs: { ApiUrl: 'https://api.example.com' },
    });
    const { parameters: _tooLarge, ...withoutParameters } = record;
    const resent = await resendUnsentDeployments({
      store,
      client,
      owner: 'acme',
      repo: 'shop',
      unsent: [withoutParameters],
    });
    expect(resent).toEqual({ sent: [12], lost: [], kept: [] });
  });
});
