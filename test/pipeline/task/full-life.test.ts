import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventStep } from '../../../src/core/task/event-sort-key.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import { recordFromMarker } from '../../../src/core/task/record-from-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { FULL_LIFE_LIFECYCLE, FULL_LIFE_STEPS, runFullLife } from '../helpers/full-life-scenario.js';

describe('a whole life (issue → PR → approval → merge → deploy → rollback) in the local folder', () => {
  it('leaves the record the status comment shows, every step as an event, and each milestone on the bus', async () => {
    const stores = filesystemStores(await mkdtemp(path.join(tmpdir(), 'full-life-')));
    const published: LifecycleEvent[] = [];
    const publisher = {
      publish: async (events: readonly LifecycleEvent[]) => void published.push(...events),
    };

    const life = await runFullLife({
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      mirrors: { ...stores, publisher },
    });

    expect(life.warnings).toEqual([]);
    const taskId = 'acme/shop#7';
    const events = await stores.events.list(taskId);
    expect(events.map(eventStep)).toEqual([...FULL_LIFE_STEPS]);
    expect(events.map((event) => event.sequence)).toEqual(FULL_LIFE_STEPS.map((_, index) => index + 1));
    const record = await stores.tasks.get(taskId);
    expect(record).toMatchObject({
      status: 'merged',
      version: 13,
      pull_number: 12,
      cost_usd: 0.0546,
      environments: { staging: { status: 'rolled_back', deployment_id: 501, rolled_back_by: 502 } },
    });
    // The last outcome is the deploy run's, as that run's `result` output says.
    expect(record?.last_outcome).toMatchObject({
      status: 'deployed',
      reasonCode: 'deployed',
      deploymentId: 501,
    });
    // The comment shows the whole record, its last outcome included.
    expect(record).toEqual(recordFromMarker({ marker: life.marker, repo: 'acme/shop', issueNumber: 7 }));
    expect(life.body).toContain('↩️ rolled back · deployment 501');
    expect(published.map((event) => [event.detailType, event.detail.sequence])).toEqual(
      FULL_LIFE_LIFECYCLE.map(([type, sequence]) => [type, sequence]),
    );
    expect(life.marker.unsent).toBeUndefined();
  });
});
