import { deploymentPayloadSchema } from '../../../src/core/deploy/deployment-payload.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { TaskState } from '../../../src/core/state/task-state.js';
import { readTaskStatus } from '../../../src/github/read-task-status.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import type { DeployEvent } from '../../../src/pipeline/deploy-run/deploy-event.js';
import { recordDeployStep, type DeployStep } from '../../../src/pipeline/deploy-run/record-deploy-step.js';
import type { MirrorStores } from '../../../src/pipeline/mirror/mirror-stores-for-config.js';
import { connectedStatusBoard } from '../../../src/pipeline/task/connected-status-board.js';
import type { StatusBoard } from '../../../src/pipeline/task/status-board.js';

const BOT = 'github-actions[bot]';
const KEY = Buffer.alloc(32, 9);
const SHA = 'd'.repeat(40);
const USAGE = {
  inputTokens: 1200,
  outputTokens: 3400,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  costUsd: 0.0546,
};

/** The steps of a whole life, in order, as each is recorded in the results table. */
export const FULL_LIFE_STEPS = [
  'task_received',
  'attempt_started',
  'generating',
  'validating',
  'usage_recorded',
  'pr_open',
  'outcome_recorded',
  'approved',
  'merged',
  'deploy_started',
  'deploy_finished',
  // The deploy run's outcome, recorded with its finish: the task's last outcome from then on.
  'outcome_recorded',
  'deploy_rolled_back',
] as const;

/** The lifecycle events a whole life sends, with the record version each step produced. */
export const FULL_LIFE_LIFECYCLE = [
  ['Task Received', 1],
  ['Pull Request Opened', 6],
  ['Task Approved', 8],
  ['Task Merged', 9],
  ['Deploy Started', 10],
  ['Deploy Succeeded', 11],
  ['Deploy Rolled Back', 13],
] as const;

/**
 * One task's whole life (issue → PR → review approval → merge → deploy → rollback) through the
 * paths the product takes, each a separate stateless run reading the status comment back from a
 * plain-object GitHub: the implement run's and the review's moves on the status board (built as
 * `taskBoardFor` builds it, moved as `runIssueTask` and `syncPullRequestTask` move it), then the
 * deploy run's and the rollback's steps through `recordDeployStep`. Returns the status marker as
 * the last run left it, and the GitHub calls each kind of run made.
 */
export async function runFullLife(params: {
  owner: string;
  repo: string;
  issueNumber: number;
  mirrors: Pick<MirrorStores, 'tasks' | 'events' | 'publisher'>;
}): Promise<{ marker: TaskMarker; body: string; warnings: string[]; calls: readonly string[] }> {
  const { owner, repo, issueNumber, mirrors } = params;
  const taskId = `${owner}/${repo}#${issueNumber}`;
  const github = fakeGitHub(taskId);
  const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });
  let minute = 0;
  const now = () => new Date(Date.parse('2026-11-29T10:00:00.000Z') + minute++ * 60_000);
  const runOn = async (moves: (board: StatusBoard) => Promise<void>) => {
    const existing = await readTaskStatus({
      client: github.client,
      trust,
      owner,
      repo,
      repositoryId: 4242,
      issueNumber,
    });
    const board = connectedStatusBoard({
      client: github.client,
      trust,
      owner,
      repo,
      repositoryId: 4242,
      issueNumber,
      taskId,
      existing,
      mirrors,
      log: () => undefined,
      now,
      settle: async () => undefined,
    });
    await moves(board);
  };
  const review = (to: TaskState) =>
    runOn((board) => board.move(to, { details: `The pull request is ${to}.` }));

  await runOn(async (board) => {
    await board.move('generating', { patch: { attempt: 1 } });
    board.pass('validating');
    await board.move('pr_open', {
      patch: { pull_number: 12, branch: `implementation/${issueNumber}-orders-api` },
      usage: { model: 'offline:application', usage: USAGE },
      outcome: {
        status: 'pr_open',
        taskId,
        issueNumber,
        pullNumber: 12,
        pullUrl: `https://github.com/${taskId.replace('#', '/pull/')}`,
        commitSha: SHA,
        created: true,
        costUsd: USAGE.costUsd,
      },
    });
  });
  await review('approved');
  await review('merged');

  const warnings: string[] = [];
  const deploy = async (deploymentId: number, step: DeployStep, fields: Record<string, unknown>) => {
    const event: DeployEvent = {
      repository: { owner, repo, defaultBranch: 'main' },
      repositoryId: 4242,
      deploymentId,
      sha: SHA,
      environment: 'staging',
      payload: {},
    };
    const payload = deploymentPayloadSchema.parse({
      version: 1,
      stack_name: `${repo}-staging`,
      template_path: 'template.yaml',
      region: 'us-east-1',
      checked_sha: SHA,
      requested_by: 'octocat',
      ...fields,
    });
    warnings.push(
      ...(await recordDeployStep({
        recording: { mirrors, trust },
        client: github.client,
        event,
        payload,
        step,
        now: () => now().getTime(),
        log: () => undefined,
      })),
    );
  };
  await deploy(501, { kind: 'started' }, { task_id: taskId });
  // Each deploy run ends with its outcome (`runDeployment`), recorded on the task its payload names.
  const deployed = (deploymentId: number): DeployStep => ({
    kind: 'finished',
    succeeded: true,
    outcome: {
      status: 'deployed',
      deploymentId,
      result: { reason: 'deployed', message: 'Deployed.', stackName: `${repo}-staging` },
    },
  });
  await deploy(501, deployed(501), { task_id: taskId });
  // `/rollback staging`: deployment 502 redeploys 500, made before the agent (its payload names no
  // task, so its outcome lands on none), replacing 501.
  await deploy(502, { kind: 'started' }, { rollback_of: 501, rollback_to: 500 });
  await deploy(502, deployed(502), { rollback_of: 501, rollback_to: 500 });

  const body = github.body();
  return { marker: parseStateMarker(body)!, body, warnings, calls: github.calls };
}

/** One issue with the agent's status comment, and the staging deployment 501 that carried the task. */
function fakeGitHub(taskId: string) {
  let comment: { id: number; body: string; user: { login: string; type: string } } | undefined;
  const calls: string[] = [];
  const unused = (name: string) => async (): Promise<never> => {
    throw new Error(`${name} is not called in a whole life that stores everything`);
  };
  const client = {
    issues: {
      listComments: async (p: { page: number }) => {
        calls.push('GET comments');
        return { data: comment && p.page === 1 ? [comment] : [] };
      },
      createComment: async (p: { body: string }) => {
        calls.push('POST comment');
        comment = { id: 900, body: p.body, user: { login: BOT, type: 'Bot' } };
        return { data: { id: 900 } };
      },
      updateComment: async (p: { body: string }) => {
        calls.push('PATCH comment');
        if (comment !== undefined) comment.body = p.body;
        return {};
      },
      getComment: async () => {
        calls.push('GET comment');
        return { data: { body: comment?.body ?? '', user: { login: BOT } } };
      },
      deleteComment: unused('deleteComment'),
    },
    git: { getTree: unused('getTree'), getBlob: unused('getBlob') },
    repos: {
      getContent: unused('getContent'),
      listDeployments: async () => ({
        data: [
          {
            id: 501,
            sha: SHA,
            ref: 'main',
            environment: 'staging',
            created_at: '2026-11-29T10:20:00Z',
            creator: { login: BOT },
            payload: { task_id: taskId },
          },
        ],
      }),
      listDeploymentStatuses: async () => ({ data: [] }),
    },
  };
  return { client, calls, body: () => comment?.body ?? '' };
}
