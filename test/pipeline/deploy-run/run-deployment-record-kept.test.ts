import type { DeploymentStore } from '../../../src/core/stores/deployment-store.js';
import { sha256Hex } from '../../../src/core/stores/sha256-hex.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import {
  SHA,
  fakeGitHub,
  payload,
  resetDeployMocks,
  run,
  scriptSuccessfulUpdate,
} from './helpers/deploy-run-harness.js';
import { withStatusComment } from './helpers/task-status-comment.js';

const BOT = 'github-actions[bot]';
const KEY = Buffer.alloc(32, 6);
const TEMPLATE = 'Resources: { A: { Type: AWS::SQS::Queue } }\n';
const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });
const refusing: DeploymentStore = {
  save: async () => {
    throw new Error('connect ECONNREFUSED');
  },
  load: async () => undefined,
};

beforeEach(resetDeployMocks);

describe('runDeployment: a deployment record the store did not take', () => {
  it("is kept in the task's status for a later step to re-send, and the report says it was not stored", async () => {
    scriptSuccessfulUpdate();
    const github = fakeGitHub({ template: TEMPLATE });
    const markerNow = withStatusComment(github, { bot: BOT, key: KEY });

    const outcome = await run(github, { deploymentStore: refusing, recording: { trust } });

    expect(outcome.status).toBe('deployed');
    expect(markerNow().environments?.['staging']?.status).toBe('deployed');
    expect(markerNow().unsent_deployments).toEqual([
      {
        environment: 'staging',
        deployment_id: 7001,
        sha: SHA,
        stack_name: payload.stack_name,
        template_path: payload.template_path,
        template_sha256: sha256Hex(TEMPLATE),
        parameters: { Stage: 'staging' },
      },
    ]);
    expect(github.comments.at(-1)).toContain('The deployment record was not stored: connect ECONNREFUSED');
  });

  it('is named lost in the report when no status of the task can keep it', async () => {
    scriptSuccessfulUpdate();
    const github = fakeGitHub({ template: TEMPLATE });

    await run(github, { deploymentStore: refusing, recording: { trust } });

    // The report shows the task id as text (`#` never links): match around it.
    expect(github.comments.at(-1)).toContain(
      '⚠️ The record of deployment 7001 is lost: the status of acme/shop#',
    );
    expect(github.comments.at(-1)).toContain('could not keep it for a re-send.');
  });
});
