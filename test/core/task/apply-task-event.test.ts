import { IllegalDeployTransitionError } from '../../../src/core/state/deploy-state.js';
import { IllegalTransitionError } from '../../../src/core/state/task-state.js';
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import { eventSortKey } from '../../../src/core/task/event-sort-key.js';
import { taskEventBodySchema, type TaskEventBody } from '../../../src/core/task/task-event.js';
import { TaskEventError } from '../../../src/core/task/task-event-error.js';
import { taskRecordSchema, type TaskRecord } from '../../../src/core/task/task-record.js';
import { summarizeOutcome } from '../../../src/core/outcome/outcome-summary.js';
import { at, fullLife, OLD_SHA, SHA, TASK_ID } from './task-life.js';

function applyAll(events: readonly TaskEventBody[], start?: TaskRecord): TaskRecord {
  let record = start;
  for (const event of events) record = applyTaskEvent(record, event).record;
  if (record === undefined) throw new Error('no events');
  return record;
}

const merged = () => applyAll(fullLife().slice(0, 8));

describe('applyTaskEvent', () => {
  it('folds a whole life into one record: state, PR, usage, per-environment deploy state, version', () => {
    const record = applyAll(fullLife());

    expect(taskRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({
      task_id: TASK_ID,
      repo: 'acme/shop',
      issue_number: 7,
      pull_number: 12,
      branch: 'implementation/7-orders-api',
      task_type: 'application',
      execution_mode: 'guided',
      // Deploys never move the task's own state.
      status: 'merged',
      attempt: 1,
      cost_usd: 0.0546,
      tokens: { input: 1200, output: 3400, cache_read: 0, cache_write: 100 },
      model: 'offline:application',
      version: 11,
      environments: {
        staging: {
          status: 'rolled_back',
          deployment_id: 501,
          sha: SHA,
          environment_url: 'https://staging.example.com',
          rolled_back_by: 502,
        },
      },
    });
    expect(record.updated_at > record.created_at).toBe(true);
  });

  it('stamps each event with the version it produced, so events replay in order', () => {
    let record: TaskRecord | undefined;
    const sequences = fullLife().map((event) => {
      const applied = applyTaskEvent(record, event);
      record = applied.record;
      return applied.event.sequence;
    });
    expect(sequences).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('keeps a failed staging deploy to staging: the task is not failed and a later deploy goes ahead', () => {
    const failed = applyAll(
      [
        {
          type: 'deploy_started',
          task_id: TASK_ID,
          at: at(),
          environment: 'staging',
          deployment_id: 601,
          sha: SHA,
        },
        {
          type: 'deploy_finished',
          task_id: TASK_ID,
          at: at(),
          environment: 'staging',
          deployment_id: 601,
          succeeded: false,
        },
      ],
      merged(),
    );
    expect(failed.status).toBe('merged');
    expect(failed.environments['staging']?.status).toBe('deploy_failed');

    const retried = applyAll(
      [
        {
          type: 'deploy_started',
          task_id: TASK_ID,
          at: at(),
          environment: 'staging',
          deployment_id: 602,
          sha: SHA,
        },
        {
          type: 'deploy_finished',
          task_id: TASK_ID,
          at: at(),
          environment: 'staging',
          deployment_id: 602,
          succeeded: true,
        },
        {
          type: 'deploy_started',
          task_id: TASK_ID,
          at: at(),
          environment: 'production',
          deployment_id: 603,
          sha: SHA,
        },
      ],
      failed,
    );
    expect(retried.environments['staging']).toMatchObject({ status: 'deployed', deployment_id: 602 });
    expect(retried.environments['production']).toMatchObject({ status: 'deploying', deployment_id: 603 });
  });

  it('lets a new deployment supersede one whose end was never recorded (a run that died)', () => {
    const record = applyAll(
      [
        {
          type: 'deploy_started',
          task_id: TASK_ID,
          at: at(),
          environment: 'staging',
          deployment_id: 701,
          sha: SHA,
        },
        {
          type: 'deploy_started',
          task_id: TASK_ID,
          at: at(),
          environment: 'staging',
          deployment_id: 702,
          sha: SHA,
        },
      ],
      merged(),
    );
    expect(record.environments['staging']).toMatchObject({ status: 'deploying', deployment_id: 702 });
  });

  it('ignores a late finish of an older deployment', () => {
    const deployed = applyAll(
      [
        {
          type: 'deploy_started',
          task_id: TASK_ID,
          at: at(),
          environment: 'staging',
          deployment_id: 801,
          sha: SHA,
        },
        {
          type: 'deploy_finished',
          task_id: TASK_ID,
          at: at(),
          environment: 'staging',
          deployment_id: 801,
          succeeded: true,
        },
        {
          type: 'deploy_started',
          task_id: TASK_ID,
          at: at(),
          environment: 'staging',
          deployment_id: 802,
          sha: SHA,
        },
      ],
      merged(),
    );
    const late = applyTaskEvent(deployed, {
      type: 'deploy_finished',
      task_id: TASK_ID,
      at: at(),
      environment: 'staging',
      deployment_id: 801,
      succeeded: false,
    });
    expect(late.record.environments['staging']).toMatchObject({ status: 'deploying', deployment_id: 802 });
    // The event still counts: it is in the history, and the version moves.
    expect(late.record.version).toBe(deployed.version + 1);
  });

  it.each([
    [
      'a finish without a start',
      { type: 'deploy_finished', environment: 'qa', deployment_id: 9, succeeded: true },
    ],
    [
      'a rollback of an environment never deployed',
      { type: 'deploy_rolled_back', environment: 'qa', rollback_deployment_id: 9 },
    ],
  ] as const)('refuses %s', (_label, body) => {
    expect(() => applyTaskEvent(merged(), { ...body, task_id: TASK_ID, at: at() } as TaskEventBody)).toThrow(
      IllegalDeployTransitionError,
    );
  });

  it('refuses illegal task moves through the one transition table', () => {
    expect(() =>
      applyTaskEvent(merged(), { type: 'state_changed', task_id: TASK_ID, at: at(), to: 'generating' }),
    ).toThrow(IllegalTransitionError);
  });

  it.each(['deploying', 'deployed', 'rolled_back'] as const)(
    'refuses to move the task itself to %s: deploys move their environment',
    (to) => {
      expect(() =>
        applyTaskEvent(merged(), { type: 'state_changed', task_id: TASK_ID, at: at(), to }),
      ).toThrow(/deploys move their environment/);
    },
  );

  it('starts a record only from task_received', () => {
    expect(() =>
      applyTaskEvent(undefined, { type: 'state_changed', task_id: TASK_ID, at: at(), to: 'generating' }),
    ).toThrow(TaskEventError);
  });

  it("refuses another task's event", () => {
    expect(() =>
      applyTaskEvent(merged(), { type: 'state_changed', task_id: 'acme/shop#8', at: at(), to: 'cancelled' }),
    ).toThrow(/acme\/shop#8 cannot apply to task acme\/shop#7/);
  });

  it('restarts a failed task on a new request, keeping its history and cost', () => {
    const failed = applyAll([
      ...fullLife().slice(0, 4),
      { type: 'state_changed', task_id: TASK_ID, at: at(), to: 'failed' },
      { type: 'task_received', task_id: TASK_ID, at: at(), repo: 'acme/shop', task_name: 'Orders API v2' },
    ]);
    expect(failed).toMatchObject({
      status: 'received',
      task_name: 'Orders API v2',
      cost_usd: 0.0546,
      version: 6,
    });
    expect(() =>
      applyTaskEvent(merged(), { type: 'task_received', task_id: TASK_ID, at: at(), repo: 'acme/shop' }),
    ).toThrow(IllegalTransitionError);
  });

  it("records the CLI's commit: committed with the branch and the commit sha, then a run again from there", () => {
    const taskId = 'local/shop#local-orders-api';
    const branch = 'implementation/local-orders-api';
    const life: TaskEventBody[] = [
      { type: 'task_received', task_id: taskId, at: at(), repo: 'local/shop', task_name: 'Orders API' },
      { type: 'state_changed', task_id: taskId, at: at(), to: 'generating' },
      { type: 'state_changed', task_id: taskId, at: at(), to: 'validating' },
      { type: 'state_changed', task_id: taskId, at: at(), to: 'committed', branch, commit: SHA },
    ];
    const committed = applyAll(life);
    expect(taskRecordSchema.parse(committed)).toEqual(committed);
    expect(committed).toMatchObject({ status: 'committed', branch, commit: SHA });
    expect(committed).not.toHaveProperty('pull_number');

    const again = applyAll(
      [
        { type: 'task_received', task_id: taskId, at: at(), repo: 'local/shop', task_name: 'Orders API v2' },
        { type: 'state_changed', task_id: taskId, at: at(), to: 'generating' },
        { type: 'state_changed', task_id: taskId, at: at(), to: 'validating' },
        { type: 'state_changed', task_id: taskId, at: at(), to: 'committed', branch, commit: OLD_SHA },
      ],
      committed,
    );
    expect(again).toMatchObject({
      status: 'committed',
      task_name: 'Orders API v2',
      commit: OLD_SHA,
      version: 8,
    });
  });

  it.each([
    ['no commit', { branch: 'implementation/local-orders-api' }],
    ['no branch', { commit: SHA }],
  ] as const)('refuses a move to committed with %s', (_what, fields) => {
    const validating = applyAll([
      { type: 'task_received', task_id: TASK_ID, at: at(), repo: 'acme/shop' },
      { type: 'state_changed', task_id: TASK_ID, at: at(), to: 'generating' },
      { type: 'state_changed', task_id: TASK_ID, at: at(), to: 'validating' },
    ]);
    expect(() =>
      applyTaskEvent(validating, {
        type: 'state_changed',
        task_id: TASK_ID,
        at: at(),
        to: 'committed',
        ...fields,
      }),
    ).toThrow(/without the branch and the commit/);
  });

  it('refuses a pull request task moving to committed: only a run that ended in validation commits', () => {
    expect(() =>
      applyTaskEvent(applyAll(fullLife().slice(0, 6)), {
        type: 'state_changed',
        task_id: TASK_ID,
        at: at(),
        to: 'committed',
        branch: 'implementation/7-orders-api',
        commit: SHA,
      }),
    ).toThrow(IllegalTransitionError);
  });

  it('refuses a commit that is not a full sha in the event schema', () => {
    const event = {
      type: 'state_changed',
      task_id: TASK_ID,
      at: at(),
      to: 'committed',
      branch: 'b',
      commit: 'abc1234',
    };
    expect(taskEventBodySchema.safeParse(event).success).toBe(false);
    expect(taskEventBodySchema.safeParse({ ...event, commit: SHA }).success).toBe(true);
  });

  it('keeps environment names from GitHub as own entries only', () => {
    const record = applyAll(
      [
        {
          type: 'deploy_started',
          task_id: TASK_ID,
          at: at(),
          environment: '__proto__',
          deployment_id: 901,
          sha: SHA,
        },
        {
          type: 'deploy_started',
          task_id: TASK_ID,
          at: at(),
          environment: 'constructor',
          deployment_id: 902,
          sha: SHA,
        },
      ],
      merged(),
    );
    expect(Object.keys(record.environments).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(record.environments)).toBe(Object.prototype);
    expect(record.environments['constructor']).toMatchObject({ status: 'deploying', deployment_id: 902 });
  });

  it('keeps the last outcome as its summary', () => {
    const outcome = summarizeOutcome({
      status: 'pr_open',
      taskId: TASK_ID,
      issueNumber: 7,
      pullNumber: 12,
      pullUrl: 'https://github.com/acme/shop/pull/12',
      commitSha: SHA,
      created: true,
      costUsd: 0.05,
    });
    const record = applyAll([{ type: 'outcome_recorded', task_id: TASK_ID, at: at(), outcome }], merged());
    expect(record.last_outcome).toMatchObject({ status: 'pr_open', reasonCode: 'pr_opened', pullNumber: 12 });
  });
});

describe('eventSortKey', () => {
  it('is step#timestamp#sequence, the state a change moved to naming the step', () => {
    const { event } = applyTaskEvent(merged(), {
      type: 'state_changed',
      task_id: TASK_ID,
      at: '2026-11-24T10:00:00.000Z',
      to: 'merged',
    });
    expect(eventSortKey(event)).toBe('merged#2026-11-24T10:00:00.000Z#000009');
    const started = applyTaskEvent(merged(), {
      type: 'deploy_started',
      task_id: TASK_ID,
      at: '2026-11-24T10:00:01.000Z',
      environment: 'staging',
      deployment_id: 1,
      sha: SHA,
    });
    expect(eventSortKey(started.event)).toBe('deploy_started#2026-11-24T10:00:01.000Z#000009');
  });
});
