import { holdsWrite, withLaterWrites } from '../../../src/core/state/holds-write.js';
import { MAX_MARKER_WRITES, type TaskMarker } from '../../../src/core/state/state-marker.js';

const marker = (version: number, writes: string[]): TaskMarker => ({
  task_id: 'acme/shop#7',
  state: 'merged',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-29T10:00:00.000Z',
  version,
  writes,
});
const ours = { id: 'ours' };
/** The window after `count` writes on top of `base`, as the board keeps it. */
const window = (base: string[], count: number, prefix: string) =>
  [...base, ...Array.from({ length: count }, (_, index) => `${prefix}${index}`)].slice(-MAX_MARKER_WRITES);
const before = ['b0', 'b1', 'b2', 'p'];

describe('holdsWrite', () => {
  it('holds a write whose id it names', () => {
    expect(holdsWrite(marker(10, ['p', 'ours', 'o0']), ours)).toBe(true);
  });

  it('lacks a write when it names the predecessor without it (a racer built on the same base)', () => {
    expect(holdsWrite(marker(9, ['p', 'racer']), ours)).toBe(false);
  });

  it('lacks a write when its window is not full and does not name it', () => {
    expect(holdsWrite(marker(12, window([], 5, 'o')), ours)).toBe(false);
    expect(holdsWrite(marker(12, []), ours)).toBe(false);
  });

  // A racer replaced our write (same base, same version) and wrote on: its window is full, its
  // version higher, exactly like a line built on ours; nothing in it proves it descends from ours.
  it.each([7, 8, 20])('lacks a write a racer replaced and then wrote %i times on top of', (racing) => {
    const racer = window(before, 1 + racing, 'r');
    expect(racer).not.toContain('p');
    expect(holdsWrite(marker(9 + racing, racer), ours)).toBe(false);
  });

  it('holds a write while its id is in the window of the writes built on it', () => {
    const built = window([...before, 'ours'], MAX_MARKER_WRITES - 1, 'd');
    expect(holdsWrite(marker(16, built), ours)).toBe(true);
  });

  it('holds a write pushed out of the window when the window names a write proven built on it', () => {
    const firstRead = marker(11, window([...before, 'ours'], 2, 'd'));
    const known = withLaterWrites(ours, firstRead);
    expect(known.later).toEqual(['d0', 'd1']);
    const later = marker(30, window([...before, 'ours', 'd0', 'd1'], 7, 'e'));
    expect(later.writes).not.toContain('ours');
    expect(holdsWrite(later, ours)).toBe(false);
    expect(holdsWrite(later, known)).toBe(true);
  });

  it('learns nothing from a marker that does not hold the write', () => {
    expect(withLaterWrites(ours, marker(12, ['p', 'racer', 'r1']))).toBe(ours);
  });
});

describe('holdsWrite with the line of recent writes', () => {
  it('holds a write pushed out of the window that the recent line still names', () => {
    const built = marker(30, window([...before, 'ours'], 20, 'd'));
    expect(holdsWrite(built, ours)).toBe(false);
    expect(holdsWrite({ ...built, recent_writes: [{ id: 'ours', at: 1 }] }, ours)).toBe(true);
  });
});
