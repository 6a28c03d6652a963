// Review 13m: nobody who asked for a task or wrote its request is dropped to fit the marker.
import { requesterPastBound, requesterPatch } from '../../../src/pipeline/task/requester-patch.js';

const accounts = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => ({ login: `${prefix}-${index}`, id: 1000 + index }));

describe('requesterPastBound and requesterPatch', () => {
  it('fits ten others and ten editors, keeping them all', () => {
    const requester = {
      login: 'octo-writer',
      others: accounts(10, 'other'),
      editors: accounts(10, 'editor'),
    };
    expect(requesterPastBound(requester)).toBeUndefined();
    const { patch } = requesterPatch(requester);
    expect(patch.co_requesters).toHaveLength(10);
    expect(patch.request_editors).toHaveLength(10);
  });

  it('counts others once each and without the requester', () => {
    const others = [...accounts(10, 'other'), ...accounts(10, 'other'), { login: 'octo-writer' }];
    expect(requesterPastBound({ login: 'octo-writer', others })).toBeUndefined();
  });

  it('says so past either bound, and requesterPatch refuses rather than drop anyone', () => {
    const tooManyOthers = { login: 'octo-writer', others: accounts(11, 'other') };
    expect(requesterPastBound(tooManyOthers)).toBe(
      'more people asked for it or wrote it than a task records (10)',
    );
    expect(() => requesterPatch(tooManyOthers)).toThrow(RangeError);
    const tooManyEditors = { login: 'octo-writer', editors: accounts(11, 'editor') };
    expect(requesterPastBound(tooManyEditors)).toBe('more people edited it than a task records (10)');
    expect(() => requesterPatch(tooManyEditors)).toThrow(RangeError);
  });
});
