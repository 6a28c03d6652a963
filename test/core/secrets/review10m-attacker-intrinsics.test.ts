/**
 * Attacker pass (review #10m) on secrets split by CloudFormation intrinsics
 * (src/core/secrets/literal-intrinsic-contexts.ts, read by redactInContext for the secrets gate
 * `findFileSecrets` and the redactor `redactSecrets`). The README says every value CloudFormation
 * assembles from literals before a stack sees it is read, and lists Fn::Join, Fn::Select of a
 * literal list, Fn::Sub and Ref to a parameter's Default. The model (the attacker here) has other
 * intrinsics that are just as literal: Fn::FindInMap over the template's own Mappings, Fn::Split
 * of a literal (as Join's list or Select's list), Fn::If whose branches are literals, a Select
 * whose index is a Ref to a Default, and a CommaDelimitedList parameter's Default used as a list.
 * Each assembled a GitHub token the stack gets, while the gate passed the file; all are now
 * refused (literalIntrinsicContexts evaluates every literal intrinsic as bounded candidates).
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

const MAPPINGS = `Mappings:\n  Tokens:\n    Gh:\n      Rest: ${BODY}\n`;

describe('review10m attacker: literal intrinsics the reading left out (fixed: read as candidates)', () => {
  it("!Join of ghp_ and !FindInMap over the template's own Mappings is refused", async () => {
    const template = lambdaWith(`!Join ['', ['ghp_', !FindInMap [Tokens, Gh, Rest]]]`, MAPPINGS);
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('the same FindInMap join is redacted by the redactor', async () => {
    const template = lambdaWith(`!Join ['', ['ghp_', !FindInMap [Tokens, Gh, Rest]]]`, MAPPINGS);
    expect(await redactSecrets(template, 'template.yaml')).not.toContain(BODY);
  });

  it('!Sub ghp_${R} with R a FindInMap in its variable map is refused', async () => {
    const template = lambdaWith(`!Sub ['ghp_\${R}', {R: !FindInMap [Tokens, Gh, Rest]}]`, MAPPINGS);
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('!Join over !Split of one literal (the comma removed) is refused', async () => {
    const template = lambdaWith(`!Join ['', !Split [',', 'ghp_${HEAD},${TAIL}']]`);
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('!Select of a piece of a literal !Split, joined to ghp_, is refused (JSON too)', async () => {
    const yaml = lambdaWith(`!Join ['', ['ghp_', !Select [1, !Split [',', 'x,${BODY}']]]]`);
    expect(await gateRefuses('template.yaml', yaml)).toBe(true);
    const json = JSON.stringify({
      Resources: {
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Environment: {
              Variables: {
                TOKEN: {
                  'Fn::Join': ['', ['ghp_', { 'Fn::Select': [1, { 'Fn::Split': [',', `x,${BODY}`] }] }]],
                },
              },
            },
          },
        },
      },
    });
    expect(await gateRefuses('template.json', json)).toBe(true);
  });

  it('!If whose branches are literals (condition !Equals [a, a]) in a join: ghp_ + the rest is refused', async () => {
    const template = lambdaWith(
      `!Join ['', ['ghp_', !If [Always, '${BODY}', 'x']]]`,
      `Conditions:\n  Always: !Equals [a, a]\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('!Select whose index is !Ref to a parameter Default is refused', async () => {
    const template = lambdaWith(
      `!Join ['', ['ghp_', !Select [!Ref I, ['x', '${BODY}']]]]`,
      `Parameters:\n  I:\n    Type: Number\n    Default: 1\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('!Join over !Ref to a CommaDelimitedList parameter whose Default holds the halves is refused', async () => {
    const template = lambdaWith(
      `!Join ['', !Ref Parts]`,
      `Parameters:\n  Parts:\n    Type: CommaDelimitedList\n    Default: 'ghp_${HEAD},${TAIL}'\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });
});

describe('review10m attacker: literal intrinsics read (refused)', () => {
  it('!Join of ghp_ and !Ref to a parameter Default is refused', async () => {
    const template = lambdaWith(
      `!Join ['', ['ghp_', !Ref Rest]]`,
      `Parameters:\n  Rest:\n    Type: String\n    Default: ${BODY}\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('long-form Fn::Sub with a two-variable map is refused', async () => {
    const template = lambdaWith(
      `\n            Fn::Sub:\n              - 'ghp_\${A}\${B}'\n              - A: ${HEAD}\n                B: ${TAIL}`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('!Select with a quoted string index is refused', async () => {
    const template = lambdaWith(`!Join ['', ['ghp_', !Select ['1', ['x', '${BODY}']]]]`);
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('a !Sub nested in another !Sub map is refused', async () => {
    const template = lambdaWith(`!Sub ['\${P}\${Q}', {P: !Sub ['ghp_\${H}', {H: '${HEAD}'}], Q: '${TAIL}'}]`);
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });
});
