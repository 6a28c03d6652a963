// The approval rule tells a bot requester by the account type the task recorded (marker
// `requester_type`, the event sender's `type`), and by the `[bot]` login suffix only when no type
// was recorded (markers written before it was kept).
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { applyReviewPolicy } from '../../../src/core/review/review-policy.js';
import { reviewPolicyFor } from '../../../src/core/review/review-policy-for.js';
import { taskMarkerSchema, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { classifyTaskEvent } from '../../../src/pipeline/events/classify-task-event.js';
import { requesterPatch } from '../../../src/pipeline/task/requester-patch.js';
import { botRepositoryDispatch } from '../../fixtures/trigger-events.js';

const HEAD = 'a'.repeat(40);

function unnamedRequesterOf(marker: Pick<TaskMarker, 'requester' | 'requester_id' | 'requester_type'>) {
  const policy = reviewPolicyFor({
    review: DEFAULT_CONFIG.review,
    marker: { ...marker, last_push: { sha: HEAD, by: { kind: 'agent' } } },
    agentLogin: 'implementation-agent[bot]',
  });
  return applyReviewPolicy({ verdicts: [], policy, headSha: HEAD }).unnamedRequester;
}

describe('the requester account type', () => {
  it('a dispatch from a bot typed Bot without the [bot] suffix records its type', () => {
    const event = classifyTaskEvent({ name: 'repository_dispatch', payload: botRepositoryDispatch() });
    expect(event).toMatchObject({
      kind: 'dispatch',
      requester: 'Copilot',
      requesterId: 198982749,
      requesterType: 'Bot',
    });
  });

  it.each([
    ['typed Bot, no suffix', { requester: 'Copilot', requester_type: 'Bot' }, 'Copilot'],
    ['typed Bot, suffix', { requester: 'deploy-helper[bot]', requester_type: 'Bot' }, 'deploy-helper[bot]'],
    ['typed User', { requester: 'alice', requester_type: 'User' }, undefined],
    ['no type recorded (older marker), suffix', { requester: 'github-actions[bot]' }, 'github-actions[bot]'],
    ['no type recorded (older marker), no suffix', { requester: 'Copilot' }, undefined],
  ] as const)('%s', (_label, marker, unnamed) => {
    expect(unnamedRequesterOf(marker)).toBe(unnamed);
  });

  it('an older marker without requester_type still reads', () => {
    const marker = taskMarkerSchema.parse({
      task_id: 'Codertocat/Hello-World#1',
      state: 'pr_open',
      attempt: 1,
      requester: 'alice',
      requester_id: 7,
      updated_at: '2026-11-29T10:00:00.000Z',
    });
    expect(marker.requester_type).toBeUndefined();
  });

  it('a type the record cannot hold is not recorded: the login decides', () => {
    const payload = botRepositoryDispatch();
    payload.sender.type = 'B'.repeat(41);
    const event = classifyTaskEvent({ name: 'repository_dispatch', payload });
    expect(event).toMatchObject({ kind: 'dispatch', requester: 'Copilot' });
    expect(event).not.toHaveProperty('requesterType');
  });

  it("a requester recorded without a type clears the earlier requester's", () => {
    expect(requesterPatch({ login: 'alice', id: 7 })).toEqual({
      patch: { requester: 'alice', requester_id: 7 },
      clear: ['requester_type', 'co_requesters'],
    });
    expect(requesterPatch({ login: 'Copilot', id: 198982749, type: 'Bot' })).toEqual({
      patch: { requester: 'Copilot', requester_id: 198982749, requester_type: 'Bot' },
      clear: ['co_requesters'],
    });
  });
});
