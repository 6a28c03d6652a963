import type { ReviewVerdict } from '../../../src/core/review/latest-review-verdicts.js';
import { applyReviewPolicy, type ReviewPolicy } from '../../../src/core/review/review-policy.js';
import { reviewPolicyFor } from '../../../src/core/review/review-policy-for.js';
import type { LastPush } from '../../../src/core/review/last-push.js';
import type { AgentConfig } from '../../../src/core/config/agent-config.js';
import { summarizeOutcome } from '../../../src/core/outcome/outcome-summary.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';

const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
/** A commit sha as GitHub gives it (hex), for the marker's own schema. */
const OLD_SHA = 'b'.repeat(40);
const policy: ReviewPolicy = {
  requester: 'Requester',
  allowSelfApproval: false,
  agentLogin: 'implementation-agent[bot]',
  reapproveOnPush: true,
  lastPush: undefined,
  allowPusherApproval: false,
};
const approved = (login: string, commitId = HEAD): ReviewVerdict => ({ login, state: 'APPROVED', commitId });

describe('applyReviewPolicy: guided mode settings before the one approval rule', () => {
  it('sets the requester’s approval aside, whatever the case of their login', () => {
    const result = applyReviewPolicy({
      verdicts: [approved('requester'), approved('maintainer')],
      policy,
      headSha: HEAD,
    });
    expect(result.verdicts.map((v) => v.login)).toEqual(['maintainer']);
    expect(result.setAside).toEqual([{ login: 'requester', why: 'requester' }]);
  });

  it('keeps the requester’s approval with allowSelfApproval', () => {
    const result = applyReviewPolicy({
      verdicts: [approved('Requester')],
      policy: { ...policy, allowSelfApproval: true },
      headSha: HEAD,
    });
    expect(result.verdicts).toEqual([approved('Requester')]);
    expect(result.setAside).toEqual([]);
  });

  it('keeps the requester’s request for changes: only their approval is set aside', () => {
    const changes: ReviewVerdict = { login: 'Requester', state: 'CHANGES_REQUESTED', commitId: HEAD };
    expect(applyReviewPolicy({ verdicts: [changes], policy, headSha: HEAD }).verdicts).toEqual([changes]);
  });

  it('drops every verdict of the agent itself', () => {
    const agentChanges: ReviewVerdict = {
      login: 'implementation-agent[bot]',
      state: 'CHANGES_REQUESTED',
      commitId: HEAD,
    };
    const result = applyReviewPolicy({
      verdicts: [approved('Implementation-Agent[bot]'), agentChanges],
      policy,
      headSha: HEAD,
    });
    expect(result.verdicts).toEqual([]);
    expect(result.setAside).toEqual([{ login: 'Implementation-Agent[bot]', why: 'agent' }]);
  });

  it('leaves an approval of an older head as it is while reapproveOnPush is on', () => {
    expect(
      applyReviewPolicy({ verdicts: [approved('maintainer', OLD)], policy, headSha: HEAD }).verdicts,
    ).toEqual([approved('maintainer', OLD)]);
  });

  it('takes an approval of an older head as one of the head when reapproveOnPush is off', () => {
    const result = applyReviewPolicy({
      verdicts: [approved('maintainer', OLD)],
      policy: { ...policy, reapproveOnPush: false },
      headSha: HEAD,
    });
    expect(result.verdicts).toEqual([approved('maintainer', HEAD)]);
  });

  it('with no requester known, sets no approval aside but the agent’s', () => {
    const result = applyReviewPolicy({
      verdicts: [approved('someone')],
      policy: { ...policy, requester: undefined },
      headSha: HEAD,
    });
    expect(result.verdicts).toEqual([approved('someone')]);
  });
});

