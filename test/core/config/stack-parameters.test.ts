import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';

/** The staging parameters read from `parameters:` written as YAML flow or block text. */
function parametersOf(yaml: string): Readonly<Record<string, string>> {
  const result = parseAgentConfig(`environments:\n  staging:\n    parameters:\n${indent(yaml)}`);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const staging = result.config.environments.staging;
  if (staging === undefined) throw new Error('staging is missing');
  return staging.parameters;
}

function problemsOf(yaml: string): readonly string[] {
  const result = parseAgentConfig(`environments:\n  staging:\n    parameters:\n${indent(yaml)}`);
  if (result.ok) throw new Error(`expected ${JSON.stringify(yaml)} to be refused`);
  return result.problems;
}

function indent(yaml: string): string {
  return yaml.replace(/^/gm, '      ') + '\n';
}

describe('environment parameters: values are CloudFormation text', () => {
  it.each([
    ['the issue’s example, a number', 'DesiredCount: 2', { DesiredCount: '2' }],
    ['a decimal number', 'Ratio: 0.25', { Ratio: '0.25' }],
    ['a negative number', 'Offset: -3', { Offset: '-3' }],
    ['true', 'Enabled: true', { Enabled: 'true' }],
    ['false', 'Enabled: false', { Enabled: 'false' }],
    ['a string', 'Stage: prod', { Stage: 'prod' }],
    ['a quoted number, kept as written', 'Version: "1.10"', { Version: '1.10' }],
    ['an empty string', 'Suffix: ""', { Suffix: '' }],
    ['a list, comma-joined', 'Subnets: [subnet-1, subnet-2]', { Subnets: 'subnet-1,subnet-2' }],
    ['a mixed list', 'Mixed: [a, 1, true]', { Mixed: 'a,1,true' }],
    ['an empty list', 'None: []', { None: '' }],
    ['a block list', 'Ports:\n  - 80\n  - 443', { Ports: '80,443' }],
    [
      'a parameter named like an Object member',
      'constructor: x\ntoString: 2',
      { constructor: 'x', toString: '2' },
    ],
  ])('reads %s', (_label, yaml, expected) => {
    expect(parametersOf(yaml)).toEqual(expected);
  });

  it('keeps parameter names that are Object members as the map’s own entries', () => {
    const parameters = parametersOf('hasOwnProperty: yes-really');
    expect(Object.hasOwn(parameters, 'hasOwnProperty')).toBe(true);
    expect(Object.keys(parameters)).toEqual(['hasOwnProperty']);
  });

  it('keeps the rest of the config usable: the issue’s config no longer fails every task', () => {
    const result = parseAgentConfig('environments:\n  production:\n    parameters: { DesiredCount: 2 }\n');
    expect(result.ok).toBe(true);
  });
});

describe('environment parameters: refused, with a clear message', () => {
  const where = '`environments.staging.parameters';
  it.each([
    [
      'a mapping',
      'Nested: { a: 1 }',
      `${where}.Nested\`: is a mapping; a parameter value is a string, a number, true/false, or a list of those (CloudFormation parameters are text)`,
    ],
    [
      'an empty value',
      'Missing:',
      `${where}.Missing\`: is empty; write "" for an empty value (a parameter value is a string, a number, true/false, or a list of those)`,
    ],
    [
      'a YAML null',
      'Missing: ~',
      `${where}.Missing\`: is empty; write "" for an empty value (a parameter value is a string, a number, true/false, or a list of those)`,
    ],
    [
      'infinity',
      'Big: .inf',
      `${where}.Big\`: is not a finite number (a parameter value is a string, a number, true/false, or a list of those)`,
    ],
    [
      'not-a-number',
      'Odd: .nan',
      `${where}.Odd\`: is not a finite number (a parameter value is a string, a number, true/false, or a list of those)`,
    ],
    [
      'a list holding a mapping',
      'Items: [a, { b: 1 }]',
      `${where}.Items\`: item 2 of the list is a mapping; list items are strings, numbers or true/false, joined with commas`,
    ],
    [
      'a list holding a list',
      'Items: [[a]]',
      `${where}.Items\`: item 1 of the list is a list; list items are strings, numbers or true/false, joined with commas`,
    ],
    [
      'a list item holding a comma',
      'Items: [a, "b,c"]',
      `${where}.Items.1\`: holds a comma, so the comma-joined list would split it in two; write the whole value as one string instead`,
    ],
    [
      'a name with a dash',
      'bad-name: x',
      `${where}.bad-name\`: parameter names are CloudFormation logical IDs: letters A-Z, a-z and digits only`,
    ],
    [
      'a name with an underscore',
      'bad_name: x',
      `${where}.bad_name\`: parameter names are CloudFormation logical IDs: letters A-Z, a-z and digits only`,
    ],
    [
      'a name of 256 characters',
      `${'P'.repeat(256)}: x`,
      `${where}.${'P'.repeat(256)}\`: parameter names are at most 255 characters`,
    ],
    [
      'a value over 4,096 bytes',
      `Long: ${'é'.repeat(2_049)}`,
      `${where}.Long\`: is over 4,096 bytes, CloudFormation's limit for a parameter value`,
    ],
    [
      'a name `__proto__`',
      '__proto__: x',
      `${where}.__proto__\`: \`__proto__\` is not accepted as a name or setting; rename it (environment and parameter names start with a letter or digit)`,
    ],
  ])('refuses %s', (_label, yaml, message) => {
    expect(problemsOf(yaml)).toEqual([message]);
  });

  it('accepts a value of exactly 4,096 bytes and a name of 255 characters', () => {
    const name = 'P'.repeat(255);
    expect(parametersOf(`${name}: ${'a'.repeat(4_096)}`)[name]).toHaveLength(4_096);
  });

  it('lists every bad parameter at once', () => {
    expect(problemsOf('A: { x: 1 }\nB: [{ y: 2 }]\nC: ok')).toHaveLength(2);
  });
});
