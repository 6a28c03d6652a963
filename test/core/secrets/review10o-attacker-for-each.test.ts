/**
 * Attacker pass (review #10o) on the secrets gate's reading of the `AWS::LanguageExtensions`
 * transform's `Fn::ForEach` (src/core/secrets/literal-intrinsic-contexts.ts `expandForEach`,
 * landed last session: the fragment walked once per item of a literal collection or a list
 * parameter's `Default`, the identifier bound in `Fn::Sub` and `Ref`). Tried past review10n's
 * single loop: loops nested in loops (the outer identifier inside the inner fragment, AWS's own
 * *Replicate resources in a nested loop* example), a collection built by `Fn::Split` of a literal,
 * the identifier reaching a `Fn::Join` by `Ref`, and a `Fn::Sub` variable map fed by the
 * identifier. The identifier in a mapping key (`Fn::FindInMap [M, !Ref X, K]`) is a known open
 * item of last session and not re-tried. A fault is `it.failing` asserting the right answer; an
 * attack refused is an ordinary test.
 */
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';

const HEAD = 'aBcDeFgHiJkLmNoPqR';
const TAIL = 'sTuVwXyZ0123456789';

async function gateRefuses(content: string): Promise<boolean> {
  const found = await findFileSecrets({ path: 'template.yaml', content });
  return found.asWritten.length + found.hidden.length > 0;
}

const loop = (collection: string, fragmentValue: string) =>
  [
    'Transform: AWS::LanguageExtensions',
    'Resources:',
    '  Fn::ForEach::Functions:',
    '    - Part',
    `    - ${collection}`,
    '    - Fn&{Part}:',
    '        Type: AWS::Lambda::Function',
    '        Properties:',
    '          Environment:',
    '            Variables:',
    `              TOKEN: ${fragmentValue}`,
    '',
  ].join('\n');

describe('review10o attacker: Fn::ForEach forms past one loop (refused)', () => {
  it('nested loops, the outer identifier and the inner one joined in !Sub ghp_${Outer}${Inner}, are refused', async () => {
    const template = [
      'Transform: AWS::LanguageExtensions',
      'Resources:',
      '  Fn::ForEach::Outer:',
      '    - Head',
      `    - ['${HEAD}']`,
      '    - Fn::ForEach::Inner:',
      '        - Tail',
      `        - ['${TAIL}']`,
      '        - Fn&{Head}&{Tail}:',
      '            Type: AWS::Lambda::Function',
      '            Properties:',
      '              Environment:',
      '                Variables:',
      "                  TOKEN: !Sub 'ghp_${Head}${Tail}'",
      '',
    ].join('\n');
    expect(await gateRefuses(template)).toBe(true);
  });

  it('a collection made by !Split of a literal, its item in !Sub ghp_${Part}, is refused', async () => {
    expect(await gateRefuses(loop(`!Split [',', 'x,${HEAD}${TAIL}']`, "!Sub 'ghp_${Part}'"))).toBe(true);
  });

  it('the identifier reaching !Join by Ref is refused', async () => {
    expect(await gateRefuses(loop(`['${HEAD}${TAIL}']`, "!Join ['', ['ghp_', !Ref Part]]"))).toBe(true);
  });

  it('the identifier feeding a !Sub variable map is refused', async () => {
    expect(await gateRefuses(loop(`['${TAIL}']`, `!Sub ['ghp_${HEAD}\${Rest}', { Rest: !Ref Part }]`))).toBe(
      true,
    );
  });

  it('a collection from a CommaDelimitedList parameter, one item picked by !Select inside the loop, is refused', async () => {
    const template = [
      'Transform: AWS::LanguageExtensions',
      'Parameters:',
      '  Parts:',
      '    Type: CommaDelimitedList',
      `    Default: 'ghp_${HEAD},${TAIL}'`,
      'Resources:',
      '  Fn::ForEach::Functions:',
      '    - Env',
      '    - [Staging]',
      '    - Fn&{Env}:',
      '        Type: AWS::Lambda::Function',
      '        Properties:',
      '          Environment:',
      '            Variables:',
      "              TOKEN: !Join ['', [!Select [0, !Ref Parts], !Select [1, !Ref Parts]]]",
      '',
    ].join('\n');
    expect(await gateRefuses(template)).toBe(true);
  });
});
