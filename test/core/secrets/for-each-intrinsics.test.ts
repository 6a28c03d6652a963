/**
 * literalIntrinsicContexts expands `Fn::ForEach` (AWS::LanguageExtensions): its fragment is read
 * once per item of a literal collection (or a list parameter's Default), the identifier in
 * `Fn::Sub` and `Ref` that item, failing closed past MAX_CANDIDATES items; and a parameter two
 * documents declare is read with each document's Default.
 */
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';
import { redactInContext } from '../../../src/core/secrets/redact-in-context.js';

const BODY = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

async function gateRefuses(content: string): Promise<boolean> {
  const found = await findFileSecrets({ path: 'template.yaml', content });
  return found.asWritten.length + found.hidden.length > 0;
}

const forEach = (collection: string, token: string, more = '') =>
  [
    'Transform: AWS::LanguageExtensions',
    more,
    'Resources:',
    '  Fn::ForEach::Functions:',
    '    - Part',
    `    - ${collection}`,
    '    - Fn&{Part}:',
    '        Type: AWS::Lambda::Function',
    '        Properties:',
    '          Environment:',
    '            Variables:',
    `              TOKEN: ${token}`,
    '',
  ].join('\n');

describe('Fn::ForEach expanded', () => {
  it('a collection from a CommaDelimitedList parameter’s Default is read item by item', async () => {
    const parameters = `Parameters:\n  Parts:\n    Type: CommaDelimitedList\n    Default: 'x,${BODY}'`;
    expect(await gateRefuses(forEach('!Ref Parts', "!Sub 'ghp_${Part}'", parameters))).toBe(true);
  });

  it('the identifier read by Ref in a !Join is the item', async () => {
    expect(await gateRefuses(forEach(`['x', '${BODY}']`, "!Join ['', ['ghp_', !Ref Part]]"))).toBe(true);
  });

  it('a loop inside a loop binds both identifiers', async () => {
    const template = [
      'Transform: AWS::LanguageExtensions',
      'Resources:',
      '  Fn::ForEach::Outer:',
      '    - Head',
      `    - ['ghp_']`,
      '    - Fn::ForEach::Inner:',
      '        - Tail',
      `        - ['${BODY}']`,
      '        - Fn&{Head}&{Tail}:',
      '            Type: AWS::Lambda::Function',
      '            Properties:',
      '              Environment:',
      '                Variables:',
      "                  TOKEN: !Sub '${Head}${Tail}'",
      '',
    ].join('\n');
    expect(await gateRefuses(template)).toBe(true);
  });

  it('more than 64 items fail closed', async () => {
    const items = Array.from({ length: 65 }, (_, index) => `'i${index}'`).join(', ');
    expect(await gateRefuses(forEach(`[${items}]`, "!Sub 'name-${Part}'"))).toBe(true);
  });

  it('a loop over harmless items passes', async () => {
    expect(await gateRefuses(forEach("['Orders', 'Users']", "!Sub 'table-${Part}'"))).toBe(false);
  });
});

describe('parameters of several documents', () => {
  it('a name declared by two documents is read with each one’s Default', async () => {
    const first = { Parameters: { Rest: { Type: 'String', Default: 'x' } } };
    const second = {
      Parameters: { Rest: { Type: 'String', Default: BODY } },
      Resources: { Fn: { Properties: { TOKEN: { 'Fn::Sub': 'ghp_${Rest}' } } } },
    };
    const redacted = await redactInContext([first, second], { depth: 0, maxDepth: 128 });
    expect(JSON.stringify(redacted)).toContain('[REDACTED:github-token]');
    expect(JSON.stringify(redacted)).not.toContain(BODY);
  });
});

// Review 14b (issue #10): the identifier in a fragment's KEY (`"Bucket${Name}"`, an output's name)
// was left as written, so a token split between the key and the collection's item passed.
describe("Fn::ForEach identifiers in the fragment's keys", () => {
  const outputs = (key: string, collection: string) =>
    [
      'Transform: AWS::LanguageExtensions',
      'Resources: {}',
      'Outputs:',
      '  Fn::ForEach::Names:',
      '    - Part',
      `    - ${collection}`,
      `    - '${key}':`,
      '        Value: fixed',
      '',
    ].join('\n');

  it('${Identifier} in an output key is filled in with each item', async () => {
    expect(await gateRefuses(outputs('ghp_${Part}', `['x', '${BODY}']`))).toBe(true);
  });

  it('&{Identifier} in a resource key is filled in with an alphanumeric item', async () => {
    const template = forEach(`['x', '${BODY}']`, 'plain').replace('Fn&{Part}:', "'ghp_&{Part}':");
    expect(await gateRefuses(template)).toBe(true);
  });

  it('a key beside its string value is read as a pair', async () => {
    const pair = [
      'Transform: AWS::LanguageExtensions',
      'Resources:',
      '  Fn::ForEach::Vars:',
      '    - Part',
      "    - ['aws_secret_access_key']",
      '    - Fn:',
      '        Properties:',
      "          '${Part}': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8Lr3Tb9a'",
      '',
    ].join('\n');
    const control = pair.replace("'${Part}'", "'${Other}'");
    expect(await gateRefuses(pair)).toBe(true);
    expect(await gateRefuses(control)).toBe(false);
  });

  it('harmless keys pass, and a key outside any loop is left as written', async () => {
    expect(await gateRefuses(outputs('Bucket${Part}Arn', "['Orders', 'Users']"))).toBe(false);
    const outside = ['Resources: {}', 'Outputs:', "  'ghp_${Part}':", '    Value: fixed', ''].join('\n');
    expect(await gateRefuses(outside)).toBe(false);
  });
});
