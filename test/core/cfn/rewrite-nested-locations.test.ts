import { describe, expect, it } from '@jest/globals';
import { rewriteNestedLocations } from '../../../src/core/cfn/rewrite-nested-locations.js';
import { parseTemplate } from '../../../src/core/cfn/parse-template.js';

const URL_A = 'https://s3.ap-southeast-2.amazonaws.com/acme-deployments/acme/shop/templates/aaa.yaml';
const URL_B = 'https://s3.ap-southeast-2.amazonaws.com/acme-deployments/acme/shop/templates/bbb.yaml';

const YAML = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
# The network first.
Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./network.yaml # packaged on deploy
      Parameters:
        Stage: !Ref Stage
  Payments:
    Type: AWS::Serverless::Application
    Properties: { Location: 'apps/payments.yaml', Parameters: { Name: !Sub '\${Stage}-payments' } }
`;

describe('rewriteNestedLocations', () => {
  it('replaces YAML locations where they stand, keeping comments, short-form tags and layout', () => {
    const result = rewriteNestedLocations(YAML, [
      { logicalId: 'Network', property: 'TemplateURL', url: URL_A },
      { logicalId: 'Payments', property: 'Location', url: URL_B },
    ]);
    expect(result).toEqual({
      ok: true,
      text: YAML.replace('./network.yaml', JSON.stringify(URL_A)).replace(
        "'apps/payments.yaml'",
        JSON.stringify(URL_B),
      ),
    });
  });

  it('writes a JSON template again from its parsed value with the locations replaced', () => {
    const json = JSON.stringify({
      Resources: {
        Network: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'network.json' } },
        Bucket: { Type: 'AWS::S3::Bucket' },
      },
    });
    const result = rewriteNestedLocations(json, [
      { logicalId: 'Network', property: 'TemplateURL', url: URL_A },
    ]);
    expect(result.ok).toBe(true);
    const parsed = parseTemplate(result.ok ? result.text : '');
    expect(parsed.ok && parsed.template).toEqual({
      Resources: {
        Network: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: URL_A } },
        Bucket: { Type: 'AWS::S3::Bucket' },
      },
    });
  });

  it('does not rewrite a location given through an alias', () => {
    const text = `Metadata:
  Where: &where ./network.yaml
Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: *where
`;
    const result = rewriteNestedLocations(text, [
      { logicalId: 'Network', property: 'TemplateURL', url: URL_A },
    ]);
    expect(result.ok).toBe(false);
  });

  it('does not rewrite a resource the template does not have', () => {
    const result = rewriteNestedLocations(YAML, [
      { logicalId: 'Missing', property: 'TemplateURL', url: URL_A },
    ]);
    expect(result).toMatchObject({ ok: false, message: 'a nested stack to rewrite is not in the template' });
  });
});
