/**
 * Fixes of review #10l's joined forms and the last fixer's open items, as a hostile PR writes them:
 * literal intrinsics CloudFormation evaluates (`Fn::Select`, nested `Fn::Join`, `Fn::Sub` with a
 * map or a parameter's `Default`, `Ref` to such a parameter), grouping parentheses between quoted
 * pieces, `Fn::Sub`/`!Sub` quoted in plain text (a README's JSON, a fenced YAML block, a .txt), and
 * tokens back to back in one list. Each is asserted on both the gate (`findFileSecrets`) and the
 * redactor (`redactSecrets`), which share one detection.
 */
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';

const BODY = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const HEAD = BODY.slice(0, 18);
const TAIL = BODY.slice(18);
/** A second 36-character token body that ends in a letter, so a token glued after it fails the rule's look-behind. */
const OTHER = 'zYxWvUtSrQpOnMlKjIhGfEdCbA987654321q';

async function gateRefuses(path: string, content: string): Promise<boolean> {
  const found = await findFileSecrets({ path, content });
  return found.asWritten.length + found.hidden.length > 0;
}

describe('tokens back to back in one joined run', () => {
  it.each([
    ['a Python list', `tokens = ['ghp_', '${OTHER}', 'ghp_', '${BODY}']\n`],
    ['a JS sum', `const t = 'ghp_' + '${OTHER}' + 'ghp_' + '${BODY}';\n`],
    ['a YAML !Join', `token: !Join ['', ['ghp_', '${OTHER}', 'ghp_', '${BODY}']]\n`],
    ['a letter glued before the token', `const t = 'x' + 'ghp_' + '${BODY}';\n`],
  ])('%s: both are redacted and refused', async (_name, text) => {
    const redacted = await redactSecrets(text);
    expect(redacted).not.toContain(BODY);
    expect(redacted).not.toContain(OTHER.slice(0, 20));
    expect(await gateRefuses('src/tokens.ts', text)).toBe(true);
  });
});

describe('grouping parentheses between quoted pieces', () => {
  it.each([
    ['around the sum', `const t = ('ghp_' + '${BODY}');\n`],
    ['around each piece', `const t = ('ghp_') + ('${HEAD}') + ('${TAIL}');\n`],
    ['nested', `const t = (('ghp_' + ('${HEAD}')) + '${TAIL}');\n`],
  ])('%s: read joined', async (_name, text) => {
    expect(await redactSecrets(text)).not.toContain(TAIL);
    expect(await gateRefuses('src/client.ts', text)).toBe(true);
  });
});

const lambdaWith = (variables: string, more = '') =>
  `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          TOKEN: ${variables}\n${more}`;

describe('literal intrinsics CloudFormation evaluates', () => {
  it.each([
    [
      '!Select of a nested !Join',
      `!Join ['', ['ghp_', !Select [1, ['x', !Join ['', ['${HEAD}', '${TAIL}']]]]]]`,
    ],
    ['!Select with a string index', `!Join ['', ['ghp_', !Select ['0', ['${BODY}']]]]`],
    ['!Sub with a map value that is a !Select', `!Sub ['ghp_\${R}', { R: !Select [0, ['${BODY}']] }]`],
    ['!Join with a delimiter around !Select items', `!Join ['_', [!Select [0, ['ghp']], '${BODY}']]`],
  ])('%s is refused', async (_name, variables) => {
    expect(await gateRefuses('template.yaml', lambdaWith(variables))).toBe(true);
  });

  it('Ref to a parameter whose Default is the rest, inside a !Join, is refused', async () => {
    const template = lambdaWith(
      `!Join ['', ['ghp_', !Ref Rest]]`,
      `Parameters:\n  Rest:\n    Type: String\n    Default: '${BODY}'\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('Fn::Sub (string form) with a parameter Default in JSON is refused and redacted', async () => {
    const template = JSON.stringify({
      Parameters: { Head: { Type: 'String', Default: 'ghp_' + HEAD } },
      Resources: { Fn: { Properties: { Token: { 'Fn::Sub': '${Head}' + TAIL } } } },
    });
    expect(await gateRefuses('template.json', template)).toBe(true);
    expect(await redactSecrets(template)).not.toContain(TAIL);
  });

  it('a parameter with no Default, and an index out of range, assemble nothing (no false refusal)', async () => {
    const template = lambdaWith(
      `!Join ['', [!Sub 'ghp_\${Rest}', !Select [3, ['a', 'b']]]]`,
      `Parameters:\n  Rest:\n    Type: String\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(false);
  });
});

describe('templates quoted in plain text', () => {
  const json = JSON.stringify({ 'Fn::Sub': ['ghp_${B}', { B: BODY }] });
  it.each([
    ['a README quoting JSON', 'README.md', `Set the token:\n\n    "Token": ${json}\n`],
    [
      'a fenced YAML !Sub flow list',
      'README.md',
      `Example:\n\n\`\`\`yaml\nToken: !Sub ['ghp_\${B}', { B: ${BODY} }]\n\`\`\`\n`,
    ],
    [
      'a fenced YAML !Sub block form',
      'docs/setup.md',
      `~~~\nToken: !Sub\n  - 'ghp_\${B}'\n  - B: ${BODY}\n~~~\n`,
    ],
    ['a .txt holding YAML', 'notes.txt', `Token: !Sub\n  - ghp_\${B}\n  - B: ${BODY}\n`],
    ['a fenced !Select', 'README.md', `\`\`\`\nT: !Join ['', ['ghp_', !Select [0, [${BODY}]]]]\n\`\`\`\n`],
  ])('%s: the gate refuses it and the redactor hides it', async (_name, path, text) => {
    expect(await gateRefuses(path, text)).toBe(true);
    expect(await redactSecrets(text, path)).not.toContain(BODY);
    expect(await redactSecrets(text)).not.toContain(BODY);
  });

  it('a README with a !Sub of no secret is left as written', async () => {
    const text = "```yaml\nArn: !Sub 'arn:aws:s3:::${Bucket}/*'\n```\n";
    expect(await gateRefuses('README.md', text)).toBe(false);
    expect(await redactSecrets(text)).toBe(text);
  });
});
