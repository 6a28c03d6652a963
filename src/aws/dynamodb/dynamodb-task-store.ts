import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  assertVersionMovesForward,
  TaskVersionConflictError,
  type TaskStore,
} from '../../core/stores/task-store.js';
import { taskRecordSchema } from '../../core/task/task-record.js';
import { keyRepository } from '../../core/stores/store-keys.js';
import { isConditionalCheckFailure } from './is-conditional-check-failure.js';
import { queryAllItems } from './query-all-items.js';
import { isWriteOutcomeUnknown } from './is-write-outcome-unknown.js';
import { parseItem } from './parse-item.js';
import { tableError } from './table-error.js';
import { TASKS_BY_STATUS_INDEX, TASKS_TABLE_KEY } from './task-table-definitions.js';

/** The attribute naming the put that wrote an item (see `createDynamoDbTaskStore`). */
const WRITE_ID = 'write_id';
/** The attribute naming the last puts an item descends from, its own last (see `createDynamoDbTaskStore`). */
const WRITE_IDS = 'write_ids';
/**
 * How many puts an item names in `write_ids`. A put whose answer was lost is read back at once:
 * another writer builds on it only after reading it, one put per read, far fewer than this in the
 * SDK's few seconds of retries.
 */
const MAX_WRITE_IDS = 8;

/** `status` and `version` are DynamoDB reserved words, so expressions name them through placeholders. */
const NAMES = {
  '#id': TASKS_TABLE_KEY,
  '#version': 'version',
  '#repo': 'repo',
  '#status': 'status',
  '#parked': 'parked_count',
} as const;

/**
 * Task records in `ImplementationTasks` (DESIGN §11). A put is conditional on the version read
 * (`attribute_not_exists` for a new task), so two writers never overwrite each other silently:
 * the loser gets `TaskVersionConflictError`. Each put carries a fresh `write_id`: the SDK retries
 * a put whose answer was lost (a reset connection, a timeout, a 500) although DynamoDB applied it,
 * and the retry then fails its own condition, or the SDK gives up on the answer
 * (`isWriteOutcomeUnknown`); either is read back (strongly consistent) and a stored `write_id`
 * of this put means it landed, so the writer is not sent to
 * re-apply its change on top of itself (counted twice) or to spend its conflict retries on it.
 * Another writer may have built on the put before the read-back: each item also names the puts
 * it descends from (`write_ids`, the last `MAX_WRITE_IDS`; a put carries on the ids of the item
 * this store last read or wrote at the version it expects), so a put found among them landed.
 * Reads are strongly consistent; the status index is eventually consistent, as every DynamoDB
 * global secondary index is. `write_id` is the store's own; the record read back does not have it.
 * So is `parked_count` (`countParked`: an `ADD`, outside the version check): a put writes the
 * count this store read at the version it expects, on condition that it is still the stored one,
 * so a count added since fails the put as a conflict (the writer reads again and sees it), and no
 * put ever drops or lowers it.
 */
