import { markerChars } from '../../../src/core/state/fit-unmirrored.js';
import {
  parseStateMarker,
  renderStateMarker,
  taskMarkerSchema,
  type TaskMarker,
} from '../../../src/core/state/state-marker.js';
import { unsentArtifactsOf } from '../../../src/core/task/unsent-artifacts-of.js';

const base: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-24T10:00:00.000Z',
};

/** A generated path the gates accept (up to 1,023 bytes), nested deep, hyphenated as generated names are. */
const deep = `files/${Array.from({ length: 30 }, (_, index) => `order-service-module-${index}`).join('/')}/handler.ts`;

describe("review10d: the marker's list of unsent artifacts", () => {
  it('FAULT: a long generated path the store did not take never makes the marker unreadable', () => {
    expect(deep.length).toBeGreaterThan(400);
    const unsent = unsentArtifactsOf({ attempt: 1, paths: [deep, 'prompt.json'], commitSha: 'a'.repeat(40) });
    const written = renderStateMarker({ ...base, ...(unsent ? { unsent_artifacts: unsent } : {}) });
    // Read back as the next run reads it: the task's state is still there.
    expect(parseStateMarker(written)).toMatchObject({ task_id: 'acme/shop#7', state: 'pr_open' });
    // Not named, but counted: the re-send names it lost.
    expect(unsent).toEqual({ attempt: 1, commit_sha: 'a'.repeat(40), paths: ['prompt.json'], more: 1 });
  });

  it('FAULT: sixty long hyphenated paths stay within a budget as the marker writes them', () => {
    const paths = Array.from(
      { length: 100 },
      (_, index) => `files/src/order-service/${'create-order-line-item-'.repeat(14)}${index}.ts`,
    );
    const unsent = unsentArtifactsOf({ attempt: 1, paths });
    expect(taskMarkerSchema.safeParse({ ...base, unsent_artifacts: unsent }).success).toBe(true);
    expect(markerChars(unsent)).toBeLessThanOrEqual(12_000);
    expect((unsent?.paths.length ?? 0) + (unsent?.more ?? 0)).toBe(100);
  });
});

describe('review10d: an attempt whose every unsent path is too long for the marker', () => {
  it('names none and counts them all, in a marker its reader takes', () => {
    const unsent = unsentArtifactsOf({ attempt: 2, paths: [deep] });
    expect(unsent).toEqual({ attempt: 2, paths: [], more: 1 });
    expect(
      parseStateMarker(renderStateMarker({ ...base, unsent_artifacts: unsent! }))?.unsent_artifacts,
    ).toEqual(unsent);
  });
});
