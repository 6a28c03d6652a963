import type { ReviewVerdict } from '../../../src/core/review/latest-review-verdicts.js';
import { applyReviewPolicy, type ReviewPolicy } from '../../../src/core/review/review-policy.js';

const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
const policy: ReviewPolicy = {
  requester: 'Requester',
  allowSelfApproval: false,
  agentLogin: 'implementation-agent[bot]',
  reapproveOnPush: true,
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