// #9 review: one writer pushes their own code to a guided task's branch and approves it. Someone
// other than whoever pushed the head must approve it, as GitHub's "Require approval of the most
// recent reviewable push" asks.
describe('applyReviewPolicy: the pusher of the head does not approve it', () => {
  const pushedBy = (login: string, sha = HEAD): ReviewPolicy['lastPush'] => ({
    sha,
    by: { kind: 'human', login },
  });

  it('sets aside the approval of whoever pushed the head, whatever the case of their login', () => {
    const result = applyReviewPolicy({
      verdicts: [approved('Pusher'), approved('maintainer')],
      policy: { ...policy, lastPush: pushedBy('pusher') },
      headSha: HEAD,
    });
    expect(result.verdicts.map((v) => v.login)).toEqual(['maintainer']);
    expect(result.setAside).toEqual([{ login: 'Pusher', why: 'pusher' }]);
  });

  it('keeps the pusher’s request for changes: only their approval is set aside', () => {
    const changes: ReviewVerdict = { login: 'pusher', state: 'CHANGES_REQUESTED', commitId: HEAD };
    const result = applyReviewPolicy({
      verdicts: [changes],
      policy: { ...policy, lastPush: pushedBy('pusher') },
      headSha: HEAD,
    });
    expect(result.verdicts).toEqual([changes]);
  });

  it('keeps the pusher’s approval with allowPusherApproval', () => {
    const result = applyReviewPolicy({
      verdicts: [approved('pusher')],
      policy: { ...policy, lastPush: pushedBy('pusher'), allowPusherApproval: true },
      headSha: HEAD,
    });
    expect(result.verdicts).toEqual([approved('pusher')]);
    expect(result.setAside).toEqual([]);
  });

  it('sets nobody aside when the agent pushed the head', () => {
    const result = applyReviewPolicy({
      verdicts: [approved('maintainer')],
      policy: { ...policy, lastPush: { sha: HEAD, by: { kind: 'agent' } } },
      headSha: HEAD,
    });
    expect(result.verdicts).toEqual([approved('maintainer')]);
    expect(result.setAside).toEqual([]);
  });

  it('sets the pusher aside even when their approval is carried over a push (reapproveOnPush off)', () => {
    const result = applyReviewPolicy({
      verdicts: [approved('pusher', OLD), approved('maintainer', OLD)],
      policy: { ...policy, lastPush: pushedBy('pusher'), reapproveOnPush: false },
      headSha: HEAD,
    });
    expect(result.verdicts).toEqual([approved('maintainer', HEAD)]);
  });

  it('sets nobody aside when the recorded push is not of the head, and names the head as of unknown pusher', () => {
    const result = applyReviewPolicy({
      verdicts: [approved('maintainer'), approved('other')],
      policy: { ...policy, lastPush: pushedBy('pusher', OLD) },
      headSha: HEAD,
    });
    expect(result.verdicts).toEqual([approved('maintainer'), approved('other')]);
    expect(result.setAside).toEqual([]);
    expect(result.unknownPushes).toEqual([HEAD]);
  });

  it('applies no pusher rule without a task to record pushes (no unrecordedPushes, no lastPush)', () => {
    const result = applyReviewPolicy({ verdicts: [approved('someone')], policy, headSha: HEAD });
    expect(result.verdicts).toEqual([approved('someone')]);
  });

  // #9 review: a status written before pushes were recorded applied no pusher rule at all.
  it('a task that records no push names the head as of unknown pusher unless it is a commit the agent recorded', () => {
    const verdicts = [approved('maintainer'), approved('other')];
    const unrecorded = (agentCommits: string[]) => ({ ...policy, unrecordedPushes: { agentCommits } });
    expect(applyReviewPolicy({ verdicts, policy: unrecorded([]), headSha: HEAD })).toEqual({
      verdicts,
      setAside: [],
      unknownPushes: [HEAD],
    });
    expect(applyReviewPolicy({ verdicts, policy: unrecorded([OLD]), headSha: HEAD }).unknownPushes).toEqual([
      HEAD,
    ]);
    const agents = applyReviewPolicy({
      verdicts,
      policy: unrecorded([OLD, HEAD.toUpperCase()]),
      headSha: HEAD,
    });
    expect(agents).toEqual({ verdicts, setAside: [], unknownPushes: [] });
  });

  it('a task that records no push still applies allowPusherApproval, and keeps requests for changes', () => {
    const changes: ReviewVerdict = { login: 'other', state: 'CHANGES_REQUESTED', commitId: HEAD };
    const base = { ...policy, unrecordedPushes: { agentCommits: [] } };
    expect(
      applyReviewPolicy({
        verdicts: [approved('maintainer')],
        policy: { ...base, allowPusherApproval: true },
        headSha: HEAD,
      }).verdicts,
    ).toEqual([approved('maintainer')]);
    expect(applyReviewPolicy({ verdicts: [changes], policy: base, headSha: HEAD }).verdicts).toEqual([
      changes,
    ]);
  });
});

describe('reviewPolicyFor: which pushes the policy knows', () => {
  const HEX_HEAD = 'c'.repeat(40);
  const review = { allow_self_approval: false, reapprove_on_push: true, allow_pusher_approval: false };
  const base: TaskMarker = {
    task_id: 'o/r#1',
    state: 'pr_open',
    attempt: 1,
    cost_usd: 0,
    updated_at: '2026-11-29T10:00:00Z',
  };
  const published = (commitSha: string) =>
    summarizeOutcome({
      status: 'pr_open',
      taskId: 'o/r#1',
      issueNumber: 1,
      pullNumber: 2,
      pullUrl: 'https://github.com/o/r/pull/2',
      commitSha,
      created: true,
      costUsd: 0,
    });
  const of = (marker: Parameters<typeof reviewPolicyFor>[0]['marker'], push?: LastPush) =>
    reviewPolicyFor({ review: review as AgentConfig['review'], marker, agentLogin: 'agent[bot]', push });

  it('no trusted marker: no pusher rule', () => {
    expect(of(undefined)).toMatchObject({ lastPush: undefined });
    expect(of(undefined).unrecordedPushes).toBeUndefined();
  });

  it('a recorded push, or the one this run knows, is the last push', () => {
    const recorded: LastPush = { sha: OLD, by: { kind: 'human', login: 'p' } };
    const now: LastPush = { sha: HEAD, by: { kind: 'agent' } };
    expect(of({ ...base, last_push: recorded }).lastPush).toEqual(recorded);
    expect(of({ ...base, last_push: recorded }, now)).toMatchObject({ lastPush: now });
    expect(of({ ...base }, now).unrecordedPushes).toBeUndefined();
  });

  it('a marker without last_push names the agent’s recorded commits: its last publish and unsent artifacts', () => {
    expect(of({ ...base }).unrecordedPushes).toEqual({ agentCommits: [] });
    expect(
      of({
        ...base,
        last_outcome: published(HEX_HEAD),
        unsent_artifacts: { attempt: 1, commit_sha: OLD_SHA, paths: ['files/a.ts'] },
      }).unrecordedPushes,
    ).toEqual({ agentCommits: [HEX_HEAD, OLD_SHA] });
  });

  it('an outcome other than the publish names no commit of the agent', () => {
    const reviewed = summarizeOutcome({
      status: 'awaiting_review',
      taskId: 'o/r#1',
      issueNumber: 1,
      pullNumber: 2,
      headSha: HEAD,
      approvedBy: [],
      message: 'waiting',
    });
    expect(of({ ...base, last_outcome: reviewed }).unrecordedPushes).toEqual({ agentCommits: [] });
  });
});
