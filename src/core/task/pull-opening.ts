import type { TaskState } from '../state/task-state.js';
import type { TaskEventBody } from './task-event.js';
import type { TaskRecord } from './task-record.js';

/** States a record from before the opening was kept can hold while its pull request is open. */
const LIVE_PULL_STATES: ReadonlySet<TaskState> = new Set([
  'pr_open',
  'approved',
  'changes_requested',
  'generating',
  'validating',
  'held',
  'failed',
  'awaiting_input',
  'received',
]);

/**
 * What a step does to the task's pull request, as the record keeps it (pure): a move to `pr_open`
 * opens it (`pull_opened_version: version`) unless that same pull request is open already (a
 * revision pushed to it: feedback, a `/retry`); a merge (`merged`) or a close on GitHub
 * (`pull_closed`, a `pull_request.closed` without merge) closes it (`pull_closed_version`). A move
 * to `cancelled` alone closes nothing: `/cancel` stops the task and leaves the pull request open,
 * so a `/retry` pushing to it opens nothing, while a close and a reopen (or another pull request)
 * is a new opening. A record from before these were kept counts its pull request open while it is
 * in a state a live pull request has. `Pull Request Opened` is sent for the move that opened it
 * (`lifecycleEventFor`).
 */
export function pullOpening(
  record: TaskRecord,
  event: Extract<TaskEventBody, { type: 'state_changed' | 'pull_closed' }>,
  version: number,
): Pick<TaskRecord, 'pull_opened_version' | 'pull_closed_version'> {
  if (event.type === 'pull_closed')
    return record.pull_number === event.pull_number ? { pull_closed_version: version } : {};
  if (event.to === 'merged') return record.pull_number === undefined ? {} : { pull_closed_version: version };
  if (event.to !== 'pr_open') return {};
  return isOpen(record, event.pull_number ?? record.pull_number) ? {} : { pull_opened_version: version };
}

/**
 * Whether the record holds `pullNumber` as its pull request and open: opened by its last opening
 * and not closed since (a merge, a `pull_closed`); a record from before these were kept, while
 * its state is one a live pull request has. Pure.
 */
export function isOpen(
  record: Pick<TaskRecord, 'pull_number' | 'pull_opened_version' | 'pull_closed_version' | 'status'>,
  pullNumber: number | undefined,
): boolean {
  if (pullNumber === undefined || record.pull_number !== pullNumber) return false;
  const { pull_opened_version: opened, pull_closed_version: closed } = record;
  if (opened !== undefined) return closed === undefined || closed < opened;
  return closed === undefined && LIVE_PULL_STATES.has(record.status);
}
