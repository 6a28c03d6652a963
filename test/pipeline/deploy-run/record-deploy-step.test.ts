import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import {
  parseStateMarker,
  readStateMarker,
  resignStateMarker,
  type TaskMarker,
} from '../../../src/core/state/state-marker.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import { recordFromMarker } from '../../../src/core/task/record-from-marker.js';
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
      getComment: async (p: { comment_id: number }) => {
        const comment = [...comments.values()].find((each) => each.id === p.comment_id);
        if (comment === undefined) throw Object.assign(new Error('Not Found'), { status: 404 });
        return { data: { body: comment.body, user: comment.user } };
      },
      deleteComment: async () => {
        throw new Error('a deploy run never creates, so never deletes, a status comment');
      },
    },
    git: {
      getTree: async () => {
        throw new Error('no artifacts to re-send');
      },
      getBlob: async () => {
        throw new Error('no artifacts to re-send');
      },
    },
    repos: {
      getContent: async () => {
        throw new Error('no deployment record to re-send');
      },
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
    repositoryId: 4242,
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

/** Empty mirror tables (the local folder's stores) and a bus that keeps what it is sent. */
async function emptyMirror() {
  const stores = filesystemStores(await mkdtemp(path.join(tmpdir(), 'deploy-mirror-')));
  const published: LifecycleEvent[] = [];
  return {
    stores: {
      ...stores,
      publisher: { publish: async (events: readonly LifecycleEvent[]) => void published.push(...events) },
    },
    published,
  };
}

/** A body whose marker JSON was edited (an older release's), signed again as that release signed it. */
function resignedBody(body: string): string {
  return resignStateMarker(body, KEY);
}

let clock = Date.parse('2026-11-29T11:00:00.000Z');
const now = () => (clock += 1000);
const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });

