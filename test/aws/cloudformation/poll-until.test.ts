import { pollUntil } from '../../../src/aws/cloudformation/poll-until.js';
import { awsError } from './helpers/cloudformation-fixtures.js';
import { virtualClock } from './helpers/virtual-clock.js';

describe('pollUntil', () => {
  it('backs off exponentially up to the cap', async () => {
    const clock = virtualClock();
    let calls = 0;
    const outcome = await pollUntil({
      check: async () => (++calls === 6 ? 'done' : undefined),
      deadline: clock.now() + 600_000,
      backoff: { initialDelayMs: 1_000, maxDelayMs: 5_000 },
      ...clock,
    });
    expect(outcome).toEqual({ done: true, value: 'done' });
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('gives up at the deadline after one last check, never sleeping past it', async () => {
    const clock = virtualClock();
    let calls = 0;
    const outcome = await pollUntil({
      check: async () => {
        calls += 1;
        return undefined;
      },
      deadline: clock.now() + 10_000,
      backoff: { initialDelayMs: 3_000, maxDelayMs: 30_000 },
      ...clock,
    });
    expect(outcome).toEqual({ done: false });
    expect(clock.sleeps).toEqual([3_000, 6_000, 1_000]);
    expect(calls).toBe(4);
  });

  it('retries a throttled check with the same backoff instead of ending the poll', async () => {
    const clock = virtualClock();
    const seen: string[] = [];
    let calls = 0;
    const outcome = await pollUntil({
      check: async () => {
        calls += 1;
        if (calls <= 2) throw awsError('Throttling', 'Rate exceeded');
        return 'done';
      },
      deadline: clock.now() + 60_000,
      backoff: { initialDelayMs: 1_000, maxDelayMs: 5_000 },
      onTransientError: (error) => seen.push((error as Error).name),
      ...clock,
    });
    expect(outcome).toEqual({ done: true, value: 'done' });
    expect(seen).toEqual(['Throttling', 'Throttling']);
    expect(clock.sleeps).toEqual([1_000, 2_000]);
  });

  it('retries errors the caller names transient, such as an object that is not visible yet', async () => {
    const clock = virtualClock();
    let calls = 0;
    const outcome = await pollUntil({
      check: async () => {
        calls += 1;
        if (calls === 1) throw awsError('ChangeSetNotFoundException', 'ChangeSet [x] does not exist');
        return 'done';
      },
      isTransient: (error) => (error as Error).name === 'ChangeSetNotFoundException',
      deadline: clock.now() + 60_000,
      backoff: { initialDelayMs: 1_000, maxDelayMs: 5_000 },
      ...clock,
    });
    expect(outcome).toEqual({ done: true, value: 'done' });
  });

  it('ends at the deadline with the last transient error when throttling never stops', async () => {
    const clock = virtualClock();
    const throttled = awsError('ThrottlingException', 'Rate exceeded');
    const outcome = await pollUntil({
      check: async () => {
        throw throttled;
      },
      deadline: clock.now() + 10_000,
      backoff: { initialDelayMs: 3_000, maxDelayMs: 30_000 },
      ...clock,
    });
    expect(outcome).toEqual({ done: false, lastError: throttled });
    expect(clock.sleeps).toEqual([3_000, 6_000, 1_000]);
  });

  it('lets any other error end the poll at once', async () => {
    const clock = virtualClock();
    const denied = awsError('AccessDenied', 'not authorized to perform: cloudformation:DescribeStacks');
    await expect(
      pollUntil({
        check: async () => {
          throw denied;
        },
        deadline: clock.now() + 60_000,
        backoff: { initialDelayMs: 1_000, maxDelayMs: 5_000 },
        ...clock,
      }),
    ).rejects.toBe(denied);
    expect(clock.sleeps).toEqual([]);
  });

  it('treats a 5xx and a dropped connection as transient, like the SDK does', async () => {
    const clock = virtualClock();
    const serverError = Object.assign(awsError('InternalFailure', 'oops'), {
      $metadata: { httpStatusCode: 503 },
    });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const errors = [serverError, reset];
    const outcome = await pollUntil({
      check: async () => {
        const next = errors.shift();
        if (next) throw next;
        return 'done';
      },
      deadline: clock.now() + 60_000,
      backoff: { initialDelayMs: 1_000, maxDelayMs: 5_000 },
      ...clock,
    });
    expect(outcome).toEqual({ done: true, value: 'done' });
  });
});
