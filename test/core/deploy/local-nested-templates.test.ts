import { describe, expect, it } from '@jest/globals';
import { localNestedTemplates } from '../../../src/core/deploy/local-nested-templates.js';

const stack = (location: unknown) => ({
  Type: 'AWS::CloudFormation::Stack',
  Properties: { TemplateURL: location },
});

describe('localNestedTemplates', () => {
  it('finds the nested stacks whose template is a file, resolved from the template folder', () => {
    const template = {
      Resources: {
        Local: stack('./nested/network.yaml'),
        Up: stack('../shared/db.yaml'),
        Outside: stack('../../../etc/passwd'),
        Absolute: stack('/tmp/x.yaml'),
        Remote: stack('https://s3.amazonaws.com/bucket/x.yaml'),
        S3: stack('s3://bucket/x.yaml'),
        Computed: stack({ 'Fn::Sub': 'https://${Bucket}.s3.amazonaws.com/x.yaml' }),
        Sar: {
          Type: 'AWS::Serverless::Application',
          Properties: {
            Location: { ApplicationId: 'arn:aws:serverlessrepo:::applications/x', SemanticVersion: '1.0.0' },
          },
        },
        App: { Type: 'AWS::Serverless::Application', Properties: { Location: 'apps/payments.yaml' } },
        Bucket: { Type: 'AWS::S3::Bucket', Properties: { TemplateURL: './not-a-stack.yaml' } },
      },
    };
    expect(localNestedTemplates({ templatePath: 'services/orders/template.yaml', template })).toEqual([
      {
        logicalId: 'Local',
        type: 'AWS::CloudFormation::Stack',
        property: 'TemplateURL',
        location: './nested/network.yaml',
        path: 'services/orders/nested/network.yaml',
      },
      {
        logicalId: 'Up',
        type: 'AWS::CloudFormation::Stack',
        property: 'TemplateURL',
        location: '../shared/db.yaml',
        path: 'services/shared/db.yaml',
      },
      {
        logicalId: 'Outside',
        type: 'AWS::CloudFormation::Stack',
        property: 'TemplateURL',
        location: '../../../etc/passwd',
        path: undefined,
      },
      {
        logicalId: 'Absolute',
        type: 'AWS::CloudFormation::Stack',
        property: 'TemplateURL',
        location: '/tmp/x.yaml',
        path: undefined,
      },
      {
        logicalId: 'App',
        type: 'AWS::Serverless::Application',
        property: 'Location',
        location: 'apps/payments.yaml',
        path: 'services/orders/apps/payments.yaml',
      },
    ]);
  });
});
