import { TaskVersionConflictError, type TaskStore } from '../../core/stores/task-store.js';
import { TaskEventConflictError, type TaskEventStore } from '../../core/stores/task-event-store.js';
import { applyTaskEvent } from '../../core/task/apply-task-event.js';
import type { LifecycleEvent } from '../../core/task/lifecycle-event.js';
import { redactEventText } from '../../core/task/redact-event-text.js';
import type { TaskEvent, TaskEventBody } from '../../core/task/task-event.js';
import { capPendingEvents } from '../../core/task/cap-pending-events.js';
import { withoutPendingEvents, type TaskRecord } from '../../core/task/task-record.js';
import { inParkedOrder, MAX_ADOPTED_STEPS, parkedStepOf } from '../../core/task/parked-step.js';
import { pauseAfterConflict } from './conflict-backoff.js';

/**
 * Each retry means another writer's write landed in between (reads are strongly consistent, and a
 * store tells its own landed write from a conflict: `createDynamoDbTaskStore`), so a writer among
 * N at once needs at most N - 1: 24 tries cover a deploy on merge to 24 environments (regions ×
 * stages) starting together, with a jittered pause between tries (`pauseAfterConflict`) so the
 * writers spread out. Past this the step is parked (`ParkedStep`), never silently left out: the
 * task's next writer takes it in.
 */
export const MAX_RECORD_ATTEMPTS = 24;

/**
 * A step not folded into the record because other writers won every one of `MAX_RECORD_ATTEMPTS`
 * tries. `parked`: it is kept in the events store as a parked step, which the task's next write
 * takes into the record (`recordTaskEvent`), so it is late, not lost; otherwise the events store
 * refused it too, and `reason` says why.
 */
export class TaskStepContendedError extends Error {
  constructor(
    readonly event: TaskEventBody,
    readonly parked: boolean,
    readonly reason?: string,
  ) {
    super(
      parked
        ? `${event.type} of ${event.task_id} is not in the record yet: other writers changed it before each of ${MAX_RECORD_ATTEMPTS} tries; the step is kept in the results table and the task's next step takes it in`
        : `${event.type} of ${event.task_id} was not recorded: other writers changed the task's record before each of ${MAX_RECORD_ATTEMPTS} tries, and the step could not be kept for the next one (${reason ?? 'unknown'})`,
    );
    this.name = 'TaskStepContendedError';
  }
}

/**
 * Parks steps no write of the record could take (`ParkedStep`, their free text redacted), each at
 * its place in its batch (`from` the first's), for the task's next writer to take in. Each is
 * counted on the record first (`TaskStore.countParked`), so no writer that reads the record after
 * the step is parked skips the parked-steps query. Returns the first failure's reason,
 * `undefined` when every one was kept.
 */
