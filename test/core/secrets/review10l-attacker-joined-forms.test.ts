/**
 * Attacker pass (review #10l) on joined pieces after last session's fixes
 * (src/core/secrets/quoted-piece-runs.ts, scan-joined-pieces.ts, structured-file-secrets.ts,
 * find-file-secrets.ts), as the redactor (`redactSecrets`) and the secrets gate
 * (`findFileSecrets`) read them. README: adjacent quoted pieces (`'ghp_' + '…'`), `Fn::Join`
 * lists (also with a delimiter) and `Fn::Sub` with its map's literal variables are read joined;
 * "a secret deliberately disguised (encoded, or concatenated other than as adjacent quoted pieces)
 * is not caught". The faults below are CloudFormation resolving literals the template itself
 * holds, and quoted pieces with only grouping parentheses between them; the forms the README
 * leaves out (an unquoted shell prefix, `.concat`, `%` formatting, a Dockerfile continuation,
 * `${''}` inside a template literal) are not asserted. A fault is `it.failing` asserting the
 * right answer; an attack the code refuses is an ordinary test. The faults were fixed (fix10d);
 * their tests are ordinary ones now.
 */
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';

const BODY = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const HEAD = BODY.slice(0, 18);
const TAIL = BODY.slice(18);

async function gateRefuses(path: string, content: string): Promise<boolean> {
  const found = await findFileSecrets({ path, content });
  return found.asWritten.length + found.hidden.length > 0;
}

const lambdaWith = (variables: string, more = '') =>
  `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          TOKEN: ${variables}\n${more}`;

describe('review10l attacker: literals CloudFormation resolves inside a join', () => {
  it('FAULT: !Join over a literal !Select (YAML) assembles ghp_… and passes the gate — the gate must refuse it', async () => {
    const template = lambdaWith(`!Join ['', ['ghp_', !Select [0, ['${BODY}']]]]`);
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('FAULT: the same in a JSON template (Fn::Join over Fn::Select of a literal list), and its redaction', async () => {
    const template = JSON.stringify({
      Resources: {
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Environment: {
              Variables: { TOKEN: { 'Fn::Join': ['', ['ghp_', { 'Fn::Select': [0, [BODY]] }]] } },
            },
          },
        },
      },
    });
    expect(await gateRefuses('template.json', template)).toBe(true);
    expect(await redactSecrets(template, 'template.json')).not.toContain(BODY);
  });

  it('FAULT: !Sub ghp_${Rest} with Rest a parameter whose Default is the rest passes the gate — the stack gets the token', async () => {
    const template = lambdaWith(
      '!Sub ghp_${Rest}',
      `Parameters:\n  Rest:\n    Type: String\n    Default: ${BODY}\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });
});

describe('review10l attacker: adjacent quoted pieces with grouping parentheses', () => {
  it("FAULT: 'ghp_' + ('…') is not read joined (a parenthesised piece) — redactor and gate miss it", async () => {
    const text = `const token = 'ghp_' + ('${BODY}');\n`;
    expect(await redactSecrets(text)).not.toContain(BODY);
    expect(await gateRefuses('src/client.ts', text)).toBe(true);
  });

  it("FAULT: ('ghp_' + ('…' + '…')) is not read joined either", async () => {
    const text = `const token = ('ghp_' + ('${HEAD}' + '${TAIL}'));\n`;
    expect(await redactSecrets(text)).not.toContain(TAIL);
  });
});

describe('review10l attacker: joined forms read (refused)', () => {
  it.each([
    ['a + at the start of the next line', `const t = 'ghp_${HEAD}'\n  + '${TAIL}';\n`],
    ['CRLF between pieces', `const t = 'ghp_${HEAD}' +\r\n  '${TAIL}';\r\n`],
    ['mixed quote kinds', `const t = "ghp_${HEAD}" + '${TAIL}';\n`],
    ['three pieces', `const t = 'ghp_' + '${HEAD}' + '${TAIL}';\n`],
    ['a call with the pieces as arguments', `const t = join('ghp_', '${BODY}');\n`],
    ['a Go raw string piece', 'var t = "ghp_' + HEAD + '" + `' + TAIL + '`\n'],
  ])('%s', async (_name, text) => {
    expect(await redactSecrets(text)).not.toContain(TAIL);
    expect(await gateRefuses('src/a.ts', text)).toBe(true);
  });

  it('a plain (unquoted) YAML flow !Join and a block-style !Join are refused', async () => {
    expect(await gateRefuses('template.yaml', lambdaWith(`!Join ['', [ghp_${HEAD}, ${TAIL}]]`))).toBe(true);
    const block = lambdaWith(`!Join\n            - ''\n            - - ghp_${HEAD}\n              - ${TAIL}`);
    expect(await gateRefuses('template.yaml', block)).toBe(true);
  });

  it('a nested !Join of literals is refused', async () => {
    expect(
      await gateRefuses('template.yaml', lambdaWith(`!Join ['', [!Join ['', ['gh', 'p_']], '${BODY}']]`)),
    ).toBe(true);
  });

  it("a YAML double-quoted escaped line break and shell's adjacent quotes are refused", async () => {
    expect(await gateRefuses('config.yaml', `token: "ghp_${HEAD}\\\n  ${TAIL}"\n`)).toBe(true);
    expect(await gateRefuses('deploy.sh', `TOKEN="ghp_"'${BODY}'\n`)).toBe(true);
  });
});
