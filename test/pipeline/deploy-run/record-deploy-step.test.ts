import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { deploymentPayloadSchema } from '../../../src/core/deploy/deployment-payload.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import type { DeployEvent } from '../../../src/pipeline/deploy-run/deploy-event.js';
import { recordDeployStep } from '../../../src/pipeline/deploy-run/record-deploy-step.js';
import { recordTaskEvent, type TaskLog } from '../../../src/pipeline/mirror/record-task-event.js';

const BOT = 'github-actions[bot]';
const KEY = Buffer.alloc(32, 7);
const SHA = 'c'.repeat(40);
const TASK = 'acme/shop#7';
const OTHER_TASK = 'acme/shop#3';

function marker(taskId: string, fields: Partial<TaskMarker> = {}): TaskMarker {
  return {
    task_id: taskId,
    state: 'merged',
    attempt: 1,
    cost_usd: 0.05,
    updated_at: '2026-11-29T10:00:00.000Z',
    ...fields,
  };
}

/** Issues with one status comment each, and the environment's deployments: a plain object, no HTTP. */
function fakeGitHub(params: {
  comments: Record<number, { body: string; login?: string }>;
  deployments?: Array<{ id: number; task_id: string }>;
}) {
  const comments = new Map(
    Object.entries(params.comments).map(([issue, comment], index) => [
      Number(issue),
      { id: 900 + index, body: comment.body, user: { login: comment.login ?? BOT, type: 'Bot' } },
    ]),
  );
  const updates: Array<{ comment_id: number; body: string }> = [];
  const client = {
    issues: {
      listComments: async (p: { issue_number: number }) => {
        const comment = comments.get(p.issue_number);
        return { data: comment ? [comment] : [] };
      },
      createComment: async () => {
        throw new Error('a deploy run never creates a status comment');
      },
      updateComment: async (p: { comment_id: number; body: string }) => {
        updates.push(p);
        for (const comment of comments.values()) if (comment.id === p.comment_id) comment.body = p.body;
        return {};
      },
    },
    repos: {
      listDeployments: async () => ({
        data: (params.deployments ?? []).map((deployment) => ({
          id: deployment.id,
          sha: SHA,
          ref: 'main',
          environment: 'staging',
          created_at: '2026-11-29T09:00:00Z',
          creator: { login: BOT },
          payload: { task_id: deployment.task_id },
        })),
      }),
      listDeploymentStatuses: async () => ({ data: [] }),
    },
  };
  return { client, updates, bodyOf: (issue: number) => comments.get(issue)?.body ?? '' };
}

function deployEvent(deploymentId: number): DeployEvent {
  return {
    repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
    deploymentId,
    sha: SHA,
    environment: 'staging',
    payload: {},
  };
}

function payload(fields: Record<string, unknown> = {}) {
  return deploymentPayloadSchema.parse({
    version: 1,
    task_id: TASK,
    stack_name: 'shop-staging',
    template_path: 'template.yaml',
    region: 'ap-southeast-2',
    checked_sha: SHA,
    requested_by: 'octocat',
    ...fields,
  });
}

async function taskLogWith(...taskIds: string[]): Promise<TaskLog> {
  const log = filesystemStores(await mkdtemp(path.join(tmpdir(), 'deploy-record-')));
  for (const taskId of taskIds) {
    await recordTaskEvent({
      log,
      event: {
        type: 'task_received',
        task_id: taskId,
        at: '2026-11-29T08:00:00.000Z',
        repo: 'acme/shop',
        issue_number: 7,
      },
    });
  }
  return log;
}

let clock = Date.parse('2026-11-29T11:00:00.000Z');
const now = () => (clock += 1000);
const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });

