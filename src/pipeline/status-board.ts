import { recordTrigger } from '../core/idempotency/handled-triggers.js';
import { renderStatusComment } from '../core/render/status-comment.js';
import { type TaskMarker } from '../core/state/state-marker.js';
import { assertTransition, type TaskState } from '../core/state/task-state.js';
import {
  writeStatusComment,
  type StatusCommentClient,
  type StatusCommentRef,
} from '../github/status-comment.js';

type MarkerPatch = Partial<Omit<TaskMarker, 'task_id' | 'state' | 'updated_at'>>;
type ClearableField = Exclude<keyof MarkerPatch, 'attempt' | 'cost_usd'>;

/**
 * The issue's one status comment as a state machine: every move is checked against the transition
 * table, and `pass` records a step without spending an API call on it. Every move also records the
 * board's `trigger` (`triggerKeyOf`) as handled, so the same trigger is never carried out twice.
 */
export interface StatusBoard {
  readonly current: TaskMarker | undefined;
  pass(state: TaskState): void;
  /**
   * `clear` drops fields the new state must not carry over (e.g. a request source that changed).
   * `unhandled`: the run stopped on an unexpected error before carrying its trigger out, so the
   * trigger is left off the handled list and a redelivery of it tries again.
   */
  move(
    state: TaskState,
    options?: {
      patch?: MarkerPatch;
      clear?: readonly ClearableField[];
      details?: string;
      unhandled?: boolean;
    },
  ): Promise<void>;
}

/**
 * `existing` is the status the task continues from (`progressStatus`): its comment is edited and
 * its marker carried on; without one a new status comment is written. Every marker is signed with
 * `signingKey` when one is given.
 */
export function createStatusBoard(params: {
  client: StatusCommentClient;
  owner: string;
  repo: string;
  issueNumber: number;
  taskId: string;
  existing: StatusCommentRef | undefined;
  signingKey: Buffer | undefined;
  /** The trigger this run carries out; absent for moves no trigger asked for. */
  trigger?: string;
  now?: () => Date;
}): StatusBoard {
  const now = params.now ?? (() => new Date());
  let commentId = params.existing?.commentId;
  let marker: TaskMarker | undefined = params.existing?.marker;
  let state: TaskState = marker?.state ?? 'received';

  const check = (to: TaskState) => {
    if (to !== state) assertTransition(state, to);
  };

  return {
    get current() {
      return marker;
    },
    pass(to) {
      check(to);
      state = to;
    },
    async move(to, options = {}) {
      check(to);
      const next: TaskMarker = {
        attempt: 0,
        cost_usd: 0,
        ...marker,
        ...options.patch,
        ...(params.trigger === undefined
          ? {}
          : {
              handled_triggers: options.unhandled
                ? (marker?.handled_triggers ?? []).filter((key) => key !== params.trigger)
                : recordTrigger(marker?.handled_triggers, params.trigger),
            }),
        task_id: params.taskId,
        state: to,
        updated_at: now().toISOString(),
      };
      for (const field of options.clear ?? []) delete next[field];
      const body = renderStatusComment({
        marker: next,
        ...(options.details === undefined ? {} : { details: options.details }),
        ...(params.signingKey === undefined ? {} : { signingKey: params.signingKey }),
      });
      commentId = await writeStatusComment({
        client: params.client,
        owner: params.owner,
        repo: params.repo,
        issueNumber: params.issueNumber,
        commentId,
        body,
      });
      // Only a written state is the state: a failed write leaves the board where it was.
      marker = next;
      state = to;
    },
  };
}
