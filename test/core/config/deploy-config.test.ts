import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';

describe('deploy settings', () => {
  it('refuses pull requests from forks unless the config says otherwise', () => {
    expect(DEFAULT_CONFIG.deploy).toEqual({ allow_fork_pull_requests: false });
  });

  it('reads allow_fork_pull_requests', () => {
    const result = parseAgentConfig('deploy:\n  allow_fork_pull_requests: true\n');
    expect(result.ok && result.config.deploy.allow_fork_pull_requests).toBe(true);
  });

  it.each([
    [
      'a misspelt key, which must not drop the guard it meant',
      'deploy:\n  allow_forks: true\n',
      'allow_forks',
    ],
    [
      'a string for a boolean',
      'deploy:\n  allow_fork_pull_requests: "yes"\n',
      'deploy.allow_fork_pull_requests',
    ],
  ])('refuses %s', (_case, text, named) => {
    const result = parseAgentConfig(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join('\n')).toContain(named);
  });
});
