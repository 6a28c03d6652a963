import { parseTemplate } from '../../../src/core/cfn/parse-template.js';
import type { TemplateParseResult } from '../../../src/core/cfn/parse-template.js';
import { ordersApiYaml, queueJson } from './template-fixtures.js';

function parsedBody(result: TemplateParseResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected the template to parse, got: ${result.message}`);
  return result.template as Record<string, unknown>;
}

function parsedValue(yaml: string): unknown {
  return parsedBody(parseTemplate(`Value: ${yaml}\n`))['Value'];
}

describe('parseTemplate', () => {
  it.each([
    ['!Ref Bucket', { Ref: 'Bucket' }],
    ['!Condition IsProd', { Condition: 'IsProd' }],
    ['!Sub "arn:${AWS::Partition}:s3:::${Bucket}"', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}' }],
    ['!Sub ["${Name}-x", { Name: !Ref Base }]', { 'Fn::Sub': ['${Name}-x', { Name: { Ref: 'Base' } }] }],
    ['!GetAtt Table.Arn', { 'Fn::GetAtt': ['Table', 'Arn'] }],
    ['!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
    ['!GetAtt [Table, StreamArn]', { 'Fn::GetAtt': ['Table', 'StreamArn'] }],
    ['!Join ["", [a, !Ref B]]', { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }],
    ['!Select [1, !GetAZs ""]', { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] }],
    ['!Split [",", !ImportValue Shared]', { 'Fn::Split': [',', { 'Fn::ImportValue': 'Shared' }] }],
    ['!If [IsProd, 3, !Ref AWS::NoValue]', { 'Fn::If': ['IsProd', 3, { Ref: 'AWS::NoValue' }] }],
    ['!Equals [!Ref Env, prod]', { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    [
      '!Or [!Condition A, !Not [!Condition B]]',
      { 'Fn::Or': [{ Condition: 'A' }, { 'Fn::Not': [{ Condition: 'B' }] }] },
    ],
    ['!FindInMap [Map, !Ref AWS::Region, Ami]', { 'Fn::FindInMap': ['Map', { Ref: 'AWS::Region' }, 'Ami'] }],
    ['!Base64 hello', { 'Fn::Base64': 'hello' }],
    ['!Cidr [10.0.0.0/16, 4, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    [
      '!Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }',
      { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } },
    ],
  ])('turns %s into its long form', (yaml, expected) => {
    expect(parsedValue(yaml)).toEqual(expected);
  });

  it('reads a block-style !Sub with a variable map', () => {
    const value = parsedValue('!Sub\n  - "${A}-${!Literal}"\n  - A: !Ref B');
    expect(value).toEqual({ 'Fn::Sub': ['${A}-${!Literal}', { A: { Ref: 'B' } }] });
  });

  it('parses a whole YAML template and says it was YAML', () => {
    const result = parseTemplate(ordersApiYaml);
    expect(result.ok && result.format).toBe('yaml');
    const resources = parsedBody(result)['Resources'] as Record<
      string,
      { Properties: Record<string, unknown> }
    >;
    expect(resources['OrdersFunction']?.Properties['Role']).toEqual({ 'Fn::GetAtt': ['OrdersRole', 'Arn'] });
  });

  it('parses a JSON template and says it was JSON', () => {
    const result = parseTemplate(queueJson);
    expect(result.ok && result.format).toBe('json');
    expect(Object.keys(parsedBody(result)['Resources'] as object)).toEqual(['Queue', 'QueuePolicy']);
  });

  it('gives the line of a YAML syntax error', () => {
    const text =
      'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: x\n  Other: 1\n';
    const result = parseTemplate(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.format).toBe('yaml');
    expect(result.position?.line).toBeGreaterThanOrEqual(4);
    expect(result.message).not.toMatch(/\n/);
  });

  it('gives the exact line and column of a bad indentation', () => {
    const text = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n   Properties: {}\n';
    const result = parseTemplate(text);
    expect(result).toMatchObject({ ok: false, format: 'yaml', position: { line: 4 } });
  });

  it('rejects an unknown short-form tag, which CloudFormation would also reject', () => {
    const result = parseTemplate('Resources:\n  A:\n    Type: !Reff Thing\n');
    expect(result).toMatchObject({ ok: false, position: { line: 3, column: 11 } });
    expect(!result.ok && result.message).toContain('!Reff');
  });

  it('rejects duplicate keys', () => {
    const result = parseTemplate(
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::S3::Bucket\n',
    );
    expect(result).toMatchObject({ ok: false, position: { line: 4 } });
  });

  it('gives the line and column of a JSON syntax error', () => {
    const result = parseTemplate('{\n  "Resources": {\n    "A": { "Type": "AWS::S3::Bucket", }\n  }\n}\n');
    expect(result).toMatchObject({ ok: false, format: 'json', position: { line: 3, column: 39 } });
  });

  it('does not let aliases explode', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'.split('').map((name, index) => {
        const previous = 'abcdefghij'[index] ?? 'a';
        return `${name}: &${name} [*${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}]`;
      }),
    ].join('\n');
    expect(parseTemplate(bomb)).toMatchObject({ ok: false, message: expect.stringMatching(/alias/i) });
  });
});
