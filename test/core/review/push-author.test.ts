import { pushAuthor } from '../../../src/core/review/push-author.js';

describe('pushAuthor: who pushed, from the delivery sender GitHub recorded', () => {
  it.each([
    [
      'the App bot itself',
      { login: 'implementation-agent[bot]', type: 'Bot' },
      'implementation-agent[bot]',
      { kind: 'agent' },
    ],
    [
      'the workflow token',
      { login: 'github-actions[bot]', type: 'Bot' },
      'github-actions[bot]',
      { kind: 'agent' },
    ],
    [
      'the agent, in other case',
      { login: 'Implementation-Agent[bot]', type: 'Bot' },
      'implementation-agent[bot]',
      { kind: 'agent' },
    ],
    [
      'another bot',
      { login: 'dependabot[bot]', type: 'Bot' },
      'implementation-agent[bot]',
      { kind: 'bot', login: 'dependabot[bot]' },
    ],
    [
      'a [bot] login typed User',
      { login: 'renovate[bot]', type: 'User' },
      'implementation-agent[bot]',
      { kind: 'bot', login: 'renovate[bot]' },
    ],
    [
      'an organization',
      { login: 'acme', type: 'Organization' },
      'implementation-agent[bot]',
      { kind: 'bot', login: 'acme' },
    ],
    [
      'a person',
      { login: 'octocat', type: 'User' },
      'implementation-agent[bot]',
      { kind: 'human', login: 'octocat' },
    ],
    [
      'a person, agent login unknown',
      { login: 'octocat', type: 'User' },
      undefined,
      { kind: 'human', login: 'octocat' },
    ],
  ])('%s', (_name, sender, agentLogin, expected) => {
    expect(pushAuthor({ sender, agentLogin })).toEqual(expected);
  });

  it('a delivery without a sender is not taken for a person', () => {
    expect(pushAuthor({ sender: undefined, agentLogin: 'x[bot]' }).kind).toBe('bot');
  });
});
