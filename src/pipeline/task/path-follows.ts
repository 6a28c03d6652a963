import { canWalk, type TaskState } from '../../core/state/task-state.js';
import type { TaskStep } from './task-step.js';

/**
 * Whether a run's path — the states it passed since its last write (`passed`), then `to` — can
 * follow `from`, the state another run wrote meanwhile (the transition table, `canTransition`;
 * staying in a state always can). A `cancelled` written meanwhile is never left: the table's moves
 * out of it (a reopen's `cancelled → pr_open`, a `/retry`'s restart) are decided by the event that
 * reads the cancel, never by a run that started before it and would write over a person's
 * `/cancel`. Pure.
 */
export function pathFollows(params: {
  from: TaskState;
  passed: readonly TaskStep[];
  to: TaskState;
}): boolean {
  const path = [
    ...params.passed.flatMap((step) => (step.type === 'state_changed' ? [step.to] : [])),
    params.to,
  ];
  if (params.from === 'cancelled') return path.every((next) => next === 'cancelled');
  return canWalk(params.from, path);
}
