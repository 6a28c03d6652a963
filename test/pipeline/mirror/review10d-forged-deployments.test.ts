import { jest } from '@jest/globals';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { UnsentDeployment } from '../../../src/core/state/unsent-deployment.js';
import type { StatusCommentClient, StatusCommentRef } from '../../../src/github/status-comment.js';
import type { ResentDeployments } from '../../../src/pipeline/mirror/resend-unsent-deployments.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import { progressStatus } from '../../../src/pipeline/task/progress-status.js';

const TASK_ID = 'acme/shop#7';
const at = '2026-11-24T10:00:00.000Z';

function fakeIssue() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => {
        throw new Error('the board must not list comments');
      },
      createComment: async (params) => {
        bodies.push(params.body);
        return { data: { id: 900 } };
      },
      updateComment: async (params) => {
        bodies.push(params.body);
        return {};
      },
    },
  };
  return { client, bodies, marker: () => parseStateMarker(bodies.at(-1) ?? '') };
}

/**
 * A record a forger wants in the deployments bucket: the production deployment 41 (a real one,
 * another task's) with the forger's parameters and a template from the forger's own branch commit,
 * which a later `/rollback` on a hosted runner reads back and deploys "exactly".
 */
const forgedRecord: UnsentDeployment = {
  environment: 'production',
  deployment_id: 41,
  sha: 'f'.repeat(40),
  stack_name: 'shop-production',
  template_path: 'infra/template.yaml',
  template_sha256: 'a'.repeat(64),
  parameters: { AdminCidr: '0.0.0.0/0' },
};

function statusWith(trust: StatusCommentRef['trust']): StatusCommentRef {
  const marker: TaskMarker = {
    task_id: TASK_ID,
    state: 'pr_open',
    attempt: 1,
    cost_usd: 0,
    updated_at: at,
    version: 4,
    pull_number: 8,
    unsent_deployments: [forgedRecord],
  };
  return { commentId: 900, marker, trust, reason: 'was written as github-actions[bot]', body: '' };
}

function boardOn(
  status: StatusCommentRef,
  resend: (unsent: readonly UnsentDeployment[]) => Promise<ResentDeployments>,
) {
  const issue = fakeIssue();
  const board = createStatusBoard({
    client: issue.client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    // No marker key: a display-only status is continued (README "What it trusts in its status comments").
    existing: progressStatus(status, undefined),
    signingKey: undefined,
    resendDeployments: resend,
    now: () => new Date(at),
  });
  return { board, issue };
}

describe("review10d: a status marker's unsent deployment records are the writer's text", () => {
  it('FAULT: a display-only marker (any workflow writing as github-actions[bot]) makes no deployment record be written', async () => {
    const resend = jest.fn(async (unsent: readonly UnsentDeployment[]): Promise<ResentDeployments> => ({
      sent: unsent.map((record) => record.deployment_id),
      lost: [],
      kept: [],
    }));
    const { board, issue } = boardOn(statusWith('display-only'), resend);
    await board.move('approved');

    expect(resend).not.toHaveBeenCalled();
    expect(issue.marker()?.unsent_deployments).toBeUndefined();
    // Said, not dropped silently.
    expect(issue.bodies.at(-1)).toContain('deployment record');
  });

  it('FAULT: a display-only marker carried into a deploy-only step (recordSteps) re-sends no record either', async () => {
    const resend = jest.fn(async (): Promise<ResentDeployments> => ({ sent: [41], lost: [], kept: [] }));
    const { board, issue } = boardOn(statusWith('display-only'), resend);
    await board.recordSteps([
      { type: 'deploy_started', environment: 'staging', deployment_id: 50, sha: 'b'.repeat(40) },
    ]);
    expect(resend).not.toHaveBeenCalled();
    expect(issue.marker()?.unsent_deployments).toBeUndefined();
  });

  it("a trusted marker's records are re-sent (the agent wrote them)", async () => {
    const resend = jest.fn(async (): Promise<ResentDeployments> => ({ sent: [41], lost: [], kept: [] }));
    const { board } = boardOn(statusWith('trusted'), resend);
    await board.move('approved');
    expect(resend).toHaveBeenCalledWith([forgedRecord]);
  });
});
