import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
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

/** The harness's GitHub with issue 1's status comment (the task of the payload), edited in place. */
function withStatusComment(github: ReturnType<typeof fakeGitHub>) {
  const marker: TaskMarker = {
    task_id: 'acme/shop#1',
    state: 'merged',
    attempt: 1,
    cost_usd: 0,
    updated_at: '2026-11-24T08:00:00.000Z',
    version: 9,
  };
  const status = {
    id: 900,
    user: { login: BOT, type: 'Bot' },
    body: renderStatusComment({ marker, signingKey: KEY }),
  };
  const issues = github.client.issues;
  github.client.issues = {
    ...issues,
    listComments: async (p) => ({ data: p.issue_number === 1 && p.page === 1 ? [status] : [] }),
    updateComment: async (p) => {
      if (p.comment_id === 900) status.body = p.body;
      return {};
    },
    getComment: async () => ({ data: { body: status.body, user: status.user } }),
  };
  return () => parseStateMarker(status.body)!;
}

describe('runDeployment: a deployment record the store did not take', () => {
  it("is kept in the task's status for a later step to re-send, and the report says it was not stored", async () => {
    scriptSuccessfulUpdate();
    const github = fakeGitHub({ template: TEMPLATE });
    const markerNow = withStatusComment(github);

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
