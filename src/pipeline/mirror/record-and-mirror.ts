import type { TaskEventBody } from '../../core/task/task-event.js';
import { recordTaskEvent, type TaskLog } from './record-task-event.js';
import { syncTaskMirror, type MirrorSyncResult } from './sync-task-mirror.js';

/**
 * Records a step in the task's own log (the local folder by default), then brings the mirror up
 * to it. A mirror failure is in `mirror.warning`, never thrown: the task goes on (DESIGN §3).
 */
export async function recordAndMirror(params: {
  log: TaskLog;
  mirror?: Partial<TaskLog>;
  event: TaskEventBody;
}): Promise<Awaited<ReturnType<typeof recordTaskEvent>> & { mirror?: MirrorSyncResult }> {
  const applied = await recordTaskEvent({ log: params.log, event: params.event });
  if (params.mirror === undefined) return applied;
  const events = await params.log.events.list(params.event.task_id);
  const mirror = await syncTaskMirror({ record: applied.record, events, mirror: params.mirror });
  return { ...applied, mirror };
}
