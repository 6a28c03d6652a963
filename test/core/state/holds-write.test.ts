import { holdsWrite } from '../../../src/core/state/holds-write.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';

const marker = (version: number, writes: string[]): TaskMarker => ({
  task_id: 'acme/shop#7',
  state: 'merged',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-29T10:00:00.000Z',
  version,
  writes,
});
const ours = { id: 'ours', predecessor: 'p', version: 9 };
const others = (count: number) => Array.from({ length: count }, (_, index) => `o${index}`);

describe('holdsWrite', () => {
  it('holds a write whose id it names', () => {
    expect(holdsWrite(marker(10, ['p', 'ours', 'o0']), ours)).toBe(true);
  });

  it('lacks a write when it names the predecessor without it (a racer built on the same base)', () => {
    expect(holdsWrite(marker(9, ['p', 'racer']), ours)).toBe(false);
    expect(holdsWrite(marker(30, ['p', ...others(7)]), ours)).toBe(false);
  });

  it('lacks a write when its window is not full (it reaches back to the first write)', () => {
    expect(holdsWrite(marker(12, others(5)), ours)).toBe(false);
    expect(holdsWrite(marker(12, []), { id: 'ours', predecessor: undefined, version: 1 })).toBe(false);
  });

  it('holds a write later writes pushed out of a full window, at a later version', () => {
    expect(holdsWrite(marker(17, others(8)), ours)).toBe(true);
  });

  it('lacks a write when the full window has moved past it but the version has not', () => {
    expect(holdsWrite(marker(9, others(8)), ours)).toBe(false);
  });
});