describe('recordDeployStep: a deploy run moves its task per environment', () => {
  it('keeps a failed staging deploy on staging only: the task is not failed, and the next deploy moves staging on', async () => {
    const mirror = await emptyMirror();
    const github = fakeGitHub({
      comments: { 7: { body: renderStatusComment({ marker: marker(TASK), signingKey: KEY }) } },
    });
    const lines: string[] = [];
    const step = (deploymentId: number, s: Parameters<typeof recordDeployStep>[0]['step']) =>
      recordDeployStep({
        recording: { mirrors: mirror.stores, trust },
        client: github.client,
        event: deployEvent(deploymentId),
        payload: payload(),
        step: s,
        now,
        log: (line) => lines.push(line),
      });

    expect(await step(801, { kind: 'started' })).toEqual([]);
    expect(await step(801, { kind: 'finished', succeeded: false })).toEqual([]);
    const failed = await mirror.stores.tasks.get(TASK);
    expect(failed?.status).toBe('merged');
    expect(failed?.environments['staging']).toMatchObject({ status: 'deploy_failed', deployment_id: 801 });
    expect(parseStateMarker(github.bodyOf(7))?.environments?.['staging']?.status).toBe('deploy_failed');

    await step(802, { kind: 'started' });
    await step(802, { kind: 'finished', succeeded: true, environmentUrl: 'https://shop.example/staging' });
    const deployed = await mirror.stores.tasks.get(TASK);
    expect(deployed?.environments['staging']).toMatchObject({
      status: 'deployed',
      deployment_id: 802,
      environment_url: 'https://shop.example/staging',
    });
    const body = github.bodyOf(7);
    const shown = parseStateMarker(body);
    expect(shown?.state).toBe('merged');
    expect(shown?.environments?.['staging']).toMatchObject({ status: 'deployed', deployment_id: 802 });
    // The mirror holds the record the comment shows.
    expect(deployed).toEqual(recordFromMarker({ marker: shown!, repo: 'acme/shop', issueNumber: 7 }));
    expect(body).toContain('- **staging**: 🟢 deployed · deployment 802');
    // The section is replaced, not added to, at each step; the rest of the comment stays.
    expect(body.match(/#### Deployments/g)).toHaveLength(1);
    expect(body).toContain('### implementation-agent:');
    expect((await mirror.stores.events.list(TASK)).map((event) => [event.type, event.sequence])).toEqual([
      ['deploy_started', 1],
      ['deploy_finished', 2],
      ['deploy_started', 3],
      ['deploy_finished', 4],
    ]);
    expect(mirror.published.map((event) => [event.detailType, event.detail.environment])).toEqual([
      ['Deploy Started', 'staging'],
      ['Deploy Failed', 'staging'],
      ['Deploy Started', 'staging'],
      ['Deploy Succeeded', 'staging'],
    ]);
  });

  it('reads an old marker’s `deploys` into `environments`, and writes only `environments`', async () => {
    // What an older release wrote: the deploy state under `deploys`, signed.
    const written = renderStatusComment({
      marker: marker(TASK, {
        environments: {
          staging: {
            status: 'deployed',
            deployment_id: 790,
            sha: SHA,
            updated_at: '2026-11-29T10:00:00.000Z',
          },
        },
      }),
    });
    const legacy = resignedBody(written.replace('"environments"', '"deploys"'));
    expect(legacy).toContain('"deploys"');
    const read = readStateMarker(legacy);
    expect(read?.marker.environments?.['staging']?.deployment_id).toBe(790);
    expect(read?.marker).not.toHaveProperty('deploys');

    const oldGithub = fakeGitHub({ comments: { 7: { body: resignedBody(legacy) } } });
    await recordDeployStep({
      recording: { trust },
      client: oldGithub.client,
      event: deployEvent(791),
      payload: payload(),
      step: { kind: 'started' },
      now,
      log: () => undefined,
    });
    const body = oldGithub.bodyOf(7);
    expect(body).not.toContain('"deploys"');
    expect(parseStateMarker(body)?.environments?.['staging']).toMatchObject({
      status: 'deploying',
      deployment_id: 791,
    });
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
    const mirror = await emptyMirror();
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
        recording: { mirrors: mirror.stores, trust },
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

    expect((await mirror.stores.tasks.get(TASK))?.environments['staging']).toMatchObject({
      status: 'rolled_back',
      deployment_id: 811,
      rolled_back_by: 812,
    });
    expect((await mirror.stores.tasks.get(OTHER_TASK))?.environments['staging']).toMatchObject({
      status: 'deployed',
      deployment_id: 812,
    });
    expect(parseStateMarker(github.bodyOf(7))?.environments?.['staging']?.status).toBe('rolled_back');
    expect(mirror.published.map((event) => [event.detailType, event.detail.task_id])).toEqual([
      ['Deploy Started', TASK],
      ['Deploy Succeeded', TASK],
      ['Deploy Started', OTHER_TASK],
      ['Deploy Succeeded', OTHER_TASK],
      ['Deploy Rolled Back', TASK],
    ]);
    expect(github.bodyOf(7)).toContain('↩️ rolled back · deployment 811');
  });

  it('an automatic rollback of a task’s own failed deploy to its earlier one leaves staging deployed by the rollback, and Deploy Rolled Back names the failed deployment', async () => {
    const mirror = await emptyMirror();
    const github = fakeGitHub({
      comments: { 7: { body: renderStatusComment({ marker: marker(TASK), signingKey: KEY }) } },
      deployments: [
        { id: 801, task_id: TASK },
        { id: 805, task_id: TASK },
      ],
    });
    const run = (deploymentId: number, s: Parameters<typeof recordDeployStep>[0]['step'], extra = {}) =>
      recordDeployStep({
        recording: { mirrors: mirror.stores, trust },
        client: github.client,
        event: deployEvent(deploymentId),
        payload: payload(extra),
        step: s,
        now,
        log: () => undefined,
      });
    await run(801, { kind: 'started' });
    await run(801, { kind: 'finished', succeeded: true });
    await run(805, { kind: 'started' });
    await run(805, { kind: 'finished', succeeded: false });
    // auto_rollback redeploys 801's payload (this task) as 810, replacing 805.
    const rollback = { rollback_of: 805, rollback_to: 801 };
    await run(810, { kind: 'started' }, rollback);
    expect(await run(810, { kind: 'finished', succeeded: true }, rollback)).toEqual([]);

    const staging = parseStateMarker(github.bodyOf(7))?.environments?.['staging'];
    expect(staging).toMatchObject({ status: 'deployed', deployment_id: 810 });
    expect(staging?.rolled_back_by).toBeUndefined();
    expect((await mirror.stores.tasks.get(TASK))?.environments['staging']).toEqual(staging);
    const rolledBack = mirror.published.find((event) => event.detailType === 'Deploy Rolled Back');
    expect(rolledBack?.detail).toMatchObject({ deployment_id: 805, rollback_deployment_id: 810 });
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
      recording: { mirrors: broken },
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

  it('says in the report when the task mirror refuses the step (a finish after its rollback)', async () => {
    const taskLog = await taskLogWith(TASK);
    const at = '2026-11-29T09:00:00.000Z';
    const deploy = { task_id: TASK, at, environment: 'staging' } as const;
    for (const event of [
      { ...deploy, type: 'deploy_started' as const, deployment_id: 841, sha: 'c'.repeat(40) },
      { ...deploy, type: 'deploy_finished' as const, deployment_id: 841, succeeded: true },
      {
        ...deploy,
        type: 'deploy_rolled_back' as const,
        rollback_deployment_id: 842,
        rolled_back_deployment_id: 841,
      },
    ])
      await recordTaskEvent({ log: taskLog, event });
    const warnings = await recordDeployStep({
      recording: { mirrors: taskLog },
      client: fakeGitHub({ comments: {} }).client,
      event: deployEvent(841),
      payload: payload(),
      step: { kind: 'finished', succeeded: true },
      now,
      log: () => undefined,
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^The task mirror did not take deploy_finished of acme\/shop#7 in staging: .*rolled_back/,
      ),
    ]);
  });

  it('records nothing for a dry run, and leaves a task of another repository’s comment alone', async () => {
    const taskLog = await taskLogWith(TASK);
    const github = fakeGitHub({
      comments: { 7: { body: renderStatusComment({ marker: marker(TASK), signingKey: KEY }) } },
    });
    const base = {
      recording: { mirrors: taskLog, trust },
      client: github.client,
      event: deployEvent(831),
      now,
    };
    await recordDeployStep({
      ...base,
      payload: payload({ dry_run: true }),
      step: { kind: 'started' },
      log: () => undefined,
    });
    expect((await taskLog.events.list(TASK)).map((event) => event.type)).toEqual(['task_received']);

    const lines: string[] = [];
    const warnings = await recordDeployStep({
      ...base,
      payload: payload({ task_id: 'evil/elsewhere#7' }),
      step: { kind: 'started' },
      log: (line) => lines.push(line),
    });
    const refused =
      'Deployment 831 names task evil/elsewhere#7, which is not an issue of acme/shop: its record is not moved.';
    expect(github.updates).toEqual([]);
    expect(lines).toContain(refused);
    expect(warnings).toEqual([refused]);
  });
});
