import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { describeAwsError } from '../cloudformation/describe-aws-error.js';
import { canonicalRepository } from '../../core/task/canonical-repository.js';
import type {
  AcquireDeployLockParams,
  DeployLock,
  DeployLockKey,
  DeployLockStore,
} from '../../core/stores/deploy-lock-store.js';
import { isWriteOutcomeUnknown } from './is-write-outcome-unknown.js';
import { LOCK_TABLE_PARTITION_KEY, LOCK_TABLE_TTL_ATTRIBUTE } from './lock-table-definition.js';

/** The one document-client method the store calls. */
export type DocumentClientApi = Pick<DynamoDBDocumentClient, 'send'>;

const DEFAULT_TTL_SECONDS = 3600;

/** Each retry means another deploy took and dropped the lock in between; more than a few is a bug. */
const ACQUIRE_ATTEMPTS = 3;

const NAMES = { '#id': LOCK_TABLE_PARTITION_KEY, '#expires': LOCK_TABLE_TTL_ATTRIBUTE, '#token': 'token' };

const lockItemSchema = z.object({
  [LOCK_TABLE_PARTITION_KEY]: z.string(),
  environment: z.string(),
  repository: z.string(),
  holder: z.string(),
  ref: z.string(),
  sha: z.string(),
  deployment_id: z.number().optional(),
  run_url: z.string().optional(),
  acquired_at: z.string(),
  [LOCK_TABLE_TTL_ATTRIBUTE]: z.number(),
  token: z.string(),
});

/**
 * Deploy locks in DynamoDB. Taking a lock is one conditional put that succeeds when no lock exists
 * or the existing one has expired, so an orphaned lock is taken over atomically; DynamoDB's TTL
 * only tidies the table later. The SDK retries a write whose answer was lost (a reset connection,
 * a timeout, a 500) although DynamoDB applied it, and the retry then fails its own condition: a
 * take that finds its own token holding the lock took it, and a release that finds no lock left
 * released it (the token is random per take, so no other run's write carries it). When the SDK
 * gives up on the answer instead (its retries ran out: `isWriteOutcomeUnknown`), the write is read
 * back the same way: a take whose token holds the lock took it, and one that cannot learn so
 * removes its own lock by token (best effort) before it reports that it could not take it, so no
 * lock is left under a token nobody holds.
 */
