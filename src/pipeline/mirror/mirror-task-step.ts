import { lifecycleEventFor, type LifecycleEvent } from '../../core/task/lifecycle-event.js';
import type { TaskEvent } from '../../core/task/task-event.js';
import type { TaskRecord } from '../../core/task/task-record.js';
import type { MirrorStores } from './mirror-stores-for-config.js';
import { syncTaskMirror, type MirrorSyncResult } from './sync-task-mirror.js';
import { publishOutbox } from './publish-outbox.js';

/** What a step's mirroring did: the task mirror's sync, and a warning for the status comment when anything fell behind. */
export interface MirroredStep {
  readonly sync?: MirrorSyncResult;
  /** Lifecycle events sent to the bus. */
  readonly published: number;
  /**
   * Of the caller's lifecycle events, those the bus did not take (earlier unsent ones first): the
   * next step sends them again. The tasks table's own unsent events stay in the table.
   */
  readonly unsent: readonly LifecycleEvent[];
  /** One line for the status comment when a mirror could not be written; the task goes on. */
  readonly warning?: string;
}

/**
 * After one state change, brings every configured mirror up to it (DESIGN §3, §11): 1. the tasks
 * and results tables by re-derivation (`syncTaskMirror`: the mirror's version is compared with the
 * record's, and the events after it are written, then the record); 2. the step's milestones as
 * lifecycle events on the bus, after those an earlier step could not send (`unsent`). `steps` are
 * the events this change applied, each with the record it produced; `unmirrored` every event the
 * mirror may lack (the step's among them). `outbox`, when the caller already recorded what to send
 * (the status board writes it into the marker's `unsent` before publishing), is sent instead, as
 * is, together with what the tasks table's record holds unsent (`publishOutbox`: one outbox,
 * whoever reaches the bus). Never throws. Without a bus nothing is unsent.
 */
export async function mirrorTaskStep(params: {
  mirror: Pick<MirrorStores, 'tasks' | 'events' | 'publisher'>;
  record: TaskRecord;
  unmirrored: readonly TaskEvent[];
  steps: readonly { readonly record: TaskRecord; readonly event: TaskEvent }[];
  unsent?: readonly LifecycleEvent[];
  outbox?: readonly LifecycleEvent[];
  /** The task's id in an earlier spelling, whose records the sync migrates first (`syncTaskMirror`). */
  formerTaskId?: string | undefined;
  /** `formerTaskId` is the repository's former name, judged by its id (`migrateFormerTask`). */
  renamed?: boolean | undefined;
}): Promise<MirroredStep> {
  const { mirror } = params;
  const warnings: string[] = [];
  let sync: MirrorSyncResult | undefined;
  if (mirror.tasks !== undefined || mirror.events !== undefined) {
    sync = await syncTaskMirror({
      record: params.record,
      events: params.unmirrored,
      mirror,
      formerTaskId: params.formerTaskId,
      renamed: params.renamed,
    });
    if (sync.status === 'behind') warnings.push(sync.warning);
  }
  const lifecycle = params.outbox ?? [...(params.unsent ?? []), ...stepMilestones(params.steps)];
  let published = 0;
  let unsent: readonly LifecycleEvent[] = [];
  if (mirror.publisher !== undefined) {
    const sent = await publishOutbox({
      publisher: mirror.publisher,
      tasks: mirror.tasks,
      taskId: params.record.task_id,
      own: lifecycle,
    });
    ({ published, unsent } = sent);
    warnings.push(...sent.warnings);
  }
  return {
    ...(sync === undefined ? {} : { sync }),
    published,
    unsent,
    ...(warnings.length === 0 ? {} : { warning: warnings.join(' ') }),
  };
}

/**
 * The step's milestones as lifecycle events, in order (pure); the outcome the move recorded (the board records it last) gives its reason
 * code to the milestone it concludes, the last one before it. Never the record's `last_outcome`,
 * which may be an earlier run's (a failure before a retry's `Pull Request Opened`).
 */
export function stepMilestones(
  steps: readonly { readonly record: TaskRecord; readonly event: TaskEvent }[],
): LifecycleEvent[] {
  const events = steps.map((step) => lifecycleEventFor(step.event, step.record));
  const at = steps.findLastIndex((step) => step.event.type === 'outcome_recorded');
  const outcome = steps[at]?.event;
  const concluded =
    outcome?.type === 'outcome_recorded'
      ? events.findLastIndex((event, index) => event !== undefined && index < at)
      : -1;
  return events.flatMap((event, index) => {
    if (event === undefined) return [];
    return index === concluded && outcome?.type === 'outcome_recorded'
      ? [{ ...event, detail: { ...event.detail, reason_code: outcome.outcome.reasonCode } }]
      : [event];
  });
}
