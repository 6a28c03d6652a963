import type { ReviewVerdict } from '../../../src/core/review/latest-review-verdicts.js';
import { applyReviewPolicy, type ReviewPolicy } from '../../../src/core/review/review-policy.js';

const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
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

  it('sets every approval aside when the recorded push is not of the head: any approver may have pushed it', () => {
    const result = applyReviewPolicy({
      verdicts: [approved('maintainer'), approved('other')],
      policy: { ...policy, lastPush: pushedBy('pusher', OLD) },
      headSha: HEAD,
    });
    expect(result.verdicts).toEqual([]);
    expect(result.setAside).toEqual([
      { login: 'maintainer', why: 'unknown-pusher' },
      { login: 'other', why: 'unknown-pusher' },
    ]);
  });

  it('applies no pusher rule to a task that records no push (a status written before pushes were)', () => {
    const result = applyReviewPolicy({ verdicts: [approved('someone')], policy, headSha: HEAD });
    expect(result.verdicts).toEqual([approved('someone')]);
  });
});
