/**
 * Review 10g: a deploy lock take that DynamoDB applied, whose answer never came back (the SDK's
 * retries ran out: a timeout, a reset connection), played against dynalite.
 *
 * It used to be thrown as "could not take the lock", so `withDeployLock` never ran the deploy and
 * never released: the lock it did take stayed in the table under a token nobody held, and every
 * deploy to the environment was refused until the TTL or a person's `/unlock`. Now the take reads
 * the lock back: its own token means it holds it; another's is a refusal as usual; nothing means
 * it did not land; a read that fails too ends in removing its own lock by token, then the error.
 *
 * review10f-lost-answer-lock covers a lost answer the SDK's own retry met (a failed condition).
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AcquireDeployLockParams } from '../../../src/core/stores/deploy-lock-store.js';
import {
  createDynamoDbDeployLockStore,
  type DocumentClientApi,
} from '../../../src/aws/dynamodb/dynamodb-deploy-lock-store.js';
import { withDeployLock } from '../../../src/aws/dynamodb/with-deploy-lock.js';
import { useDynaliteLockTable } from '../../aws/dynamodb/helpers/dynalite-server.js';

const table = useDynaliteLockTable();

/** What the SDK throws once its retries ran out without an answer: no HTTP status. */
const gaveUp = () =>
  Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: { attempts: 3 } });

/**
 * A client on the table whose first `kind` command is applied (`landed`) or not, then answered
 * with `error`; `failing` commands always fail that way; every command sent is counted in `sent`.
 */
function faultyClient(params: {
  kind: new (...args: never[]) => object;
  landed: boolean;
  error?: () => Error;
  failing?: ReadonlyArray<new (...args: never[]) => object>;
}): DocumentClientApi & { sent: string[] } {
  const error = params.error ?? gaveUp;
  let armed = true;
  const sent: string[] = [];
  const send = async (command: object) => {
    sent.push(command.constructor.name);
    const real = table.client.send.bind(table.client) as (command: object) => Promise<unknown>;
    if (params.failing?.some((kind) => command instanceof kind)) throw error();
    if (!armed || !(command instanceof params.kind)) return real(command);
    armed = false;
    if (params.landed) await real(command);
    throw error();
  };
  return { send, sent } as DocumentClientApi & { sent: string[] }; // send is overloaded in the SDK; one implementation covers the calls made here.
}

const request: AcquireDeployLockParams = {
  repository: 'octo-org/orders-api',
  environment: 'production',
  holder: 'alice',
  ref: 'main',
  sha: 'abc1234def5678abc1234def5678abc1234def56',
};

const storeOn = (client: DocumentClientApi) =>
  createDynamoDbDeployLockStore({ client, tableName: table.tableName });

describe('review10g: a lock take whose answer the SDK gave up on', () => {
  it('a take that landed is held: the deploy runs and releases it', async () => {
    const store = storeOn(faultyClient({ kind: PutCommand, landed: true }));
    let ran = false;
    const outcome = await withDeployLock({ ...request, store }, async (lock) => {
      ran = true;
      expect((await store.current(request))?.token).toBe(lock.token);
    });
    expect(ran).toBe(true);
    expect(outcome).toEqual({ ran: true, value: undefined });
    expect(await store.current(request)).toBeUndefined();
  });

  it('a take that did not land while another run holds the lock is refused, naming that run', async () => {
    const bobs = await storeOn(table.client).acquire({ ...request, holder: 'bob' });
    const store = storeOn(faultyClient({ kind: PutCommand, landed: false }));
    const taken = await store.acquire(request);
    expect(taken).toMatchObject({ acquired: false, heldBy: { holder: 'bob' } });
    expect(bobs.acquired && (await store.current(request))?.token).toBe(bobs.acquired && bobs.lock.token);
  });

  it('a take that did not land on a free lock reports it could not take it, and leaves nothing', async () => {
    const store = storeOn(faultyClient({ kind: PutCommand, landed: false }));
    await expect(store.acquire(request)).rejects.toThrow(/Could not take the deploy lock.*socket hang up/);
    expect(await storeOn(table.client).current(request)).toBeUndefined();
  });

  it('a take that landed but cannot be read back removes its own lock by token, then reports', async () => {
    const client = faultyClient({ kind: PutCommand, landed: true, failing: [GetCommand] });
    let ran = false;
    const outcome = await withDeployLock({ ...request, store: storeOn(client) }, async () => {
      ran = true;
    }).catch((error: unknown) => error);
    expect(ran).toBe(false);
    expect(String(outcome)).toMatch(/Could not take the deploy lock.*Whether it was applied is unknown/);
    expect(client.sent).toEqual(['PutCommand', 'GetCommand', 'DeleteCommand']);
    expect(await storeOn(table.client).current(request)).toBeUndefined();
  });

  it('the removal by token never touches another run’s lock', async () => {
    const bobs = await storeOn(table.client).acquire({ ...request, holder: 'bob' });
    const client = faultyClient({ kind: PutCommand, landed: false, failing: [GetCommand] });
    await expect(storeOn(client).acquire(request)).rejects.toThrow(/Could not take the deploy lock/);
    expect(bobs.acquired && (await storeOn(table.client).current(request))?.token).toBe(
      bobs.acquired && bobs.lock.token,
    );
  });

  it('a take DynamoDB refused with an answer (4xx) changed nothing: reported without a read back', async () => {
    const denied = () =>
      Object.assign(new Error('not authorized to perform: dynamodb:PutItem'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      });
    const client = faultyClient({ kind: PutCommand, landed: false, error: denied });
    await expect(storeOn(client).acquire(request)).rejects.toThrow(/Could not take the deploy lock/);
    expect(client.sent).toEqual(['PutCommand']);
  });
});

describe('review10g: a release or heartbeat whose answer the SDK gave up on', () => {
  it('a release that landed is released', async () => {
    const taken = await storeOn(table.client).acquire(request);
    if (!taken.acquired) throw new Error('expected the lock to be taken');
    const store = storeOn(faultyClient({ kind: DeleteCommand, landed: true }));
    expect(await store.release({ ...request, token: taken.lock.token })).toBe('released');
  });

  it('a release that did not land is an error: the lock is still ours', async () => {
    const taken = await storeOn(table.client).acquire(request);
    if (!taken.acquired) throw new Error('expected the lock to be taken');
    const store = storeOn(faultyClient({ kind: DeleteCommand, landed: false }));
    await expect(store.release({ ...request, token: taken.lock.token })).rejects.toThrow(
      /Could not release the deploy lock/,
    );
    expect((await store.current(request))?.token).toBe(taken.lock.token);
  });

  it('a heartbeat that landed is extended; one that did not land is an error', async () => {
    const taken = await storeOn(table.client).acquire(request);
    if (!taken.acquired) throw new Error('expected the lock to be taken');
    const landed = storeOn(faultyClient({ kind: UpdateCommand, landed: true }));
    const beat = await landed.heartbeat({ ...request, token: taken.lock.token, ttlSeconds: 7200 });
    expect(beat).toMatchObject({ extended: true, lock: { token: taken.lock.token } });
    const lost = storeOn(faultyClient({ kind: UpdateCommand, landed: false }));
    await expect(lost.heartbeat({ ...request, token: taken.lock.token, ttlSeconds: 14_400 })).rejects.toThrow(
      /Could not extend the deploy lock/,
    );
  });
});
