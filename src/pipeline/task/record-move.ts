import type { OutcomeSummary } from '../../core/outcome/outcome-summary.js';
import type { TaskState } from '../../core/state/task-state.js';
import { applyTaskEvent } from '../../core/task/apply-task-event.js';
import type { TaskEvent, TaskEventBody } from '../../core/task/task-event.js';
import type { TaskRecord } from '../../core/task/task-record.js';
import type { MoveOptions } from './move-options.js';
import type { TaskStep } from './task-step.js';

/** States a new request restarts the task from: the record takes a `task_received` first. */
const RESTARTS: ReadonlySet<TaskState> = new Set(['failed', 'cancelled', 'awaiting_input']);
/** Moves out of those states that continue the task rather than restart it: a reopened PR brings a cancelled task back. */
const CONTINUATIONS: ReadonlySet<TaskState> = new Set(['pr_open']);

/**
 * The record after a move: the passed states, a `task_received` when the move (re)starts the task,
 * the attempt and usage, the caller's steps, the state change and the outcome, applied in that
 * order. An event the record cannot take (a marker from an older release in a state the record no
 * longer has) leaves the record as it was and says so: the record never stops the task.
 */
export function recordMove(input: {
  record: TaskRecord | undefined;
  to: TaskState;
  at: string;
  taskId: string;
  repo: string;
  params: { issueNumber: number };
  passed: readonly TaskStep[];
  /** `summary`: the outcome as the record keeps it, its text redacted (`redactedTexts`). */
  options: Omit<MoveOptions, 'outcome'> & { summary?: OutcomeSummary };
}): Recorded {
  const { options, to } = input;
  const steps: { record: TaskRecord; event: TaskEvent }[] = [];
  let current = input.record;
  const apply = (step: TaskStep) => {
    // A step with the task id and time is an event body; TypeScript cannot see that through the union.
    const applied = applyTaskEvent(current, {
      ...step,
      task_id: input.taskId,
      at: input.at,
    } as TaskEventBody);
    current = applied.record;
    steps.push(applied);
  };
  const exec = options.request?.execution_request;
  const received: TaskStep = {
    type: 'task_received',
    repo: input.repo,
    issue_number: input.params.issueNumber,
    ...(exec === undefined
      ? {}
      : { task_name: exec.task_name, task_type: exec.task_type, execution_mode: exec.execution_mode }),
  };
  try {
    if (current === undefined) apply(received);
    for (const step of input.passed) apply(step);
    const status = current?.status;
    if (
      status !== undefined &&
      RESTARTS.has(status) &&
      to !== status &&
      to !== 'received' &&
      !CONTINUATIONS.has(to) &&
      steps.length === 0
    ) {
      apply(received);
    }
    const attempt = options.patch?.attempt;
    if (attempt !== undefined && attempt > (current?.attempt ?? 0))
      apply({ type: 'attempt_started', attempt });
    if (options.usage !== undefined) {
      const { usage, model } = options.usage;
      apply({
        type: 'usage_recorded',
        model,
        input_tokens: usage.inputTokens,
        output_tokens: usage.outputTokens,
        cache_read_tokens: usage.cacheReadTokens,
        cache_write_tokens: usage.cacheWriteTokens,
        cost_usd: usage.costUsd,
      });
    }
    for (const step of options.steps ?? []) apply(step);
    const { pull_number, branch, template_path } = options.patch ?? {};
    const fields = {
      ...(pull_number === undefined ? {} : { pull_number }),
      ...(branch === undefined ? {} : { branch }),
      ...(template_path === undefined ? {} : { template_path }),
    };
    if (to !== current?.status || Object.keys(fields).length > 0)
      apply({ type: 'state_changed', to, ...fields });
    if (options.summary !== undefined) apply({ type: 'outcome_recorded', outcome: options.summary });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const kept = steps.length === 0 ? input.record : steps.at(-1)?.record;
    if (kept === undefined) throw error;
    return { record: kept, steps, problem: `⚠️ The task record could not take this step (${reason}).` };
  }
  if (current === undefined) throw new Error(`Task ${input.taskId} has no record after a move.`);
  return { record: current, steps };
}

/** The record after a move, the events it applied (each with the record it produced), and why one could not apply. */
export type Recorded = {
  record: TaskRecord;
  steps: { record: TaskRecord; event: TaskEvent }[];
  problem?: string;
};