export function createDynamoDbTaskStore(params: {
  client: Pick<DynamoDBDocumentClient, 'send'>;
  tableName: string;
}): TaskStore {
  const { client, tableName } = params;
  const failure = (action: string, error: unknown) =>
    tableError({ action, tableName, definition: 'tasksTableDefinition', error });
  const parse = (item: unknown) => parseItem({ item, schema: taskRecordSchema, tableName });
  /** Per task, the puts the item this store last read or wrote descends from, and its version. */
  const lineage = new Map<string, { version: number; ids: readonly string[]; parked: number }>();
  const remember = (taskId: string, item: Record<string, unknown> | undefined): void => {
    const version = item?.['version'];
    const parked = item?.['parked_count'];
    if (typeof version === 'number')
      lineage.set(taskId, {
        version,
        ids: writeIdsOf(item),
        parked: typeof parked === 'number' ? parked : 0,
      });
    else lineage.delete(taskId);
  };
  /** Whether the item now stored is put `writeId`'s or descends from it (a put that landed, its answer lost). */
  const landed = async (taskId: string, writeId: string): Promise<boolean> => {
    try {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: { [TASKS_TABLE_KEY]: taskId }, ConsistentRead: true }),
      );
      return writeIdsOf(Item).includes(writeId);
    } catch (error) {
      throw failure(`read task ${taskId} back after a failed write`, error);
    }
  };

  return {
    async get(taskId) {
      try {
        const { Item } = await client.send(
          new GetCommand({ TableName: tableName, Key: { [TASKS_TABLE_KEY]: taskId }, ConsistentRead: true }),
        );
        remember(taskId, Item);
        return Item === undefined ? undefined : parse(Item);
      } catch (error) {
        throw failure(`read task ${taskId}`, error);
      }
    },

    async put(record, expectedVersion, options) {
      assertVersionMovesForward(record, expectedVersion, options);
      const known = lineage.get(record.task_id);
      const read = known?.version === expectedVersion ? known : undefined;
      // The count this store read at the version expected (0 when it read none): written back on
      // condition that it is still the stored one.
      const parked = read?.parked ?? 0;
      const condition =
        expectedVersion === 0
          ? {
              ConditionExpression: 'attribute_not_exists(#id)',
              ExpressionAttributeNames: { '#id': NAMES['#id'] },
            }
          : {
              ConditionExpression:
                parked === 0
                  ? '#version = :expected AND attribute_not_exists(#parked)'
                  : '#version = :expected AND #parked = :parked',
              ExpressionAttributeNames: { '#version': NAMES['#version'], '#parked': NAMES['#parked'] },
              ExpressionAttributeValues: {
                ':expected': expectedVersion,
                ...(parked === 0 ? {} : { ':parked': parked }),
              },
            };
      const writeId = randomUUID();
      const ids = [...(read?.ids ?? []), writeId].slice(-MAX_WRITE_IDS);
      const { parked_count: _read, ...rest } = record;
      const item = {
        ...rest,
        ...(parked === 0 ? {} : { parked_count: parked }),
        [WRITE_ID]: writeId,
        [WRITE_IDS]: ids,
      };
      try {
        await client.send(new PutCommand({ TableName: tableName, Item: item, ...condition }));
        remember(record.task_id, item);
      } catch (error) {
        const conflict = isConditionalCheckFailure(error);
        if (!conflict && !isWriteOutcomeUnknown(error)) throw failure(`write task ${record.task_id}`, error);
        if (await landed(record.task_id, writeId)) {
          remember(record.task_id, item);
          return;
        }
        // An answer that never came for a put that did not land: the write failed, it is no conflict.
        if (!conflict) throw failure(`write task ${record.task_id}`, error);
        throw new TaskVersionConflictError(record.task_id, expectedVersion);
      }
    },

    async countParked(taskId) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { [TASKS_TABLE_KEY]: taskId },
            UpdateExpression: 'ADD #parked :one',
            ConditionExpression: 'attribute_exists(#id)',
            ExpressionAttributeNames: { '#parked': NAMES['#parked'], '#id': NAMES['#id'] },
            ExpressionAttributeValues: { ':one': 1 },
          }),
        );
      } catch (error) {
        // No record: nothing of the task is parked, and an ADD must not make a record of a count alone.
        if (isConditionalCheckFailure(error)) return;
        throw failure(`count a parked step of task ${taskId}`, error);
      }
    },

    async listByStatus({ repo, status }) {
      try {
        const items = await queryAllItems(client, {
          TableName: tableName,
          IndexName: TASKS_BY_STATUS_INDEX,
          KeyConditionExpression: '#repo = :repo AND #status = :status',
          ExpressionAttributeNames: { '#repo': NAMES['#repo'], '#status': NAMES['#status'] },
          ExpressionAttributeValues: { ':repo': keyRepository(repo), ':status': status },
        });
        return items.map(parse);
      } catch (error) {
        throw failure(`list the ${status} tasks of ${repo}`, error);
      }
    },
  };
}

/** The puts an item names (`write_ids`, or only its `write_id` when written before the list was kept). */
function writeIdsOf(item: Record<string, unknown> | undefined): readonly string[] {
  const ids = item?.[WRITE_IDS];
  if (Array.isArray(ids)) return ids.filter((id): id is string => typeof id === 'string');
  const id = item?.[WRITE_ID];
  return typeof id === 'string' ? [id] : [];
}
