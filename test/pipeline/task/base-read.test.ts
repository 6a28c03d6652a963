import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import type { StatusCommentRef } from '../../../src/github/status-comment.js';
import { baseRead } from '../../../src/pipeline/task/base-read.js';

const base: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-30T10:00:00.000Z',
  version: 6,
  writes: ['0000000a', '0000000b'],
};
const seen = (marker: TaskMarker, trust: StatusCommentRef['trust'] = 'trusted'): StatusCommentRef => ({
  commentId: 900,
  marker,
  trust,
  reason: 'is signed',
  body: '',
});

describe('baseRead: the status comment read just before a write, against the base the board builds on', () => {
  it('a 304, a marker gone, a display-only marker or the same write are the base still', () => {
    expect(baseRead('unchanged', base)).toBe('current');
    expect(baseRead(undefined, base)).toBe('current');
    expect(baseRead(seen({ ...base, version: 9 }, 'display-only'), base)).toBe('current');
    expect(baseRead(seen({ ...base }), base)).toBe('current');
  });

  it("another run's write on this base has moved it", () => {
    const theirs = { ...base, version: 7, state: 'approved' as const, writes: [...base.writes!, '0000000c'] };
    expect(baseRead(seen(theirs), base)).toBe('moved');
  });

  it('an older state of this line written back over the live one is earlier, not a move', () => {
    const replayed = { ...base, version: 5, writes: ['0000000a'] };
    expect(baseRead(seen(replayed), base)).toBe('earlier');
  });
});