describe('recordDeployStep: a deploy run moves its task per environment', () => {
  it('keeps a failed staging deploy on staging only: the task is not failed, and the next deploy moves staging on', async () => {
    const taskLog = await taskLogWith(TASK);
    const github = fakeGitHub({
      comments: { 7: { body: renderStatusComment({ marker: marker(TASK), signingKey: KEY }) } },
    });
    const lines: string[] = [];
    const step = (deploymentId: number, s: Parameters<typeof recordDeployStep>[0]['step']) =>
      recordDeployStep({
        recording: { taskLog, trust },
        client: github.client,
        event: deployEvent(deploymentId),
        payload: payload(),
        step: s,
        now,
        log: (line) => lines.push(line),
      });

    expect(await step(801, { kind: 'started' })).toEqual([]);
    expect(await step(801, { kind: 'finished', succeeded: false })).toEqual([]);
    const failed = await taskLog.tasks.get(TASK);
    expect(failed?.status).toBe('received');
    expect(failed?.environments['staging']).toMatchObject({ status: 'deploy_failed', deployment_id: 801 });
    expect(parseStateMarker(github.bodyOf(7))?.deploys?.['staging']?.status).toBe('deploy_failed');

    await step(802, { kind: 'started' });
    await step(802, { kind: 'finished', succeeded: true, environmentUrl: 'https://shop.example/staging' });
    const deployed = await taskLog.tasks.get(TASK);
    expect(deployed?.environments['staging']).toMatchObject({
      status: 'deployed',
      deployment_id: 802,
      environment_url: 'https://shop.example/staging',
    });
    const body = github.bodyOf(7);
    const shown = parseStateMarker(body);
    expect(shown?.state).toBe('merged');
    expect(shown?.deploys?.['staging']).toMatchObject({ status: 'deployed', deployment_id: 802 });
    expect(body).toContain('- **staging**: 🟢 deployed · deployment 802');
    // The section is replaced, not added to, at each step.
    expect(body.match(/#### Deployments/g)).toHaveLength(1);
    expect((await taskLog.events.list(TASK)).map((event) => event.type)).toEqual([
      'task_received',
      'deploy_started',
      'deploy_finished',
      'deploy_started',
      'deploy_finished',
    ]);
  });

  it('does not edit a status comment that is not trusted, and says so in the log', async () => {
    const unsigned = renderStatusComment({ marker: marker(TASK) });
    const github = fakeGitHub({ comments: { 7: { body: unsigned } } });
    const lines: string[] = [];
    const warnings = await recordDeployStep({
      recording: { trust },
      client: github.client,
      event: deployEvent(803),
      payload: payload(),
      step: { kind: 'started' },
      now,
      log: (line) => lines.push(line),
    });
    expect(warnings).toEqual([]);
    expect(github.updates).toEqual([]);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^The status comment on #7 is not trusted \(it is not signed, although a marker key is configured\): it is not edited/,
      ),
    );
  });

  it('moves the task a successful rollback replaced to rolled_back, and the restored task to deployed', async () => {
    const taskLog = await taskLogWith(TASK, OTHER_TASK);
    const github = fakeGitHub({
      comments: {
        7: { body: renderStatusComment({ marker: marker(TASK), signingKey: KEY }) },
        3: { body: renderStatusComment({ marker: marker(OTHER_TASK), signingKey: KEY }) },
      },
      deployments: [{ id: 811, task_id: TASK }],
    });
    const run = (
      deploymentId: number,
      task: string,
      s: Parameters<typeof recordDeployStep>[0]['step'],
      extra = {},
    ) =>
      recordDeployStep({
        recording: { taskLog, trust },
        client: github.client,
        event: deployEvent(deploymentId),
        payload: payload({ task_id: task, ...extra }),
        step: s,
        now,
        log: () => undefined,
      });
    await run(811, TASK, { kind: 'started' });
    await run(811, TASK, { kind: 'finished', succeeded: true });
    // /rollback staging: redeploys the other task's deployment 805 as 812, replacing 811.
    await run(812, OTHER_TASK, { kind: 'started' }, { rollback_of: 811, rollback_to: 805 });
    expect(
      await run(
        812,
        OTHER_TASK,
        { kind: 'finished', succeeded: true },
        { rollback_of: 811, rollback_to: 805 },
      ),
    ).toEqual([]);

    expect((await taskLog.tasks.get(TASK))?.environments['staging']).toMatchObject({
      status: 'rolled_back',
      deployment_id: 811,
      rolled_back_by: 812,
    });
    expect((await taskLog.tasks.get(OTHER_TASK))?.environments['staging']).toMatchObject({
      status: 'deployed',
      deployment_id: 812,
    });
    expect(parseStateMarker(github.bodyOf(7))?.deploys?.['staging']?.status).toBe('rolled_back');
    expect(github.bodyOf(7)).toContain('↩️ rolled back · deployment 811');
  });

  it('turns a task mirror that cannot be written into a warning, never an error', async () => {
    const taskLog = await taskLogWith(TASK);
    const broken: TaskLog = {
      tasks: {
        ...taskLog.tasks,
        put: async () => Promise.reject(new Error('ProvisionedThroughputExceededException')),
      },
      events: taskLog.events,
    };
    const warnings = await recordDeployStep({
      recording: { taskLog: broken },
      client: fakeGitHub({ comments: {} }).client,
      event: deployEvent(821),
      payload: payload(),
      step: { kind: 'started' },
      now,
      log: () => undefined,
    });
    expect(warnings).toEqual([
      'The task mirror could not record deploy_started of acme/shop#7 in staging: ProvisionedThroughputExceededException',
    ]);
  });

  it('records nothing for a dry run, and leaves a task of another repository’s comment alone', async () => {
    const taskLog = await taskLogWith(TASK);
    const github = fakeGitHub({
      comments: { 7: { body: renderStatusComment({ marker: marker(TASK), signingKey: KEY }) } },
    });
    const base = { recording: { taskLog, trust }, client: github.client, event: deployEvent(831), now };
    await recordDeployStep({
      ...base,
      payload: payload({ dry_run: true }),
      step: { kind: 'started' },
      log: () => undefined,
    });
    expect((await taskLog.events.list(TASK)).map((event) => event.type)).toEqual(['task_received']);

    const lines: string[] = [];
    await recordDeployStep({
      ...base,
      payload: payload({ task_id: 'evil/elsewhere#7' }),
      step: { kind: 'started' },
      log: (line) => lines.push(line),
    });
    expect(github.updates).toEqual([]);
    expect(lines).toContain(
      'Task evil/elsewhere#7 is not an issue of this repository: its status comment is not edited.',
    );
  });
});
