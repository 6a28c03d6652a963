import { iterationBound } from '../../../src/core/feedback/iteration-bound.js';

describe('iterationBound: review.max_iterations', () => {
  it('allows the next iteration below the bound', () => {
    expect(iterationBound({ done: 0, max: 3 })).toEqual({ allowed: true, iteration: 1 });
    expect(iterationBound({ done: 2, max: 3 })).toEqual({ allowed: true, iteration: 3 });
  });

  it('stops at the bound and asks a human', () => {
    const decision = iterationBound({ done: 3, max: 3 });
    expect(decision).toEqual({ allowed: false, message: expect.stringContaining('review.max_iterations') });
    expect(iterationBound({ done: 0, max: 0 }).allowed).toBe(false);
  });
});
