import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';
import { gatePolicyFrom } from '../../../src/core/gates/gate-policy.js';

function pathsOf(text: string): unknown {
  const result = parseAgentConfig(text);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config.paths;
}

function problemsOf(text: string): readonly string[] {
  const result = parseAgentConfig(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return result.problems;
}

describe('paths config', () => {
  it('protects the whole .github/ tree by default', () => {
    expect(DEFAULT_CONFIG.paths).toEqual({ allowed: [], allow_github: [] });
    expect(gatePolicyFrom(DEFAULT_CONFIG).allowedGithubPaths).toEqual([]);
  });

  it('reads allow_github as the .github/ sub-paths a change may write', () => {
    expect(pathsOf('paths:\n  allow_github: [workflows/, ISSUE_TEMPLATE/, CODEOWNERS]\n')).toEqual({
      allowed: [],
      allow_github: ['workflows/', 'ISSUE_TEMPLATE/', 'CODEOWNERS'],
    });
  });

  it('still reads the old allow_workflow_files: true as allowing workflows/', () => {
    expect(pathsOf('paths:\n  allow_workflow_files: true\n')).toEqual({
      allowed: [],
      allow_github: ['workflows/'],
    });
    expect(pathsOf('paths:\n  allow_workflow_files: false\n')).toEqual({ allowed: [], allow_github: [] });
    expect(pathsOf('paths:\n  allow_workflow_files: true\n  allow_github: [CODEOWNERS]\n')).toEqual({
      allowed: [],
      allow_github: ['CODEOWNERS', 'workflows/'],
    });
    expect(pathsOf('paths:\n  allow_workflow_files: true\n  allow_github: [workflows/]\n')).toEqual({
      allowed: [],
      allow_github: ['workflows/'],
    });
  });

  it.each([
    ['.github/workflows/', 'is relative to `.github/`: write `workflows/`, not `.github/workflows/`'],
    ['.GitHub', 'is relative to `.github/`: write `workflows/`, not `.github/workflows/`'],
    ['../src/', 'must be a relative path inside `.github/` such as `workflows/` or `ISSUE_TEMPLATE/`'],
    ['/workflows/', 'must be a relative path inside `.github/` such as `workflows/` or `ISSUE_TEMPLATE/`'],
    ['workflows//x', 'must be a relative path inside `.github/` such as `workflows/` or `ISSUE_TEMPLATE/`'],
    ['./workflows', 'must be a relative path inside `.github/` such as `workflows/` or `ISSUE_TEMPLATE/`'],
    ['workflows\\x', 'must be a relative path inside `.github/` such as `workflows/` or `ISSUE_TEMPLATE/`'],
  ])('refuses the allow_github entry %j', (entry, message) => {
    expect(problemsOf(`paths:\n  allow_github: [${JSON.stringify(entry)}]\n`)).toEqual([
      `\`paths.allow_github.0\`: ${message}`,
    ]);
  });
});
