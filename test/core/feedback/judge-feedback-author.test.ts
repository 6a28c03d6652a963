import { judgeFeedbackAuthor } from '../../../src/core/feedback/judge-feedback-author.js';
import type { RepositoryPermission } from '../../../src/core/deploy/repository-permission.js';

const AGENT = 'implementation-agent[bot]';
const person = (login: string) => ({ login, type: 'User' });

describe('judgeFeedbackAuthor: who may steer a pull request by review', () => {
  it.each<[RepositoryPermission, boolean]>([
    ['admin', true],
    ['maintain', true],
    ['write', true],
    ['triage', false],
    ['read', false],
    ['none', false],
  ])('a user with %s permission counts: %s', (permission, counts) => {
    const standing = judgeFeedbackAuthor({ author: person('octocat'), permission, agentLogin: AGENT });
    expect(standing.counts).toBe(counts);
    if (!standing.counts)
      expect(standing).toMatchObject({ answer: true, reason: expect.stringContaining(permission) });
  });

  it('never counts or answers the agent itself, whatever the case of its login', () => {
    const standing = judgeFeedbackAuthor({
      author: { login: 'Implementation-Agent[bot]', type: 'Bot' },
      permission: 'admin',
      agentLogin: AGENT,
    });
    expect(standing).toMatchObject({ counts: false, answer: false });
  });

  it('never counts or answers another bot, even one with write access', () => {
    expect(
      judgeFeedbackAuthor({
        author: { login: 'dependabot[bot]', type: 'Bot' },
        permission: 'write',
        agentLogin: AGENT,
      }),
    ).toMatchObject({ counts: false, answer: false });
    expect(
      judgeFeedbackAuthor({
        author: { login: 'renovate[bot]', type: 'User' },
        permission: 'write',
        agentLogin: AGENT,
      }),
    ).toMatchObject({ counts: false, answer: false });
  });

  it('does not count a fork author, but answers them', () => {
    expect(
      judgeFeedbackAuthor({
        author: person('forker'),
        permission: 'write',
        agentLogin: AGENT,
        fromFork: true,
      }),
    ).toMatchObject({ counts: false, answer: true, reason: expect.stringContaining('fork') });
  });
});
