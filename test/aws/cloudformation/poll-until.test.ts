import { pollUntil } from '../../../src/aws/cloudformation/poll-until.js';
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
});
