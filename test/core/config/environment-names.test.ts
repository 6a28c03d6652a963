import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { findEnvironment } from '../../../src/core/config/find-environment.js';
import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';

function problemsOf(text: string): readonly string[] {
  const result = parseAgentConfig(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return result.problems;
}

function configOf(text: string) {
  const result = parseAgentConfig(text);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

const OBJECT_MEMBERS = [
  'toString',
  'constructor',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'toLocaleString',
];

describe('deploy_order names environments as own entries only', () => {
  it.each(OBJECT_MEMBERS)('refuses `%s`, which is no configured environment', (name) => {
    expect(problemsOf(`deploy_order: [development, ${name}]\n`)).toEqual([
      `\`deploy_order.1\`: names \`${name}\`, which is not under \`environments\` (\`development\`, \`staging\`, \`production\`)`,
    ]);
  });

  it('refuses `__proto__` by the name rule', () => {
    expect(problemsOf('deploy_order: [__proto__]\n')).toEqual([
      '`deploy_order.0`: environment names use letters, digits, "-" and "_", start with a letter or digit, and have at most 255 characters',
    ]);
  });

  it('accepts an environment named like an Object member when it is configured', () => {
    const config = configOf(
      'environments:\n  constructor: { stack_name: odd-but-real }\ndeploy_order: [constructor]\n',
    );
    expect(config.deploy_order).toEqual(['constructor']);
    expect(findEnvironment(config.environments, 'constructor')?.config.stack_name).toBe('odd-but-real');
  });

  it('refuses an entry listed twice, in any case', () => {
    expect(problemsOf('deploy_order: [staging, production, Staging, staging]\n')).toEqual([
      '`deploy_order.2`: repeats entry 1 (`staging`); list each environment once',
      '`deploy_order.3`: repeats entry 1 (`staging`); list each environment once',
    ]);
  });

  it('asks for the configured spelling when an entry differs only in case', () => {
    expect(problemsOf('deploy_order: [development, Production]\n')).toEqual([
      '`deploy_order.1`: names `Production`, written `production` under `environments`; write it the same way',
    ]);
  });
});

describe('environment names', () => {
  it.each([
    ['YAML', 'environments:\n  __proto__: { stack_name: hidden }\n  staging: {}\n'],
    ['JSON', '{"environments": {"__proto__": {"stack_name": "hidden"}, "staging": {}}}'],
    ['YAML, the only environment', 'environments:\n  __proto__: {}\n'],
  ])('refuses an environment named `__proto__` (%s) instead of dropping it', (_label, text) => {
    expect(problemsOf(text)).toEqual([
      '`environments.__proto__`: `__proto__` is not accepted as a name or setting; rename it (environment and parameter names start with a letter or digit)',
    ]);
  });

  it.each([
    [['Production', 'production'], ['`Production` and `production`']],
    [
      ['staging', 'STAGING', 'Staging'],
      ['`staging` and `STAGING`', '`staging` and `Staging`'],
    ],
    [['qa-1', 'QA-1', 'dev'], ['`qa-1` and `QA-1`']],
  ])('refuses names that differ only in case: %j', (names, pairs) => {
    const text = `environments:\n${names.map((name) => `  ${name}: {}`).join('\n')}\n`;
    expect(problemsOf(text)).toEqual(
      pairs.map((pair) =>
        expect.stringContaining(
          `${pair} differ only in case, and GitHub treats environment names without regard to case, so they would be one environment; keep one of them`,
        ),
      ),
    );
  });

  it('names the later spelling as the place to fix', () => {
    expect(problemsOf('environments:\n  Production: {}\n  production: {}\n')[0]).toMatch(
      /^`environments\.production`: /,
    );
  });

  it('accepts names up to GitHub’s 255 characters and refuses longer ones', () => {
    expect(Object.keys(configOf(`environments:\n  ${'e'.repeat(255)}: {}\n`).environments)).toEqual([
      'e'.repeat(255),
    ]);
    expect(problemsOf(`environments:\n  ${'e'.repeat(256)}: {}\n`)).toEqual([
      expect.stringContaining('have at most 255 characters'),
    ]);
  });

  it('reports `__proto__` once, not also as an unknown setting, in a section with fixed settings', () => {
    expect(problemsOf('model:\n  __proto__: { id: other }\n')).toEqual([
      '`model.__proto__`: `__proto__` is not accepted as a name or setting; rename it (environment and parameter names start with a letter or digit)',
    ]);
  });

  it('reports `__proto__` together with the config’s other problems', () => {
    expect(problemsOf('provider: openai\nenvironments:\n  __proto__: {}\n')).toEqual([
      expect.stringMatching(/^`environments\.__proto__`/),
      '`provider` must be one of `offline`, `bedrock`',
    ]);
  });
});

describe('findEnvironment', () => {
  const environments = DEFAULT_CONFIG.environments;

  it.each([...OBJECT_MEMBERS, '__proto__', '__defineGetter__'])('finds nothing for `%s`', (name) => {
    expect(findEnvironment(environments, name)).toBeUndefined();
  });

  it('finds nothing inherited even through direct indexing of the parsed map', () => {
    const config = configOf('environments:\n  staging: {}\n');
    expect(config.environments['toString']).toBeUndefined();
    expect(config.environments['constructor']).toBeUndefined();
  });

  it('finds a configured environment by its own name', () => {
    expect(findEnvironment(environments, 'staging')).toEqual({
      name: 'staging',
      config: environments.staging,
    });
  });

  it('finds it in another case, as GitHub does, under its configured name', () => {
    expect(findEnvironment(environments, 'Production')).toEqual({
      name: 'production',
      config: environments.production,
    });
  });

  it('prefers the exact spelling', () => {
    const exact = { region: 'exact' };
    const other = { region: 'other' };
    expect(findEnvironment({ Qa: other, qa: exact }, 'qa')?.config).toBe(exact);
  });
});
