// Attacker pass 9p (test-only) on templateReferences/subParts (src/core/cfn/template-references.ts),
// which the setting-source fingerprint (setting-source.ts) reads: a reference it misses would let a
// parameter, condition or mapping change under an identical setting text. Attacked: `${!Literal}`
// beside a pseudo parameter, an Fn::Sub inside a variable map, a computed Fn::GetAtt, dotted
// attributes, spaces inside `${ }`, Fn::FindInMap's DefaultValue (AWS::LanguageExtensions), a map
// variable shadowing a parameter, `$${Name}` (no escape), conditions inside Fn::And. All held.
import { describe, expect, it } from '@jest/globals';
import { templateReferences } from '../../../src/core/cfn/template-references.js';

describe('templateReferences finds what a value reads (refused attacks)', () => {
  it.each([
    [
      '`${!Literal}` is text, `${AWS::Region}` a name',
      { 'Fn::Sub': 'arn:${!Literal}:${AWS::Region}' },
      ['AWS::Region'],
    ],
    [
      'an Fn::Sub inside a variable map',
      { 'Fn::Sub': ['${A}-${B}', { A: { 'Fn::Sub': '${Days}' } }] },
      ['B', 'Days'],
    ],
    ['a computed Fn::GetAtt', { 'Fn::GetAtt': ['Res', { Ref: 'Attr' }] }, ['Res', 'Attr']],
    ['a dotted Fn::GetAtt string', { 'Fn::GetAtt': 'Db.Endpoint.Port' }, ['Db']],
    ['a dotted Fn::Sub attribute', { 'Fn::Sub': '${Db.Endpoint.Port}' }, ['Db']],
    ['spaces inside ${ }', { 'Fn::Sub': '${ Days }' }, ['Days']],
    [
      "Fn::FindInMap's DefaultValue",
      { 'Fn::FindInMap': ['M', { Ref: 'Env' }, 'k', { DefaultValue: { Ref: 'Days' } }] },
      ['M', 'Env', 'Days'],
    ],
    ['a map variable shadowing a parameter', { 'Fn::Sub': ['${Days}', { Days: 7 }] }, []],
    ['a map variable reading a parameter', { 'Fn::Sub': ['${X}', { X: { Ref: 'Days' } }] }, ['Days']],
    ['$${Name} (no escape in Fn::Sub)', { 'Fn::Sub': '$${Days}' }, ['Days']],
    [
      'a condition inside Fn::And',
      { 'Fn::And': [{ Condition: 'A' }, { 'Fn::Equals': [{ Ref: 'P' }, 'x'] }] },
      ['A', 'P'],
    ],
  ])('%s', (_, value, names) => {
    const found = templateReferences(value).map((reference) =>
      reference.kind === 'attribute'
        ? reference.resource
        : 'name' in reference
          ? reference.name
          : reference.kind,
    );
    expect(found).toEqual(names);
  });
});
