import {
  onRecreatedBranch,
  RECREATED_BRANCH_RESETS,
} from '../../../src/core/state/recreated-branch-resets.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';

const BOBS_HEAD = 'b'.repeat(40);

// Review #9e: `/retry` on a deleted branch dropped `human_pushers` but kept `unvalidated_push`,
// so the status said the new branch carried bob's commit. One list decides what goes together.
describe('onRecreatedBranch: what a branch made anew from the base no longer carries', () => {
  const marker: Partial<TaskMarker> = {
    task_id: 'o/r#1',
    effective_mode: 'guided',
    risk_level: 'high',
    base_branch: 'main',
    unvalidated_push: BOBS_HEAD,
    human_pushers: ['bob'],
    last_push: { sha: BOBS_HEAD, by: { kind: 'human', login: 'bob' } },
  };

  it('drops every field describing the old branch’s pushes, together', () => {
    const after = onRecreatedBranch(marker);
    for (const field of RECREATED_BRANCH_RESETS) expect(after[field]).toBeUndefined();
    expect(RECREATED_BRANCH_RESETS).toEqual(expect.arrayContaining(['human_pushers', 'unvalidated_push']));
  });

  it('keeps what is not about pushes (the task’s risk and fallback stay on the safe side), and leaves the marker as it was', () => {
    const after = onRecreatedBranch(marker);
    expect(after).toMatchObject({ effective_mode: 'guided', risk_level: 'high', base_branch: 'main' });
    expect(marker.unvalidated_push).toBe(BOBS_HEAD);
    expect(marker.human_pushers).toEqual(['bob']);
  });
});

describe('onRecreatedBranch and lost trust facts', () => {
  it('clears trust_lost with the old branch’s pushes: nothing they were about is under the new head', () => {
    const after = onRecreatedBranch({ human_pushers: ['bob'], trust_lost: true as const });
    expect(after.trust_lost).toBeUndefined();
    expect(RECREATED_BRANCH_RESETS).toContain('trust_lost');
  });
});
