import { describe, expect, it } from '@jest/globals';
import { subParts, templateReferences } from '../../../src/core/cfn/template-references.js';

describe('templateReferences', () => {
  it('reads Ref, Fn::Sub placeholders (both forms), Fn::GetAtt, conditions and mappings', () => {
    const value = {
      A: { Ref: 'Param' },
      B: { 'Fn::Sub': 'x-${Name}-${Bucket.Arn}-${!Escaped}-${AWS::Region}' },
      C: { 'Fn::Sub': ['${Local}-${Other}', { Local: { Ref: 'FromMap' } }] },
      D: { 'Fn::GetAtt': ['Table', 'Arn'] },
      E: { 'Fn::If': ['IsProd', { 'Fn::FindInMap': ['Sizes', { Ref: 'AWS::Region' }, 'big'] }, 1] },
      F: { 'Fn::ImportValue': { 'Fn::Sub': '${Stack}-export' } },
      G: { 'Fn::FindInMap': [{ Ref: 'Which' }, 'a', 'b'] },
    };
    expect(templateReferences(value)).toEqual([
      { kind: 'name', name: 'Param' },
      { kind: 'name', name: 'Name' },
      { kind: 'attribute', resource: 'Bucket', text: 'Bucket.Arn' },
      { kind: 'name', name: 'AWS::Region' },
      { kind: 'name', name: 'Other' },
      { kind: 'name', name: 'FromMap' },
      { kind: 'attribute', resource: 'Table', text: '["Table","Arn"]' },
      { kind: 'condition', name: 'IsProd' },
      { kind: 'mapping', name: 'Sizes' },
      { kind: 'name', name: 'AWS::Region' },
      { kind: 'name', name: 'Stack' },
      { kind: 'mapping', name: undefined },
      { kind: 'name', name: 'Which' },
    ]);
  });

  it('a macro (Fn::Transform) is a reference of its own kind: its output is not in the template', () => {
    expect(templateReferences({ 'Fn::Transform': { Name: 'M', Parameters: {} } })).toEqual([
      { kind: 'transform' },
    ]);
  });
});

describe('subParts', () => {
  it('splits literal text, escapes, variables of the map and references, names trimmed', () => {
    expect(subParts(['a${!b}c${ V }${P}', { V: 1 }])).toEqual({
      text: 'a${!b}c${ V }${P}',
      parts: [
        { literal: 'a' },
        { literal: '${b}' },
        { literal: 'c' },
        { variable: 'V', value: 1 },
        { literal: '' },
        { reference: { kind: 'name', name: 'P' } },
        { literal: '' },
      ],
    });
  });

  it('is undefined for a text that is not a string', () => {
    expect(subParts([{ Ref: 'X' }, {}])).toBeUndefined();
    expect(subParts(3)).toBeUndefined();
  });
});
