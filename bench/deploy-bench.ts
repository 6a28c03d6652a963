import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { agentConfigSchema } from '../src/core/config/agent-config.js';
import { runDeployment, type DeployRunClient } from '../src/pipeline/deploy-run/run-deployment.js';
import { startCloudFormationFake } from '../test/support/cloudformation-fake-server.js';

const SHA = 'a'.repeat(40);

/** A GitHub that answers a deploy run's calls in memory and counts them. */
function quietGitHub(): { client: DeployRunClient; calls: () => number } {
  let calls = 0;
  const count = <T>(value: T) => {
    calls++;
    return value;
  };
  const client: DeployRunClient = {
    repos: {
      createDeploymentStatus: async () => count({}),
      listDeployments: async () => count({ data: [] }),
      listDeploymentStatuses: async () => count({ data: [] }),
      createDeployment: async () => count({ status: 201, data: { id: 2 } }),
      getContent: async () =>
        count({ data: { type: 'file', content: Buffer.from('Resources: {}\n').toString('base64') } }),
    },
    pulls: {
      get: async () =>
        count({
          data: {
            number: 1,
            state: 'open',
            merged: false,
            merge_commit_sha: null,
            head: { sha: SHA, ref: 'x' },
            base: { ref: 'main' },
          },
        }),
    },
    issues: {
      listComments: async () => count({ data: [] }),
      createComment: async () => count({ data: { id: 1 } }),
      updateComment: async () => count({}),
      getComment: async () => count({ data: {} }),
      deleteComment: async () => count({}),
    },
    git: {
      getTree: async () => count({ data: { tree: [], truncated: false } }),
      getBlob: async () => count({ data: { content: '', encoding: 'utf-8' } }),
    },
  };
  return { client, calls: () => calls };
}

/** One deploy (create) against the CloudFormation stand-in, with the real polling backoff. */
export async function benchDeploy(): Promise<{
  cloudFormationCalls: number;
  githubCalls: number;
  wallMs: number;
}> {
  const fake = await startCloudFormationFake({
    scenario: 'create-succeeds',
    outputs: { ApiUrl: 'https://example.test' },
  });
  const github = quietGitHub();
  const start = performance.now();
  try {
    const outcome = await runDeployment({
      client: github.client,
      cloudFormationFor: (region) =>
        new CloudFormationClient({
          region,
          endpoint: fake.url,
          credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
        }),
      event: {
        repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
        repositoryId: 4242,
        deploymentId: 1,
        sha: SHA,
        environment: 'staging',
        payload: {
          version: 1,
          stack_name: 'orders-api-staging',
          template_path: 'template.yaml',
          region: 'ap-southeast-2',
          checked_sha: SHA,
          requested_by: 'bench',
          pull_number: 1,
        },
      },
      config: agentConfigSchema.parse({}),
      timeoutMs: 600_000,
      sleep: (ms) => delay(ms),
      now: () => Date.now(),
      log: () => undefined,
    });
    if (outcome.status !== 'deployed') throw new Error(`bench deploy ended ${outcome.status}`);
    return {
      cloudFormationCalls: fake.requests.length,
      githubCalls: github.calls(),
      wallMs: performance.now() - start,
    };
  } finally {
    await fake.close();
  }
}
