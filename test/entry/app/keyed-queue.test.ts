import { createKeyedQueue } from '../../../src/entry/app/keyed-queue.js';

/** A promise the test settles by hand, so ordering is decided by the test and not by timers. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every already-queued promise reaction run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A job that logs its start and end and finishes only when the test says so. */
function trackedJob(log: string[], name: string) {
  const gate = deferred();
  const job = async () => {
    log.push(`start ${name}`);
    try {
      await gate.promise;
    } finally {
      log.push(`end ${name}`);
    }
  };
  return { job, finish: gate.resolve, fail: gate.reject };
}

const noErrors = (error: unknown, key: string) => {
  throw new Error(`unexpected error for ${key}: ${String(error)}`);
};

describe('createKeyedQueue', () => {
  it('runs jobs of one key in push order, each only after the previous one ended', async () => {
    const log: string[] = [];
    const queue = createKeyedQueue(noErrors);
    const first = trackedJob(log, 'a1');
    const second = trackedJob(log, 'a2');
    const third = trackedJob(log, 'a3');
    queue.push('acme/shop#7', first.job);
    queue.push('acme/shop#7', second.job);
    queue.push('acme/shop#7', third.job);

    await settle();
    expect(log).toEqual(['start a1']);
    // Finishing a later job first must not let it run early.
    third.finish();
    second.finish();
    await settle();
    expect(log).toEqual(['start a1']);

    first.finish();
    await queue.idle();
    expect(log).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
  });

  it('runs jobs of different keys side by side', async () => {
    const log: string[] = [];
    const queue = createKeyedQueue(noErrors);
    const issueSeven = trackedJob(log, '#7');
    const issueEight = trackedJob(log, '#8');
    queue.push('acme/shop#7', issueSeven.job);
    queue.push('acme/shop#8', issueEight.job);

    await settle();
    expect(log).toEqual(['start #7', 'start #8']);
    issueEight.finish();
    await settle();
    expect(log).toEqual(['start #7', 'start #8', 'end #8']);
    issueSeven.finish();
    await queue.idle();
    expect(log).toEqual(['start #7', 'start #8', 'end #8', 'end #7']);
  });

  it('reports a failed job with its key and still runs the next job of that key', async () => {
    const log: string[] = [];
    const errors: Array<{ error: unknown; key: string }> = [];
    const queue = createKeyedQueue((error, key) => errors.push({ error, key }));
    const failing = trackedJob(log, 'bad');
    const next = trackedJob(log, 'next');
    queue.push('acme/shop#7', failing.job);
    queue.push('acme/shop#7', next.job);

    const boom = new Error('GitHub answered 502');
    failing.fail(boom);
    await settle();
    expect(errors).toEqual([{ error: boom, key: 'acme/shop#7' }]);
    expect(log).toEqual(['start bad', 'end bad', 'start next']);

    next.finish();
    await queue.idle();
    expect(log).toEqual(['start bad', 'end bad', 'start next', 'end next']);
    expect(errors).toHaveLength(1);
  });

  it('reports a job that throws synchronously instead of losing it', async () => {
    const errors: Array<{ error: unknown; key: string }> = [];
    const queue = createKeyedQueue((error, key) => errors.push({ error, key }));
    const boom = new Error('thrown before any await');
    queue.push('k', () => {
      throw boom;
    });
    let ran = false;
    queue.push('k', async () => {
      ran = true;
    });
    await queue.idle();
    expect(errors).toEqual([{ error: boom, key: 'k' }]);
    expect(ran).toBe(true);
  });

  it('keeps running the key when the error reporter itself throws', async () => {
    const ran: string[] = [];
    const queue = createKeyedQueue(() => {
      throw new Error('logger down');
    });

    queue.push('acme/shop#1', async () => {
      throw new Error('job failed');
    });
    queue.push('acme/shop#1', async () => {
      ran.push('second');
    });

    await expect(queue.idle()).resolves.toBeUndefined();
    expect(ran).toEqual(['second']);
  });

  it('resolves idle at once when nothing was pushed', async () => {
    await expect(createKeyedQueue(noErrors).idle()).resolves.toBeUndefined();
  });

  it('waits in idle for jobs pushed while it was already waiting', async () => {
    const log: string[] = [];
    const queue = createKeyedQueue(noErrors);
    const first = trackedJob(log, 'first');
    const later = trackedJob(log, 'later');
    queue.push('a', first.job);

    let idle = false;
    const waiting = queue.idle().then(() => {
      idle = true;
    });
    // A job of another key pushed while the first drains, as a webhook arriving mid-work would be.
    queue.push('b', later.job);
    first.finish();
    await settle();
    expect(idle).toBe(false);

    later.finish();
    await waiting;
    expect(idle).toBe(true);
    expect(log).toEqual(['start first', 'start later', 'end first', 'end later']);
  });

  it('waits in idle for a job a running job pushes onto its own key', async () => {
    const log: string[] = [];
    const queue = createKeyedQueue(noErrors);
    const followUp = trackedJob(log, 'follow-up');
    queue.push('a', async () => {
      log.push('parent');
      queue.push('a', followUp.job);
    });
    const waiting = queue.idle();
    await settle();
    expect(log).toEqual(['parent', 'start follow-up']);
    let idle = false;
    void waiting.then(() => {
      idle = true;
    });
    await settle();
    expect(idle).toBe(false);
    followUp.finish();
    await waiting;
    expect(log).toEqual(['parent', 'start follow-up', 'end follow-up']);
  });
});
