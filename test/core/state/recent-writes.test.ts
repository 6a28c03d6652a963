import { recentWritesAfter } from '../../../src/core/state/recent-writes.js';
import { MAX_RECENT_WRITES, RECENT_WRITE_MS } from '../../../src/core/state/state-marker.js';

const at = new Date('2026-11-29T10:00:00.000Z');
const seconds = at.getTime() / 1000;

describe('recentWritesAfter', () => {
  it('adds the write, newest last, stamped in epoch seconds', () => {
    expect(recentWritesAfter(undefined, 'aaaaaaaa', at)).toEqual([{ id: 'aaaaaaaa', at: seconds }]);
  });

  it('drops writes older than RECENT_WRITE_MS and keeps those within it', () => {
    const horizon = RECENT_WRITE_MS / 1000;
    const earlier = [
      { id: '00000001', at: seconds - horizon - 1 },
      { id: '00000002', at: seconds - horizon },
      { id: '00000003', at: seconds + 60 },
    ];
    expect(recentWritesAfter(earlier, 'aaaaaaaa', at).map((write) => write.id)).toEqual([
      '00000002',
      '00000003',
      'aaaaaaaa',
    ]);
  });

  it('keeps at most MAX_RECENT_WRITES, newest kept', () => {
    const earlier = Array.from({ length: MAX_RECENT_WRITES + 5 }, (_, index) => ({
      id: index.toString(16).padStart(8, '0'),
      at: seconds,
    }));
    const kept = recentWritesAfter(earlier, 'aaaaaaaa', at);
    expect(kept).toHaveLength(MAX_RECENT_WRITES);
    expect(kept.at(-1)?.id).toBe('aaaaaaaa');
    expect(kept[0]?.id).toBe((6).toString(16).padStart(8, '0'));
  });
});
