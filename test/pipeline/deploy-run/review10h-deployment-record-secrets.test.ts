/**
 * Review 10h (attack on issue #10): what a deploy run keeps in the deployments bucket.
 *
 * `storeDeployment` (src/pipeline/deploy-run/store-deployment.ts) hands the stack's outputs to the
 * deployment store as CloudFormation answered them, and the S3 store writes them to `outputs.json`
 * and `record.json` byte for byte (`createS3DeploymentStore`, like the artifact store, keeps what it
 * is given: "callers redact secrets before put"). A stack output holding a credential (a webhook URL
 * with its token, an API key `!GetAtt`-ed into an output) reaches the bucket whole. The README keeps
 * outputs out of the status marker because "an output may not be" public; the issue asks that
 * secrets never reach what the mirrors keep, and every other text leaving the process passes the
 * secret scanner's redaction (`[REDACTED:<kind>]`).
 *
 * Tried and held: plain outputs are kept exactly; a store that refuses the record is a `problem`,
 * never a failed deploy, and the outputs are not carried in the unsent record (a public comment).
 */
import { deploymentPayloadSchema } from '../../../src/core/deploy/deployment-payload.js';
import type { DeploymentStore, StoredDeployment } from '../../../src/core/stores/deployment-store.js';
import { storeDeployment } from '../../../src/pipeline/deploy-run/store-deployment.js';

const SHA = 'c'.repeat(40);
const SLACK_WEBHOOK = 'https://hooks.slack.com/services/T01234567/B01234567/abcdefghijklmnopqrstuvwx';
const GITHUB_TOKEN = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';

function capturingStore(): { store: DeploymentStore; saved: Omit<StoredDeployment, 'templateSha256'>[] } {
  const saved: Omit<StoredDeployment, 'templateSha256'>[] = [];
  return {
    saved,
    store: {
      save: async (deployment) => {
        saved.push(deployment);
      },
      load: async () => undefined,
    },
  };
}

async function store(params: { deploymentStore: DeploymentStore; outputs: Record<string, string> }) {
  const payload = deploymentPayloadSchema.parse({
    version: 1,
    task_id: 'acme/shop#7',
    stack_name: 'shop-staging',
    template_path: 'template.yaml',
    region: 'us-east-1',
    parameters: { Stage: 'staging' },
    checked_sha: SHA,
    requested_by: 'octocat',
  });
  return storeDeployment({
    deploymentStore: params.deploymentStore,
    event: {
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      repositoryId: 4242,
      deploymentId: 501,
      sha: SHA,
      environment: 'staging',
      payload: {},
    },
    payload,
    template: '{"Resources":{}}',
    result: {
      reason: 'deployed',
      finalStatus: 'success',
      message: 'ok',
      stackName: 'shop-staging',
      outputs: params.outputs,
      warnings: [],
    },
    log: () => undefined,
  });
}

describe('review10h: stack outputs in the deployments bucket', () => {
  it('held: plain outputs are kept exactly', async () => {
    const { store: deploymentStore, saved } = capturingStore();
    await store({
      deploymentStore,
      outputs: { ApiUrl: 'https://api.example.com/prod', TableName: 'orders' },
    });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.outputs).toEqual({ ApiUrl: 'https://api.example.com/prod', TableName: 'orders' });
  });

  it('held: a refused record is a problem, and its outputs are never carried in the (public) marker', async () => {
    const refusing: DeploymentStore = {
      save: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:4566');
      },
      load: async () => undefined,
    };
    const stored = await store({ deploymentStore: refusing, outputs: { Hook: SLACK_WEBHOOK } });
    expect(stored.problem).toMatch(/was not stored/);
    expect(JSON.stringify(stored.unsent)).not.toContain('hooks.slack.com/services');
  });

  it('fixed: (was: a stack output holding a credential is stored whole in outputs.json / record.json (no redaction before the deployments bucket))', async () => {
    const { store: deploymentStore, saved } = capturingStore();
    await store({
      deploymentStore,
      outputs: {
        NotifyHook: SLACK_WEBHOOK,
        BotToken: GITHUB_TOKEN,
        ApiUrl: 'https://api.example.com/prod',
      },
    });
    const kept = JSON.stringify(saved);
    expect(kept).not.toContain('abcdefghijklmnopqrstuvwx');
    expect(kept).not.toContain(GITHUB_TOKEN);
    // The plain output stays readable.
    expect(saved[0]?.outputs['ApiUrl']).toBe('https://api.example.com/prod');
  });
});
