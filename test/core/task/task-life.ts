import type { TaskEventBody } from '../../../src/core/task/task-event.js';

export const TASK_ID = 'acme/shop#7';
export const SHA = 'a'.repeat(40);
export const OLD_SHA = 'b'.repeat(40);

let clock = Date.parse('2026-11-24T10:00:00.000Z');
/** Times one second apart, so the order of events is plain in failures. */
export function at(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

/** A whole life: issue → generation → PR → approval → merge → staging deploy → rollback. */
export function fullLife(taskId = TASK_ID): TaskEventBody[] {
  const repo = taskId.split('#')[0]!;
  return [
    {
      type: 'task_received',
      task_id: taskId,
      at: at(),
      repo,
      issue_number: 7,
      task_name: 'Orders API',
      task_type: 'application',
      execution_mode: 'guided',
    },
    { type: 'state_changed', task_id: taskId, at: at(), to: 'generating' },
    { type: 'attempt_started', task_id: taskId, at: at(), attempt: 1 },
    {
      type: 'usage_recorded',
      task_id: taskId,
      at: at(),
      model: 'offline:application',
      input_tokens: 1200,
      output_tokens: 3400,
      cache_read_tokens: 0,
      cache_write_tokens: 100,
      cost_usd: 0.0546,
    },
    { type: 'state_changed', task_id: taskId, at: at(), to: 'validating' },
    {
      type: 'state_changed',
      task_id: taskId,
      at: at(),
      to: 'pr_open',
      pull_number: 12,
      branch: 'implementation/7-orders-api',
      template_path: 'infrastructure/template.yaml',
    },
    { type: 'state_changed', task_id: taskId, at: at(), to: 'approved' },
    { type: 'state_changed', task_id: taskId, at: at(), to: 'merged' },
    {
      type: 'deploy_started',
      task_id: taskId,
      at: at(),
      environment: 'staging',
      deployment_id: 501,
      sha: SHA,
    },
    {
      type: 'deploy_finished',
      task_id: taskId,
      at: at(),
      environment: 'staging',
      deployment_id: 501,
      succeeded: true,
      environment_url: 'https://staging.example.com',
    },
    {
      type: 'deploy_rolled_back',
      task_id: taskId,
      at: at(),
      environment: 'staging',
      rollback_deployment_id: 502,
    },
  ];
}
