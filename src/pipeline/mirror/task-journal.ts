import { boundedOutbox, droppedEventsWarning } from '../../core/task/bounded-outbox.js';
import { lifecycleEventFor, type LifecycleEvent } from '../../core/task/lifecycle-event.js';
import type { TaskEvent, TaskEventBody } from '../../core/task/task-event.js';
import { withoutPendingEvents, type TaskRecord } from '../../core/task/task-record.js';
import type { MirrorStores } from './mirror-stores-for-config.js';
import { mirrorTaskStep } from './mirror-task-step.js';
import { parkSteps, recordTaskEvent, TaskStepContendedError, type TaskLog } from './record-task-event.js';
import { settleOutbox } from './settle-outbox.js';
import { migrateFormerTask } from './migrate-former-task.js';

/**
 * A task's life where no status comment carries it (the CLI; later the REST API and a queue
 * worker): each step goes to the task's own log (the local folder by default) and then to the
 * mirrors, as the status board does for GitHub tasks. A mirror failure comes back as a warning.
 */
export interface TaskJournal {
  /** The record as the log holds it; `undefined` for a task never seen. */
  current(): Promise<TaskRecord | undefined>;
  /**
   * Applies the events in order (`recordTaskEvent`), then mirrors them; throws the log's errors
   * only. A step that lost every try (`TaskStepContendedError`) is parked with the rest of the
   * batch after it, for the task's next writer to take in, and the error is thrown.
   */
  record(events: readonly TaskEventBody[]): Promise<{ record: TaskRecord | undefined; warning?: string }>;
}

/**
 * With a bus (`mirror.publisher`), the log's record is the outbox of lifecycle events, as the status
 * marker's `unsent` is for GitHub tasks: each step's milestone is written into `unsent_events` with
 * the step itself (before any publish, so a run that dies before the bus loses none), the outbox is
 * published oldest first (what an earlier step could not send goes first), and a bookkeeping write
 * (`settleOutbox`) keeps only what the bus did not take. Past `MAX_UNSENT_EVENTS` the oldest are
 * dropped and the warning names how many and of which kinds. An event may go twice (a run that dies
 * between the publish and that write): consumers drop duplicates by `detail.event_id`.
 */
export function openTaskJournal(params: {
  taskId: string;
  log: TaskLog;
  mirror?: Pick<MirrorStores, 'tasks' | 'events' | 'publisher'>;
  /**
   * The task's id as another spelling of it names it (a deployment payload's `Acme/Shop#7` for
   * `acme/shop#7`): the log's records under it are migrated to `taskId` first (`migrateFormerTask`).
   */
  formerTaskId?: string | undefined;
  /**
   * `formerTaskId` was proven this task's by the repository's id (a rename or a transfer): records
   * under another repository name are migrated too (`migrateFormerTask`).
   */
  renamed?: boolean | undefined;
  /** The pause after a conflicting write (`recordTaskEvent`); `pauseAfterConflict` unless a test needs none. */
  pause?: (retry: number) => Promise<void>;
}): TaskJournal {
  const { log, mirror, taskId } = params;
  let migrated: Promise<unknown> | undefined;
  const migrate = () =>
    (migrated ??= migrateFormerTask({
      ...log,
      taskId,
      formerTaskId: params.formerTaskId,
      renamed: params.renamed,
    }));
  return {
    // The log's own bookkeeping (`pending_events`, `unsent_events`) is not the task's.
    current: async () => {
      await migrate();
      const stored = await log.tasks.get(taskId);
      return stored === undefined ? undefined : withoutPendingEvents(stored);
    },
    async record(events) {
      await migrate();
      const outbox = mirror?.publisher === undefined ? undefined : outboxOfBatch();
      const steps: Awaited<ReturnType<typeof recordTaskEvent>>[] = [];
      for (const [index, event] of events.entries()) {
        try {
          steps.push(
            await recordTaskEvent({
              log,
              event,
              ...(outbox ? { outbox: outbox.add } : {}),
              ...(params.pause === undefined ? {} : { pause: params.pause }),
            }),
          );
        } catch (error) {
          if (!(error instanceof TaskStepContendedError) || !error.parked) throw error;
          // The rest of the batch would contend the same way: parked after it, in order, for the next writer.
          const reason = await parkSteps({ log, steps: events.slice(index + 1), from: 1 });
          throw reason === undefined ? error : new TaskStepContendedError(error.event, false, reason);
        }
      }
      const record = steps.at(-1)?.record ?? (await log.tasks.get(taskId));
      const unappended = steps.findLast((step) => step.unappended !== undefined)?.unappended;
      const warnings =
        unappended === undefined
          ? []
          : [
              `The task's events could not be appended (${unappended}); the record carries them, and the next step appends them again.`,
            ];
      for (const step of steps) if (step.lost !== undefined) warnings.push(step.lost);
      const dropped = droppedEventsWarning([...(outbox?.dropped.values() ?? [])]);
      if (dropped !== undefined) warnings.push(dropped);
      const last = steps.at(-1);
      if (mirror !== undefined && record !== undefined && last !== undefined) {
        // The log's events store may be the one that failed: the mirror is brought up to what it holds.
        const unmirrored = await log.events
          .list(taskId)
          .catch(() =>
            steps.flatMap((step) => (step.gap === undefined ? [step.event] : [step.event, step.gap])),
          );
        const step = await mirrorTaskStep({
          mirror,
          record,
          unmirrored,
          steps,
          ...(outbox === undefined ? {} : { outbox: last.unsent }),
        });
        if (step.warning !== undefined) warnings.push(step.warning);
        if (outbox !== undefined && step.unsent.length < last.unsent.length) {
          const settled = await settleOutbox({ log, taskId, unsent: step.unsent, sent: last.unsent });
          if (settled !== undefined) warnings.push(settled);
        }
      }
      return { record, ...(warnings.length === 0 ? {} : { warning: warnings.join(' ') }) };
    },
  };
}

/**
 * The outbox as one `record` call grows it: each step's milestone joins what the record kept; the
 * outcome a step records gives its reason code to the milestone it concludes, the last one this call
 * added (as `stepMilestones` does for the status board), never an earlier call's.
 */
function outboxOfBatch() {
  const keyOf = (event: LifecycleEvent) => `${event.detailType}#${event.detail.sequence}`;
  const added = new Set<string>();
  /** Dropped past the bound, by key: a step applied again after a conflict drops the same ones. */
  const dropped = new Map<string, LifecycleEvent>();
  const add = (step: {
    readonly kept: readonly LifecycleEvent[];
    readonly record: TaskRecord;
    readonly event: TaskEvent;
  }): readonly LifecycleEvent[] => {
    const next = [...step.kept];
    if (step.event.type === 'outcome_recorded') {
      const concluded = next.findLastIndex((waiting) => added.has(keyOf(waiting)));
      const milestone = next[concluded];
      if (milestone !== undefined)
        next[concluded] = {
          ...milestone,
          detail: { ...milestone.detail, reason_code: step.event.outcome.reasonCode },
        };
    }
    const milestone = lifecycleEventFor(step.event, step.record);
    if (milestone !== undefined) {
      next.push(milestone);
      added.add(keyOf(milestone));
    }
    const bounded = boundedOutbox(next);
    for (const event of bounded.dropped) dropped.set(keyOf(event), event);
    return bounded.outbox;
  };
  return { add, dropped };
}
