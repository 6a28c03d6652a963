import type { TaskEventBody } from '../../core/task/task-event.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A step of the task as a use case states it; the board adds the task id and the time. */
export type TaskStep = DistributiveOmit<TaskEventBody, 'task_id' | 'at'>;
