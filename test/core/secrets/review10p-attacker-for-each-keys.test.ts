/**
 * Attacker pass (review #10p) on Fn::ForEach identifiers filled in the fragment's keys
 * (src/core/secrets/literal-intrinsic-contexts.ts, redact-in-context.ts): a token split between a
 * key deep inside the fragment (an environment variable's name) and the loop's item; the collection
 * given by `!Split` of a literal, by a `List<String>` parameter's Default, and by a mapping
 * (`!FindInMap`); the identifier in a nested loop's key; a harmless loop as control. A fault is
 * `it.failing` asserting the right answer; an attack refused is an ordinary test.
 */
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';

const BODY = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

async function gateRefuses(content: string): Promise<boolean> {
  const found = await findFileSecrets({ path: 'template.yaml', content });
  return found.asWritten.length + found.hidden.length > 0;
}

const loop = (collection: string, key: string, head = '') =>
  [
    'Transform: AWS::LanguageExtensions',
    head,
    'Resources:',
    '  Fn::ForEach::Workers:',
    '    - Part',
    `    - ${collection}`,
    '    - Worker&{Part}:',
    '        Type: AWS::Lambda::Function',
    '        Properties:',
    '          Environment:',
    '            Variables:',
    `              '${key}': enabled`,
    '',
  ].join('\n');

describe('review10p attacker: Fn::ForEach identifiers in keys deep in the fragment', () => {
  it('a token split between an environment variable’s name and the item is refused', async () => {
    expect(await gateRefuses(loop(`['x', '${BODY}']`, 'ghp_${Part}'))).toBe(true);
  });

  it('a collection given by !Split of a literal is read item by item', async () => {
    expect(await gateRefuses(loop(`!Split [',', 'x,${BODY}']`, 'ghp_${Part}'))).toBe(true);
  });

  it('a collection given by a List<String> parameter’s Default is read item by item', async () => {
    const head = `Parameters:\n  Parts:\n    Type: List<String>\n    Default: 'x,${BODY}'`;
    expect(await gateRefuses(loop('!Ref Parts', 'ghp_${Part}', head))).toBe(true);
  });

  it('a collection given by !FindInMap of a literal mapping is read item by item', async () => {
    const head = `Mappings:\n  Parts:\n    all:\n      names: ['x', '${BODY}']`;
    expect(await gateRefuses(loop('!FindInMap [Parts, all, names]', 'ghp_${Part}', head))).toBe(true);
  });

  it('the outer identifier in a nested loop’s key is filled in', async () => {
    const template = [
      'Transform: AWS::LanguageExtensions',
      'Resources:',
      '  Fn::ForEach::Outer:',
      '    - Head',
      `    - ['${BODY}']`,
      '    - Fn::ForEach::Inner:',
      '        - Env',
      "        - ['Staging']",
      '        - Worker&{Env}:',
      '            Type: AWS::Lambda::Function',
      '            Properties:',
      '              Environment:',
      '                Variables:',
      "                  'ghp_${Head}': enabled",
      '',
    ].join('\n');
    expect(await gateRefuses(template)).toBe(true);
  });

  it('a loop over harmless names in keys passes', async () => {
    expect(await gateRefuses(loop("['Orders', 'Billing']", 'FEATURE_${Part}'))).toBe(false);
  });
});
