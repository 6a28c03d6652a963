import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TaskEventConflictError, type TaskEventStore } from '../../core/stores/task-event-store.js';
import { eventSortKey } from '../../core/task/event-sort-key.js';
import { isSameEvent } from '../../core/task/same-event.js';
import { taskEventSchema, type TaskEvent } from '../../core/task/task-event.js';
import { isConditionalCheckFailure } from './is-conditional-check-failure.js';
import { parseItem } from './parse-item.js';
import { tableError } from './table-error.js';
import { RESULTS_TABLE_SORT_KEY, TASKS_TABLE_KEY } from './task-table-definitions.js';

/**
 * A task's events in `ImplementationResults` (DESIGN §11), append-only: each put is conditional on
 * its key being free, so nothing is overwritten; a replay of the same event is `already-present`.
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

  return {
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
      const events: TaskEvent[] = [];
      let startKey: Record<string, unknown> | undefined;
      try {
        do {
          const page = await client.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: '#id = :id',
              ExpressionAttributeNames: { '#id': TASKS_TABLE_KEY },
              ExpressionAttributeValues: { ':id': taskId },
              ConsistentRead: true,
              ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
            }),
          );
          events.push(...(page.Items ?? []).map(parse));
          startKey = page.LastEvaluatedKey;
        } while (startKey !== undefined);
      } catch (error) {
        throw failure(`list the events of task ${taskId}`, error);
      }
      // The sort key orders by step first (DESIGN §11); a task's life reads in sequence order.
      return events.sort((a, b) => a.sequence - b.sequence);
    },
  };
}
