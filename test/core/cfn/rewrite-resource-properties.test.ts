import { describe, expect, it } from '@jest/globals';
import { parseTemplate } from '../../../src/core/cfn/parse-template.js';
import { rewriteResourceProperties } from '../../../src/core/cfn/rewrite-resource-properties.js';

const YAML = `Resources:
  Api:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler # kept
      Code: ./src
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./child.yaml
  Other:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./other.yaml
      Parameters:
        Stage: !Ref Stage
`;

describe('rewriteResourceProperties', () => {
  it('replaces values in place, writes objects as JSON, and adds a property the resource lacks', () => {
    const result = rewriteResourceProperties(YAML, [
      { logicalId: 'Api', property: 'Code', value: { S3Bucket: 'b', S3Key: 'k.zip' } },
      { logicalId: 'Child', property: 'TemplateURL', value: 'https://s3/child' },
      { logicalId: 'Child', property: 'Parameters', value: { CodeS3Key: 'k.zip' } },
      { logicalId: 'Other', property: 'Parameters', value: { Stage: { Ref: 'Stage' }, CodeS3Key: 'k.zip' } },
    ]);
    if (!result.ok) throw new Error(result.message);
    expect(result.text).toContain('Handler: index.handler # kept');
    expect(result.text).toContain('Code: {"S3Bucket":"b","S3Key":"k.zip"}');
    const parsed = parseTemplate(result.text);
    expect(parsed.ok && parsed.template).toEqual({
      Resources: {
        Api: {
          Type: 'AWS::Lambda::Function',
          Properties: { Handler: 'index.handler', Code: { S3Bucket: 'b', S3Key: 'k.zip' } },
        },
        Child: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: { TemplateURL: 'https://s3/child', Parameters: { CodeS3Key: 'k.zip' } },
        },
        Other: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: {
            TemplateURL: './other.yaml',
            Parameters: { Stage: { Ref: 'Stage' }, CodeS3Key: 'k.zip' },
          },
        },
      },
    });
  });

  it('refuses a resource without Properties and a value given through an alias', () => {
    expect(
      rewriteResourceProperties('Resources:\n  A:\n    Type: AWS::SNS::Topic\n', [
        { logicalId: 'A', property: 'X', value: 1 },
      ]).ok,
    ).toBe(false);
    const aliased = `Metadata:\n  C: &c ./src\nResources:\n  A:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: *c\n`;
    expect(
      rewriteResourceProperties(aliased, [{ logicalId: 'A', property: 'Code', value: 's3://b/k' }]).ok,
    ).toBe(false);
  });
});