export async function parkSteps(params: {
  log: TaskLog;
  steps: readonly TaskEventBody[];
  from: number;
}): Promise<string | undefined> {
  try {
    for (const [index, step] of params.steps.entries()) {
      await params.log.tasks.countParked(step.task_id);
      await params.log.events.park(parkedStepOf(await redactEventText(step), params.from + index));
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface TaskLog {
  readonly tasks: TaskStore;
  readonly events: TaskEventStore;
}

/**
 * Records one step of a task, losing no event when the events store fails (issue #10): 1. read the
 * record, and append again the events it carries as `pending_events` (an earlier write's, not yet
 * confirmed); 2. apply the event (`applyTaskEvent`); 3. write the record on condition of the
 * version read, carrying the new event and those still unconfirmed; on a conflict, pause
 * (jittered backoff), read again and re-apply, up to `MAX_RECORD_ATTEMPTS` tries, then park the
 * step (`ParkedStep`: the events store keeps it under a key of its own, which cannot conflict) and
 * throw `TaskStepContendedError`; 4. append the event stamped with the version it produced. Before
 * its own step, each write takes in the task's parked steps its record has not (`adopted_steps`),
 * in the order they happened, so a step that lost every try lands with the task's next step
 * (one that can never apply, say a transition made illegal since, is passed over). The lifecycle events the
 * record keeps unsent (`unsent_events`) ride along, as `outbox` makes them. The record goes first:
 * an event appended first could take a version that another writer then wins. Past
 * `MAX_PENDING_EVENTS` carried, the oldest are dropped and named by an `events_lost` event applied
 * after the step's (`capPendingEvents`; `gap`, and `lost` for a warning), so `record` is then one
 * version past `event`. The event's free text is redacted first (`redactEventText`). `record` comes
 * back without `pending_events` (they belong to the log alone); `unappended` says why events are
 * still carried, for a warning. Throws what `applyTaskEvent` throws for an event that cannot apply,
 * the task store's errors, and `TaskStepContendedError` past the bound; an events store failure is
 * carried, not thrown.
 */
export async function recordTaskEvent(params: {
  log: TaskLog;
  event: TaskEventBody;
  /**
   * The lifecycle events to keep unsent with this write (`unsent_events`, the journal's outbox),
   * from those the record kept and the step just applied; absent: the kept ones are carried as they are.
   */
  outbox?: (step: {
    readonly kept: readonly LifecycleEvent[];
    readonly record: TaskRecord;
    readonly event: TaskEvent;
  }) => readonly LifecycleEvent[];
  /** The pause before retry `retry` after a conflict; `pauseAfterConflict` unless a test needs none. */
  pause?: (retry: number) => Promise<void>;
}): Promise<{
  record: TaskRecord;
  event: TaskEvent;
  unsent: readonly LifecycleEvent[];
  /** The `events_lost` event applied after `event` when carried events were dropped past the cap. */
  gap?: TaskEvent;
  unappended?: string;
  /** A warning naming the events dropped past the cap (`capPendingEvents`). */
  lost?: string;
}> {
  const { log } = params;
  // The log and every mirror after it keep the event's free text redacted, as the status board's record does.
  const event = await redactEventText(params.event);
  for (let attempt = 1; ; attempt += 1) {
    const current = await log.tasks.get(event.task_id);
    const earlier = await appendEach({ events: log.events, pending: current?.pending_events ?? [] });
    let kept: readonly LifecycleEvent[] = current?.unsent_events ?? [];
    const adoption = await adoptParked({ events: log.events, current });
    // Each parked step taken in gives its milestone to the outbox too, as its own write would have.
    if (params.outbox !== undefined)
      for (const step of adoption.steps) kept = params.outbox({ kept, ...step });
    const applied = applyTaskEvent(adoption.record, event);
    // Past the cap (a very long outage of the events store alone) the oldest are dropped, and an
    // events_lost event applied after the step's names them.
    const adoptedEvents = adoption.steps.map((step) => step.event);
    const capped = capPendingEvents({
      record: applied.record,
      pending: [...earlier.pending, ...adoptedEvents, applied.event],
      at: event.at,
    });
    const unsent = params.outbox === undefined ? kept : params.outbox({ kept, ...applied });
    try {
      await log.tasks.put(
        {
          ...capped.record,
          pending_events: capped.pending,
          ...(unsent.length === 0 ? {} : { unsent_events: [...unsent] }),
          ...(adoption.ids.length === 0 ? {} : { adopted_steps: adoption.ids }),
        },
        current?.version ?? 0,
      );
    } catch (error) {
      if (!(error instanceof TaskVersionConflictError)) throw error;
      if (attempt >= MAX_RECORD_ATTEMPTS) {
        const reason = await parkSteps({ log, steps: [params.event], from: 0 });
        throw new TaskStepContendedError(event, reason === undefined, reason);
      }
      await (params.pause ?? pauseAfterConflict)(attempt);
      continue;
    }
    // Confirmed here, the events still ride in the record until the next write appends them again (a no-op).
    const now = await appendEach({
      events: log.events,
      pending: [...adoptedEvents, applied.event, ...(capped.gap === undefined ? [] : [capped.gap])],
    });
    const reason = now.reason ?? earlier.reason;
    return {
      record: capped.record,
      event: applied.event,
      unsent,
      ...(capped.gap === undefined ? {} : { gap: capped.gap }),
      ...(reason === undefined ? {} : { unappended: reason }),
      ...(capped.note === undefined ? {} : { lost: capped.note }),
    };
  }
}

/**
 * The record read with the task's parked steps it has not taken in applied (`ParkedStep`, in the
 * order they happened), the events they produced, and every id the record will have taken in
 * (bounded by `MAX_ADOPTED_STEPS`, oldest dropped). A step that cannot apply is passed over and
 * named taken in, so it is not tried by every later write. A record whose `parked_count` is 0
 * has none to take in, so the events store is not asked. An events store that cannot list them
 * takes none in this time: the next write tries again.
 */
async function adoptParked(params: { events: TaskEventStore; current: TaskRecord | undefined }): Promise<{
  record: TaskRecord | undefined;
  steps: { record: TaskRecord; event: TaskEvent }[];
  ids: string[];
}> {
  const { current } = params;
  let record = current === undefined ? undefined : withoutPendingEvents(current);
  const taken = current?.adopted_steps ?? [];
  // Nothing ever parked (`parked_count`, counted before each park): no query (one request fewer a write).
  if (current === undefined || (current.parked_count ?? 0) === 0)
    return { record, steps: [], ids: [...taken] };
  const parked = await params.events.listParked(current.task_id).catch(() => []);
  const fresh = inParkedOrder(parked.filter((step) => !taken.includes(step.id)));
  const steps: { record: TaskRecord; event: TaskEvent }[] = [];
  for (const step of fresh) {
    try {
      const applied = applyTaskEvent(record, step.event);
      record = applied.record;
      steps.push(applied);
    } catch {
      // A step that cannot apply to the record as it is now never will: it is not tried again.
    }
  }
  return { record, steps, ids: [...taken, ...fresh.map((step) => step.id)].slice(-MAX_ADOPTED_STEPS) };
}

/**
 * Appends each event; those the store could not take stay pending, with the first reason. A
 * different event already at an event's place (`TaskEventConflictError`) can never be appended, so
 * it is not kept.
 */
async function appendEach(params: {
  events: TaskEventStore;
  pending: readonly TaskEvent[];
}): Promise<{ pending: TaskEvent[]; reason?: string }> {
  const pending: TaskEvent[] = [];
  let reason: string | undefined;
  for (const event of params.pending) {
    try {
      await params.events.append(event);
    } catch (error) {
      if (error instanceof TaskEventConflictError) continue;
      pending.push(event);
      reason ??= error instanceof Error ? error.message : String(error);
    }
  }
  return { pending, ...(reason === undefined ? {} : { reason }) };
}
