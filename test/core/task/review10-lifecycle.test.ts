import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import { readFileSync } from 'node:fs';
import {
  LIFECYCLE_DETAIL_TYPES,
  lifecycleEventFor,
  lifecycleEventSchema,
} from '../../../src/core/task/lifecycle-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';

describe('review10: the lifecycle events of a CLI task', () => {
  it('the move to committed is a milestone of its own, Branch Committed, with the branch and commit and no pull request', () => {
    const taskId = 'local/repo3#local-orders-api';
    let record: TaskRecord | undefined;
    const at = '2026-11-24T10:00:00.000Z';
    for (const body of [
      { type: 'task_received', task_id: taskId, at, repo: 'local/repo3' },
      { type: 'state_changed', task_id: taskId, at, to: 'generating' },
      { type: 'state_changed', task_id: taskId, at, to: 'validating' },
    ] as const)
      record = applyTaskEvent(record, body).record;
    const committed = applyTaskEvent(record, {
      type: 'state_changed',
      task_id: taskId,
      at,
      to: 'committed',
      branch: 'implementation/local-orders-api',
      commit: 'e'.repeat(40),
    });
    const event = lifecycleEventFor(committed.event, committed.record);
    expect(event).toEqual({
      detailType: 'Branch Committed',
      detail: {
        version: 1,
        task_id: taskId,
        repo: 'local/repo3',
        sequence: 4,
        at,
        status: 'committed',
        branch: 'implementation/local-orders-api',
        commit: 'e'.repeat(40),
      },
    });
    expect(lifecycleEventSchema.parse(event)).toEqual(event);
  });
});

describe('the documented lifecycle event schema (README "Lifecycle events") and the code agree', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('**Lifecycle events**'), readme.indexOf('## Commands'));

  it('lists every detail-type the code sends', () => {
    for (const type of LIFECYCLE_DETAIL_TYPES) expect(section).toContain(`\`${type}\``);
  });

  it('no longer says a CLI task sends Pull Request Opened', () => {
    expect(section).not.toMatch(/CLI task sends\s+`Pull Request Opened`/);
    expect(section).toMatch(/CLI task sends\s+`Branch Committed`/);
  });
});