export function createDynamoDbDeployLockStore(params: {
  client: DocumentClientApi;
  tableName: string;
  /** Epoch milliseconds. */
  now?: () => number;
  ttlSeconds?: number;
  newToken?: () => string;
}): DeployLockStore {
  const { client, tableName } = params;
  const now = params.now ?? Date.now;
  const newToken = params.newToken ?? randomUUID;
  const defaultTtlSeconds = params.ttlSeconds ?? DEFAULT_TTL_SECONDS;

  const keyOf = (key: DeployLockKey) => ({ [LOCK_TABLE_PARTITION_KEY]: lockId(key) });
  const parse = (item: unknown) => lockFromItem({ item, tableName });
  const failure = (action: string, key: DeployLockKey, error: unknown) =>
    storeError({ action, key, tableName, error });

  async function current(key: DeployLockKey): Promise<DeployLock | undefined> {
    const lock = await stored(key);
    return lock === undefined || isExpired(lock, now()) ? undefined : lock;
  }

  /** The lock item in the place, expired or not (`current` hides an expired one). */
  async function stored(key: DeployLockKey): Promise<DeployLock | undefined> {
    try {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: keyOf(key), ConsistentRead: true }),
      );
      return Item === undefined ? undefined : parse(Item);
    } catch (error) {
      throw failure('read', key, error);
    }
  }

  /**
   * The lock in the place after a write that failed: its condition (the item DynamoDB returned
   * with the failure, else a read), or its answer (`isWriteOutcomeUnknown`: a strongly consistent
   * read, as the write may have landed). Any other error changed nothing and is thrown as the
   * failure to `action`; so is a read that fails, naming both errors.
   */
  async function lockAfterFailedWrite(attempt: {
    error: unknown;
    key: DeployLockKey;
    action: string;
  }): Promise<DeployLock | undefined> {
    const { error, key, action } = attempt;
    if (isConditionalCheckFailure(error)) return holderReturnedWith(error, parse) ?? (await stored(key));
    if (!isWriteOutcomeUnknown(error)) throw failure(action, key, error);
    try {
      return await stored(key);
    } catch (readError) {
      // The write's error leads the message; the read's, which says why nothing more is known, is the cause.
      const written = failure(action, key, error);
      throw new Error(`${written.message} Whether it was applied is unknown: ${errorText(readError)}`, {
        cause: readError,
      });
    }
  }

  async function acquire(request: AcquireDeployLockParams) {
    const ttlSeconds = request.ttlSeconds ?? defaultTtlSeconds;
    for (let attempt = 1; attempt <= ACQUIRE_ATTEMPTS; attempt += 1) {
      const nowMs = now();
      const lock = newLock({ request, nowMs, ttlSeconds, token: newToken() });
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: itemFromLock(lock),
            ConditionExpression: 'attribute_not_exists(#id) OR #expires < :now',
            ExpressionAttributeNames: { '#id': NAMES['#id'], '#expires': NAMES['#expires'] },
            ExpressionAttributeValues: { ':now': epochSeconds(nowMs) },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { acquired: true as const, lock };
      } catch (error) {
        // A put whose answer never came may land late: giving up, it removes its own lock if there.
        const giveUp = async (reason: Error): Promise<never> => {
          if (isWriteOutcomeUnknown(error))
            await release({ ...request, token: lock.token }).catch(() => undefined);
          throw reason;
        };
        const found = await lockAfterFailedWrite({ error, key: request, action: 'take' }).catch(
          (reason: unknown) => giveUp(reason instanceof Error ? reason : new Error(String(reason))),
        );
        // Our own token: this put landed and its answer was lost (the SDK's retry met our lock, or gave up).
        if (found?.token === lock.token) return { acquired: true as const, lock: found };
        const heldBy = found === undefined || isExpired(found, now()) ? undefined : found;
        if (heldBy !== undefined) return { acquired: false as const, heldBy };
        // A put with no answer that left nothing: it did not land, and nothing says the next would.
        if (!isConditionalCheckFailure(error)) return giveUp(failure('take', request, error));
        // Released or expired between our write and our read: the next attempt can take it.
      }
    }
    throw new Error(
      `The deploy lock for ${request.environment} in ${request.repository} changed hands ${ACQUIRE_ATTEMPTS} times while this deploy tried to take it; try again.`,
    );
  }

  async function release(request: DeployLockKey & { token: string }): Promise<'released' | 'not-held'> {
    try {
      await client.send(
        new DeleteCommand({
          TableName: tableName,
          Key: keyOf(request),
          ConditionExpression: '#token = :token',
          ExpressionAttributeNames: { '#token': NAMES['#token'] },
          ExpressionAttributeValues: { ':token': request.token },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'released';
    } catch (error) {
      // No item at all: ours is gone, whether this delete landed and its answer was lost (the
      // SDK's retry then finds nothing) or the lock's TTL removed it; either way it is released.
      // Another lock (or an expired one not yet tidied) in the place: not ours to remove.
      const left = await lockAfterFailedWrite({ error, key: request, action: 'release' });
      if (left === undefined) return 'released';
      if (left.token !== request.token) return 'not-held';
      // Still ours (only a delete with no answer leaves it): it did not land.
      throw failure('release', request, error);
    }
  }

  async function heartbeat(request: DeployLockKey & { token: string; ttlSeconds?: number }) {
    const expiresAt = epochSeconds(now()) + (request.ttlSeconds ?? defaultTtlSeconds);
    try {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keyOf(request),
          UpdateExpression: 'SET #expires = :expires',
          ConditionExpression: '#token = :token',
          ExpressionAttributeNames: { '#expires': NAMES['#expires'], '#token': NAMES['#token'] },
          ExpressionAttributeValues: { ':expires': expiresAt, ':token': request.token },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { extended: true as const, lock: parse(Attributes) };
    } catch (error) {
      const left = await lockAfterFailedWrite({ error, key: request, action: 'extend' });
      if (left?.token !== request.token) return { extended: false as const };
      // Ours, with the expiry this update sets: it landed and its answer was lost.
      if (left.expiresAt >= expiresAt) return { extended: true as const, lock: left };
      throw failure('extend', request, error);
    }
  }

  return {
    acquire,
    current,
    release,
    heartbeat,

    async forceRelease(key) {
      try {
        const { Attributes } = await client.send(
          new DeleteCommand({ TableName: tableName, Key: keyOf(key), ReturnValues: 'ALL_OLD' }),
        );
        return Attributes === undefined ? undefined : parse(Attributes);
      } catch (error) {
        throw failure('remove', key, error);
      }
    },
  };
}

/** One lock per repository (in its one spelling, `canonicalRepository`) and environment. */
function lockId(key: DeployLockKey): string {
  return `${canonicalRepository(key.repository)}#${key.environment}`;
}

function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** Same rule as the acquire condition: a lock is void once its expiry second has passed. */
function isExpired(lock: DeployLock, nowMs: number): boolean {
  return lock.expiresAt < epochSeconds(nowMs);
}

function newLock(params: {
  request: AcquireDeployLockParams;
  nowMs: number;
  ttlSeconds: number;
  token: string;
}): DeployLock {
  const { request, nowMs, ttlSeconds, token } = params;
  return {
    environment: request.environment,
    repository: request.repository,
    holder: request.holder,
    ref: request.ref,
    sha: request.sha,
    ...(request.deploymentId === undefined ? {} : { deploymentId: request.deploymentId }),
    ...(request.runUrl === undefined ? {} : { runUrl: request.runUrl }),
    acquiredAt: new Date(nowMs).toISOString(),
    expiresAt: epochSeconds(nowMs) + ttlSeconds,
    token,
  };
}

function itemFromLock(lock: DeployLock): z.input<typeof lockItemSchema> {
  return {
    [LOCK_TABLE_PARTITION_KEY]: lockId(lock),
    environment: lock.environment,
    repository: lock.repository,
    holder: lock.holder,
    ref: lock.ref,
    sha: lock.sha,
    ...(lock.deploymentId === undefined ? {} : { deployment_id: lock.deploymentId }),
    ...(lock.runUrl === undefined ? {} : { run_url: lock.runUrl }),
    acquired_at: lock.acquiredAt,
    [LOCK_TABLE_TTL_ATTRIBUTE]: lock.expiresAt,
    token: lock.token,
  };
}

function lockFromItem(params: { item: unknown; tableName: string }): DeployLock {
  const parsed = lockItemSchema.safeParse(params.item);
  if (!parsed.success) {
    throw new Error(
      `A deploy lock item in table ${params.tableName} is not in the expected shape (was it written by something else?):\n${z.prettifyError(parsed.error)}`,
    );
  }
  const item = parsed.data;
  return {
    environment: item.environment,
    repository: item.repository,
    holder: item.holder,
    ref: item.ref,
    sha: item.sha,
    ...(item.deployment_id === undefined ? {} : { deploymentId: item.deployment_id }),
    ...(item.run_url === undefined ? {} : { runUrl: item.run_url }),
    acquiredAt: item.acquired_at,
    expiresAt: item[LOCK_TABLE_TTL_ATTRIBUTE],
    token: item.token,
  };
}

function isConditionalCheckFailure(
  error: unknown,
): error is Error & { Item?: Record<string, AttributeValue> } {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * DynamoDB returns the blocking item with the failure (ReturnValuesOnConditionCheckFailure), which
 * saves a read and cannot race with a release; the document client leaves it in wire format, and
 * local stand-ins such as dynalite leave it out, so the caller falls back to a read.
 */
function holderReturnedWith(
  error: { Item?: Record<string, AttributeValue> },
  parse: (item: unknown) => DeployLock,
): DeployLock | undefined {
  if (error.Item === undefined) return undefined;
  // The lock item holds only strings and numbers.
  const plain = Object.fromEntries(
    Object.entries(error.Item).map(([name, value]) => [
      name,
      value.N === undefined ? value.S : Number(value.N),
    ]),
  );
  return parse(plain);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function storeError(params: {
  action: string;
  key: DeployLockKey;
  tableName: string;
  error: unknown;
}): Error {
  const { action, key, tableName, error } = params;
  const { name, message, advice } = describeAwsError(error);
  const fix =
    name === 'ResourceNotFoundException'
      ? `Create the table (see lockTableDefinition) or correct the configured lock table name.`
      : advice;
  return new Error(
    `Could not ${action} the deploy lock for ${key.environment} in ${key.repository} (table ${tableName}): ${message}${fix === undefined ? '' : ` ${fix}`}`,
    { cause: error },
  );
}
