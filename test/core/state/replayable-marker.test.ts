import { replayableMarker } from '../../../src/core/state/replayable-marker.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';

const at = '2026-11-24T10:00:00.000Z';
const marker: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'generating',
  attempt: 1,
  cost_usd: 0,
  updated_at: at,
  version: 3,
  writes: ['0a1b2c3d'],
  unmirrored: [
    { type: 'attempt_started', task_id: 'Acme/Shop#7', at, attempt: 1, sequence: 2 },
    { type: 'attempt_started', task_id: 'victim/bank#1', at, attempt: 1, sequence: 3 },
  ],
  unsent: [
    {
      detailType: 'Task Received',
      detail: {
        version: 1,
        task_id: 'victim/bank#1',
        repo: 'victim/bank',
        sequence: 1,
        at,
        status: 'received',
      },
    },
  ],
  unsent_artifacts: { attempt: 1, paths: ['prompt.json'] },
};

describe('replayableMarker: what a continued status marker may replay', () => {
  it("of a trusted marker, only this task's events (the old case of a renamed repository too, under this task id)", () => {
    const { marker: kept, setAside } = replayableMarker({ marker, trust: 'trusted', taskId: 'acme/shop#7' });
    expect(kept.unmirrored).toEqual([
      { type: 'attempt_started', task_id: 'acme/shop#7', at, attempt: 1, sequence: 2 },
    ]);
    expect(kept.unsent).toBeUndefined();
    expect(kept.unsent_artifacts).toEqual(marker.unsent_artifacts);
    expect(kept.writes).toEqual(marker.writes);
    expect(setAside).toBe(
      "⚠️ The status comment's marker carried 1 task event(s) for the results table, 1 lifecycle event(s) for the event bus that were not sent: they name another task than acme/shop#7.",
    );
  });

  it('of a display-only marker, nothing: no events, no artifacts to re-send', () => {
    const { marker: kept, setAside } = replayableMarker({
      marker,
      trust: 'display-only',
      taskId: 'acme/shop#7',
    });
    expect(kept).toEqual({
      task_id: 'acme/shop#7',
      state: 'generating',
      attempt: 1,
      cost_usd: 0,
      updated_at: at,
      version: 3,
      writes: ['0a1b2c3d'],
    });
    expect(setAside).toContain(
      '2 task event(s) for the results table, 1 lifecycle event(s) for the event bus',
    );
    expect(setAside).toContain("the list of attempt 1's unsent artifacts");
  });

  it('says nothing when nothing is left out', () => {
    const own = { ...marker, unmirrored: marker.unmirrored!.slice(0, 1), unsent: undefined };
    expect(
      replayableMarker({ marker: own, trust: 'trusted', taskId: 'acme/shop#7' }).setAside,
    ).toBeUndefined();
  });
});
