import { isEarlierState } from '../../../src/core/state/is-earlier-state.js';
import { MAX_MARKER_WRITES, type TaskMarker } from '../../../src/core/state/state-marker.js';

const at = '2026-11-29T08:00:00.000Z';
/** The id of this line's n-th write. */
const w = (n: number) => n.toString(16).padStart(8, '0');
/** The marker this line wrote with its n-th write: version n, the last ids up to it. */
const written = (n: number, state: TaskMarker['state'] = 'pr_open'): TaskMarker => ({
  task_id: 'acme/shop#7',
  state,
  attempt: 1,
  cost_usd: 0,
  updated_at: at,
  created_at: at,
  version: n,
  writes: Array.from({ length: Math.min(n, MAX_MARKER_WRITES) }, (_, i) =>
    w(n - Math.min(n, MAX_MARKER_WRITES) + 1 + i),
  ),
});
/** Another run's write on this line's n-th state: a new id after that state's ids. */
const racer = (n: number): TaskMarker => ({
  ...written(n),
  version: n + 1,
  writes: [...(written(n).writes ?? []), 'fffffff0'].slice(-MAX_MARKER_WRITES),
});

describe('isEarlierState: a replayed marker however old, a racer only from a state this line keeps', () => {
  const live = written(20, 'merged');

  it.each([1, 2, 5, 9, 10, 11, 12])(
    'FAULT (past the window): this line’s write %i written back is earlier',
    (n) => {
      expect(isEarlierState(written(n), live)).toBe(true);
    },
  );

  it.each([13, 16, 19])('this line’s write %i (still among its ids) written back is earlier', (n) => {
    expect(isEarlierState(written(n), live)).toBe(true);
  });

  it('a marker with no write ids at a lower version is earlier', () => {
    const { writes: _writes, ...bare } = written(3);
    expect(isEarlierState(bare, live)).toBe(true);
  });

  it.each([13, 14, 17, 18])(
    'a racer branching from state %i (its base still among this line’s ids) is not earlier',
    (n) => {
      expect(isEarlierState(racer(n), live)).toBe(false);
    },
  );

  it('FAULT: a racer’s marker from a base this line left 9+ writes ago is a replay of it, refused', () => {
    expect(isEarlierState(racer(4), live)).toBe(true);
    expect(isEarlierState(racer(11), live)).toBe(true);
  });

  it('a first write on a base without ids is a racer’s while this line’s ids reach back to that base', () => {
    const first: TaskMarker = { ...written(0), version: 1, writes: ['fffffff0'] };
    expect(isEarlierState(first, written(3))).toBe(false);
    expect(isEarlierState(first, live)).toBe(true);
  });

  it('an equal or higher version is never earlier, and nothing is earlier than no base', () => {
    expect(isEarlierState(written(20), live)).toBe(false);
    expect(isEarlierState(written(25), live)).toBe(false);
    expect(isEarlierState(written(3), undefined)).toBe(false);
  });
});
