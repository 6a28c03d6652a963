import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TaskEventConflictError, type TaskEventStore } from '../../core/stores/task-event-store.js';
import { eventSortKey } from '../../core/task/event-sort-key.js';
import { parkedStepSchema, type ParkedStep } from '../../core/task/parked-step.js';
import { isSameEvent } from '../../core/task/same-event.js';
import { taskEventSchema, type TaskEvent } from '../../core/task/task-event.js';
import { isConditionalCheckFailure } from './is-conditional-check-failure.js';
import { queryAllItems } from './query-all-items.js';
import { parseItem } from './parse-item.js';
import { tableError } from './table-error.js';
import { RESULTS_TABLE_SORT_KEY, TASKS_TABLE_KEY } from './task-table-definitions.js';

/**
 * A task's events in `ImplementationResults` (DESIGN §11), append-only: each put is conditional on
 * its key being free, so nothing is overwritten; a replay of the same event is `already-present`.
 * Parked steps (`ParkedStep`) live beside the events under `parked#<id>`, a key no event's
 * (`eventSortKey`: a step name first) can take.
 */
export function createDynamoDbTaskEventStore(params: {
  client: Pick<DynamoDBDocumentClient, 'send'>;
  tableName: string;
}): TaskEventStore {
  const { client, tableName } = params;
  const failure = (action: string, error: unknown) =>
    tableError({ action, tableName, definition: 'resultsTableDefinition', error });
  const parse = (item: Record<string, unknown>) => {
    const { [RESULTS_TABLE_SORT_KEY]: _sortKey, ...event } = item;
    return parseItem({ item: event, schema: taskEventSchema, tableName });
  };

  const parkedKey = (step: ParkedStep) => `${PARKED_PREFIX}${step.id}`;
  const isParked = (item: Record<string, unknown>) =>
    String(item[RESULTS_TABLE_SORT_KEY]).startsWith(PARKED_PREFIX);

  return {
    async park(step) {
      const key = { [TASKS_TABLE_KEY]: step.event.task_id, [RESULTS_TABLE_SORT_KEY]: parkedKey(step) };
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key, parked: step },
            ConditionExpression: 'attribute_not_exists(#sk)',
            ExpressionAttributeNames: { '#sk': RESULTS_TABLE_SORT_KEY },
          }),
        );
      } catch (error) {
        // The key is the step's own hash: what holds it is this very step, parked before.
        if (!isConditionalCheckFailure(error))
          throw failure(`park a step of task ${step.event.task_id}`, error);
      }
    },

    async listParked(taskId) {
      try {
        const items = await queryAllItems(client, {
          TableName: tableName,
          KeyConditionExpression: '#id = :id AND begins_with(#sk, :parked)',
          ExpressionAttributeNames: { '#id': TASKS_TABLE_KEY, '#sk': RESULTS_TABLE_SORT_KEY },
          ExpressionAttributeValues: { ':id': taskId, ':parked': PARKED_PREFIX },
          ConsistentRead: true,
        });
        return items.map((item) => parseItem({ item: item['parked'], schema: parkedStepSchema, tableName }));
      } catch (error) {
        throw failure(`list the parked steps of task ${taskId}`, error);
      }
    },

    async append(event) {
      const key = { [TASKS_TABLE_KEY]: event.task_id, [RESULTS_TABLE_SORT_KEY]: eventSortKey(event) };
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...event, ...key },
            ConditionExpression: 'attribute_not_exists(#sk)',
            ExpressionAttributeNames: { '#sk': RESULTS_TABLE_SORT_KEY },
          }),
        );
        return 'appended';
      } catch (error) {
        if (!isConditionalCheckFailure(error))
          throw failure(`append event ${key.sk} of task ${event.task_id}`, error);
      }
      const stored = await client
        .send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))
        .catch((error: unknown) => {
          throw failure(`read event ${key.sk} of task ${event.task_id}`, error);
        });
      if (stored.Item !== undefined && isSameEvent(parse(stored.Item), event)) return 'already-present';
      throw new TaskEventConflictError(event.task_id, event.sequence);
    },

    async list(taskId) {
      let events: TaskEvent[];
      try {
        const items = await queryAllItems(client, {
          TableName: tableName,
          KeyConditionExpression: '#id = :id',
          ExpressionAttributeNames: { '#id': TASKS_TABLE_KEY },
          ExpressionAttributeValues: { ':id': taskId },
          ConsistentRead: true,
        });
        events = items.filter((item) => !isParked(item)).map(parse);
      } catch (error) {
        throw failure(`list the events of task ${taskId}`, error);
      }
      // The sort key orders by step first (DESIGN §11); a task's life reads in sequence order.
      return events.sort((a, b) => a.sequence - b.sequence);
    },
  };
}

/** The sort key prefix of parked steps: no step name (a task state or an event type) is `parked`. */
const PARKED_PREFIX = 'parked#';
