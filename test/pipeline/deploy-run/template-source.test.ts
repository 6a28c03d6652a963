import type { DeploymentStore } from '../../../src/core/stores/deployment-store.js';
import type { DeployEvent } from '../../../src/pipeline/deploy-run/deploy-event.js';
import { templateSource } from '../../../src/pipeline/deploy-run/template-source.js';

const event: DeployEvent = {
  repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
  repositoryId: 4242,
  deploymentId: 7001,
  sha: 'a'.repeat(40),
  environment: 'staging',
  payload: {},
};
const ofBytes = (bytes: number) => `Description: "${'x'.repeat(bytes - 16)}"\n`;
const noLog = () => undefined;

/** A stand-in for `stageTemplate` that keeps its calls. */
function recorder(answer: () => Promise<string>) {
  const calls: unknown[] = [];
  const stage = async (params: unknown) => {
    calls.push(params);
    return answer();
  };
  return Object.assign(stage, { calls });
}

function bucket(stage: DeploymentStore['stageTemplate']): DeploymentStore {
  return {
    save: async () => undefined,
    load: async () => undefined,
    ...(stage ? { stageTemplate: stage } : {}),
  };
}

describe('templateSource: inline up to 51,200 bytes, by TemplateURL above', () => {
  it('keeps a template of exactly 51,200 bytes inline, uploading nothing', async () => {
    const stage = recorder(async () => 'unused');
    expect(Buffer.byteLength(ofBytes(51_200))).toBe(51_200);
    expect(
      await templateSource({ template: ofBytes(51_200), event, deploymentStore: bucket(stage), log: noLog }),
    ).toEqual({});
    expect(stage.calls).toEqual([]);
  });

  it('uploads a larger template to the deployments bucket under the deployment, and deploys it by URL', async () => {
    const stage = recorder(
      async () => 'https://s3.us-east-1.amazonaws.com/deploys/acme/shop/staging/7001/template.json',
    );
    const template = ofBytes(51_201);
    expect(await templateSource({ template, event, deploymentStore: bucket(stage), log: noLog })).toEqual({
      templateUrl: 'https://s3.us-east-1.amazonaws.com/deploys/acme/shop/staging/7001/template.json',
    });
    expect(stage.calls).toEqual([
      {
        repository: 'acme/shop',
        environment: 'staging',
        deploymentId: 7001,
        template,
      },
    ]);
  });

  it('refuses a larger template when no bucket can take it (the local folder cannot), naming the setting', async () => {
    const result = await templateSource({
      template: ofBytes(60_000),
      event,
      deploymentStore: bucket(undefined),
      log: noLog,
    });
    expect(result).toEqual({
      refusal:
        "The template is 60,000 bytes, over CloudFormation's 51,200-byte inline limit, and no deployments bucket is configured to upload it to (`mirrors.deployments_bucket`); nothing was deployed.",
    });
    expect(await templateSource({ template: ofBytes(60_000), event, log: noLog })).toHaveProperty('refusal');
  });

  it('refuses, saying why, when the upload fails', async () => {
    const stage = recorder(async () => Promise.reject(new Error('AccessDenied: s3:PutObject')));
    const result = await templateSource({
      template: ofBytes(60_000),
      event,
      deploymentStore: bucket(stage),
      log: noLog,
    });
    expect(result).toEqual({
      refusal: expect.stringContaining('uploading it failed: AccessDenied: s3:PutObject'),
    });
  });
});
