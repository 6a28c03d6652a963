/**
 * Attacker pass (review #10n) on secrets assembled by CloudFormation intrinsics
 * (src/core/secrets/literal-intrinsic-contexts.ts, read by the secrets gate `findFileSecrets` and
 * the redactor `redactSecrets`). Tried past review10m: a parameter `Default` written as a YAML
 * number (CloudFormation takes it as the string of its digits), the `AWS::LanguageExtensions`
 * transform's `Fn::ForEach` (its identifier substituted into `Fn::Sub` and `&{}` keys), YAML
 * double-quoted escapes, and the MAX_CANDIDATES bound (past it the reading must fail closed). A
 * fault is `it.failing` asserting the right answer; an attack refused is an ordinary test.
 */
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';

/** A token body whose last ten characters are digits, so a number can carry them. */
const HEAD = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ';
const DIGITS = '1234567890';
const BODY = `${HEAD}${DIGITS}`;

async function gateRefuses(path: string, content: string): Promise<boolean> {
  const found = await findFileSecrets({ path, content });
  return found.asWritten.length + found.hidden.length > 0;
}

const lambdaWith = (variables: string, more = '') =>
  `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          TOKEN: ${variables}\n${more}`;

describe('review10n attacker: literals the intrinsic reading does not take', () => {
  it('!Join of ghp_… and !Ref to a parameter whose Default is a YAML number is refused', async () => {
    const template = lambdaWith(
      `!Join ['', ['ghp_${HEAD}', !Ref Tail]]`,
      `Parameters:\n  Tail:\n    Type: String\n    Default: ${DIGITS}\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('!Sub ghp_…${Tail} with Tail a parameter whose Default is a JSON number is refused', async () => {
    const template = JSON.stringify({
      Parameters: { Tail: { Type: 'String', Default: Number(DIGITS) } },
      Resources: {
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: { Environment: { Variables: { TOKEN: { 'Fn::Sub': `ghp_${HEAD}\${Tail}` } } } },
        },
      },
    });
    expect(await gateRefuses('template.json', template)).toBe(true);
  });

  it('Fn::ForEach over a literal list, its identifier in !Sub ghp_${Part}, is refused', async () => {
    const template = [
      'Transform: AWS::LanguageExtensions',
      'Resources:',
      '  Fn::ForEach::Functions:',
      '    - Part',
      `    - ['${BODY}']`,
      '    - Fn&{Part}:',
      '        Type: AWS::Lambda::Function',
      '        Properties:',
      '          Environment:',
      '            Variables:',
      "              TOKEN: !Sub 'ghp_${Part}'",
      '',
    ].join('\n');
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });
});

describe('review10n attacker: intrinsic readings (refused)', () => {
  it('!Join of ghp_… and a number item in the list is refused', async () => {
    expect(await gateRefuses('template.yaml', lambdaWith(`!Join ['', ['ghp_${HEAD}', ${DIGITS}]]`))).toBe(
      true,
    );
  });

  it('!Join of ghp_… and !FindInMap to a number in Mappings is refused', async () => {
    const template = lambdaWith(
      `!Join ['', ['ghp_${HEAD}', !FindInMap [M, K, Tail]]]`,
      `Mappings:\n  M:\n    K:\n      Tail: ${DIGITS}\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('a YAML double-quoted \\x escape spelling ghp_ is refused', async () => {
    expect(await gateRefuses('template.yaml', lambdaWith(`"\\x67hp_${BODY}"`))).toBe(true);
  });

  it('a YAML double-quoted string continued over an escaped line break is refused', async () => {
    expect(await gateRefuses('template.yaml', lambdaWith(`"ghp_${HEAD}\\\n            ${DIGITS}"`))).toBe(
      true,
    );
  });

  it('a token joined inside a !Join of more than 64 combinations (seven two-way !If) fails closed', async () => {
    const ifs = Array.from({ length: 7 }, (_, index) => `!If [C${index}, 'a', 'b']`).join(', ');
    const template = lambdaWith(`!Join ['', ['ghp_', ${ifs}, '${BODY.slice(7)}']]`);
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });
});
