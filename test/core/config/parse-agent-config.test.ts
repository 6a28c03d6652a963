import {
  CONFIG_PATH,
  DEFAULT_CONFIG,
  DEFAULT_MODEL_ID,
  DEFAULT_REGION,
} from '../../../src/core/config/agent-config.js';
import { formatConfigProblems, parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';

/** The problems of a config that must be refused; fails the test when it was accepted. */
function problemsOf(text: string): readonly string[] {
  const result = parseAgentConfig(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return result.problems;
}

describe('parseAgentConfig: absent or empty', () => {
  it.each([
    ['no file', undefined],
    ['an empty file', ''],
    ['a blank file', '  \n\n'],
    ['a YAML null', '~\n'],
    ['only comments', '# settings come later\n'],
  ])('gives the defaults for %s', (_label, text) => {
    expect(parseAgentConfig(text)).toEqual({ ok: true, config: DEFAULT_CONFIG, source: 'defaults' });
  });

  it('has defaults that keep generation offline and production guarded', () => {
    expect(DEFAULT_CONFIG.provider).toBe('offline');
    expect(DEFAULT_CONFIG.model).toMatchObject({ id: DEFAULT_MODEL_ID, region: DEFAULT_REGION });
    expect(DEFAULT_CONFIG.environments.production).toMatchObject({
      requires_approval: true,
      requires_green_checks: true,
      termination_protection: true,
    });
    expect(DEFAULT_CONFIG.environments.development?.requires_approval).toBe(false);
  });
});

describe('parseAgentConfig: a valid file', () => {
  it('merges a partial config with the defaults, section by section', () => {
    const result = parseAgentConfig('provider: bedrock\nmodel:\n  region: us-east-1\n');
    expect(result).toEqual({
      ok: true,
      source: 'file',
      config: {
        ...DEFAULT_CONFIG,
        provider: 'bedrock',
        model: { ...DEFAULT_CONFIG.model, region: 'us-east-1' },
      },
    });
  });

  it('reads an environments map and fills each environment with its field defaults', () => {
    const text = [
      'environments:',
      '  qa:',
      '    stack_name: orders-qa',
      '  production:',
      '    stack_name: orders-prod',
      '    region: eu-west-1',
      '    requires_approval: true',
      '    strategy: canary',
      '    deployers: [alice, bob]',
      '    alarm_arns: ["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-5xx"]',
      '    parameters: { Stage: prod }',
      'limits:',
      '  max_files: 10',
    ].join('\n');
    const result = parseAgentConfig(text);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.source).toBe('file');
    expect(result.config.environments.production).toEqual({
      stack_name: 'orders-prod',
      region: 'eu-west-1',
      requires_approval: true,
      // Production keeps its guards unless the file turns them off.
      requires_green_checks: true,
      allowed_refs: [],
      deployers: ['alice', 'bob'],
      alarm_arns: ['arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-5xx'],
      strategy: 'canary',
      termination_protection: true,
      parameters: { Stage: 'prod' },
      recreate_rolled_back_stack: false,
      rollback_monitoring_minutes: 10,
      bake_minutes: 0,
      auto_rollback: false,
      revert_pr_on_rollback: true,
    });
    expect(result.config.environments.qa).toMatchObject({
      stack_name: 'orders-qa',
      recreate_rolled_back_stack: true,
      requires_approval: false,
      requires_green_checks: false,
      termination_protection: false,
    });
    expect(Object.keys(result.config.environments)).toEqual(['qa', 'production']);
    expect(result.config.limits).toEqual({ ...DEFAULT_CONFIG.limits, max_files: 10 });
    expect(result.config.provider).toBe('offline');
  });
});

describe('parseAgentConfig: problems', () => {
  it('refuses a misspelt environment setting instead of dropping the guard it meant', () => {
    expect(problemsOf('environments:\n  production:\n    requires_aproval: true\n')).toEqual([
      expect.stringMatching(/^`environments\.production` has unknown setting\(s\) `requires_aproval`/),
    ]);
  });

  it('refuses a deploy_order naming an environment that is not configured', () => {
    expect(problemsOf('deploy_order: [development, qa, production]\n')).toEqual([
      '`deploy_order.1`: names `qa`, which is not under `environments` (`development`, `staging`, `production`)',
    ]);
  });

  it('explains what an environment name may contain', () => {
    expect(problemsOf('environments:\n  bad name!: {}\n')).toEqual([
      '`environments.bad name!`: environment names use letters, digits, "-" and "_", start with a letter or digit, and have at most 255 characters',
    ]);
  });

  it('lets production turn a guard off explicitly', () => {
    const result = parseAgentConfig('environments:\n  production:\n    requires_green_checks: false\n');
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.environments.production).toMatchObject({
      requires_approval: true,
      requires_green_checks: false,
    });
  });

  it('names the line and column of malformed YAML', () => {
    const [problem, ...rest] = problemsOf('provider: bedrock\nmodel:\n  region: [us-east-1\n');
    expect(rest).toEqual([]);
    expect(problem).toContain(`\`${CONFIG_PATH}\``);
    expect(problem).toMatch(/is not valid YAML at line \d+, column \d+/);
  });

  it('points at the offending line of badly indented YAML', () => {
    expect(problemsOf('provider: bedrock\n  model: x\n')).toEqual([
      expect.stringMatching(/at line 1, column 11/),
    ]);
  });

  it('refuses a key given twice instead of keeping one silently', () => {
    expect(problemsOf('provider: offline\nprovider: bedrock\n')).toEqual([
      expect.stringMatching(/line 2, column 1: Map keys must be unique/),
    ]);
  });

  it('names unknown keys at the top level and inside sections', () => {
    const problems = problemsOf('modle:\n  id: x\nlimits:\n  max_file: 3\n');
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^The top level has unknown setting\(s\) `modle`/),
        expect.stringMatching(/^`limits` has unknown setting\(s\) `max_file`/),
      ]),
    );
  });

  it('lists every unknown key of one section in one problem', () => {
    expect(problemsOf('labels:\n  triger: go\n  add_mode: false\n  add_type: true\n')).toEqual([
      expect.stringMatching(/^`labels` has unknown setting\(s\) `triger`, `add_type`/),
    ]);
  });

  it('explains enum values by listing the allowed ones', () => {
    expect(problemsOf('provider: openai\n')).toEqual(['`provider` must be one of `offline`, `bedrock`']);
    expect(problemsOf('environments:\n  production:\n    strategy: big-bang\n')).toEqual([
      expect.stringMatching(
        /^`environments\.production\.strategy` must be one of `all-at-once`, `canary`, `blue-green`, `linear`$/,
      ),
    ]);
  });

  it('explains wrong types and out-of-range values with the path to the value', () => {
    const problems = problemsOf(
      'model:\n  max_tokens: lots\ngeneration:\n  max_repair_attempts: 9\npaths:\n  allow_workflow_files: "yes"\n',
    );
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^`model\.max_tokens`: .*expected number/),
        expect.stringMatching(/^`generation\.max_repair_attempts`: .*5/),
        expect.stringMatching(/^`paths\.allow_workflow_files`: .*expected boolean/),
      ]),
    );
  });

  it('uses the schema’s own advice for invalid environment fields', () => {
    expect(problemsOf('environments:\n  staging:\n    region: mars\n')).toEqual([
      '`environments.staging.region`: must be an AWS region such as ap-southeast-2',
    ]);
  });

  it('refuses a document that is not a mapping', () => {
    expect(problemsOf('- provider\n- bedrock\n')).toEqual([
      expect.stringMatching(/^The top level: .*expected object/),
    ]);
    expect(problemsOf('bedrock\n')).toEqual([expect.stringMatching(/^The top level: /)]);
  });
});

describe('formatConfigProblems', () => {
  it('lists each problem and says that nothing was generated', () => {
    const problems = problemsOf('provider: openai\nmodle: {}\n');
    const text = formatConfigProblems(problems);
    expect(text).toContain(`\`${CONFIG_PATH}\` cannot be used`);
    expect(text).toContain('nothing was generated');
    expect(text).toContain('`/implement`');
    const bullets = text.split('\n').filter((line) => line.startsWith('- '));
    expect(bullets).toEqual(problems.map((problem) => `- ${problem}`));
  });
});
