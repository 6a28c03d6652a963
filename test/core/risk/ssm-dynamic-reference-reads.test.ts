// `{{resolve:ssm:<name>}}` reads a Parameter Store parameter when the stack is deployed: a public
// `/aws/service/…` parameter is AWS's, published to every account (reading it copies nothing out,
// as for an `AWS::SSM::Parameter::Value<…>` parameter's Default); a parameter the template itself
// makes may not exist yet when CloudFormation resolves the reference, so it is no exception.
import { describe, expect, it } from '@jest/globals';
import { reasonsOf, riskOf } from './risk-of.js';

const topic = (DisplayName: unknown) => ({ Type: 'AWS::SNS::Topic', Properties: { DisplayName } });
const REGION_NAME = '/aws/service/global-infrastructure/regions/us-east-1/longName';
const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

describe('ssm dynamic references to public /aws/service parameters', () => {
  it('a public parameter read into a topic name is low', () => {
    expect(riskOf({ Resources: { T: topic(`{{resolve:ssm:${REGION_NAME}}}`) } })).toEqual({
      level: 'low',
      reasons: [],
    });
  });

  it('a public parameter with a version is low', () => {
    expect(riskOf({ Resources: { T: topic(`{{resolve:ssm:${REGION_NAME}:3}}`) } }).level).toBe('low');
  });

  it('a public parameter read as an output is low, as for a Parameter Store parameter type', () => {
    const body = {
      Parameters: { Zones: { Type: 'AWS::SSM::Parameter::Value<String>', Default: REGION_NAME } },
      Resources: { T: topic('x') },
      Outputs: { Name: { Value: `{{resolve:ssm:${REGION_NAME}}}` }, Zones: { Value: { Ref: 'Zones' } } },
    };
    expect(reasonsOf(body)).toEqual([]);
  });

  it('an instance booting Amazon Linux by {{resolve:ssm:…}} has no data-egress (the image is judged on its own)', () => {
    const reasons = reasonsOf({
      Resources: {
        I: {
          Type: 'AWS::EC2::Instance',
          Properties: {
            ImageId: `{{resolve:ssm:${AL2023}}}`,
            InstanceType: 't3.micro',
            SubnetId: 'subnet-1',
          },
        },
      },
    });
    expect(reasons.filter((reason) => reason.startsWith('data-egress'))).toEqual([]);
    expect(reasons.filter((reason) => reason.includes('ImageId'))).toEqual([]);
  });

  it.each([
    ['a private parameter', '{{resolve:ssm:/prod/db-url}}'],
    ['a public-looking name in another case', '{{resolve:ssm:/AWS/service/x}}'],
    ['ssm-secure under /aws/service', '{{resolve:ssm-secure:/aws/service/x}}'],
    ['a name with a computed part', { 'Fn::Sub': '{{resolve:ssm:/aws/service/${Env}}}' }],
  ])('%s stays data-egress', (_name, value) => {
    expect(reasonsOf({ Parameters: { Env: { Type: 'String' } }, Resources: { T: topic(value) } })).toEqual([
      'data-egress Resources.T.Properties.DisplayName',
    ]);
  });
});

describe('ssm dynamic references to a parameter the template makes', () => {
  const body = {
    Resources: {
      P: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/orders/stage', Type: 'String', Value: 'v2' } },
      T: topic('{{resolve:ssm:/orders/stage}}'),
    },
  };

  it('is data-egress, saying it may be resolved before the parameter exists', () => {
    expect(riskOf(body).reasons).toEqual([
      expect.objectContaining({
        code: 'data-egress',
        where: 'infra/template.json#Resources.T.Properties.DisplayName',
        message: expect.stringContaining('may resolve the reference before that parameter exists'),
      }),
    ]);
  });
});
