import { conflictBackoffMs } from '../../../src/pipeline/mirror/conflict-backoff.js';

describe('conflictBackoffMs', () => {
  it('doubles its ceiling with each retry, up to one second, and jitters below it', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((retry) => conflictBackoffMs(retry, top))).toEqual([
      19, 39, 79, 159, 319, 639, 999, 999,
    ]);
    expect(conflictBackoffMs(6, () => 0)).toBe(0);
    expect(conflictBackoffMs(3, () => 0.5)).toBe(40);
  });
});
