import { levelOnceReviewed, QUEUE, reasonsOf, riskOf } from './risk-of.js';

const admin = 'arn:aws:iam::123456789012:role/OrganizationAccountAccessRole';

describe('an IAM role or instance profile the template does not make is high wherever it is given', () => {
  it.each([
    [
      'an API Gateway v2 integration (CredentialsArn)',
      {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: { ApiId: { Ref: 'Api' }, IntegrationType: 'AWS_PROXY', CredentialsArn: admin },
      },
      'Properties.CredentialsArn',
    ],
    [
      'an API Gateway authorizer (AuthorizerCredentials)',
      {
        Type: 'AWS::ApiGateway::Authorizer',
        Properties: { RestApiId: 'a', Type: 'TOKEN', AuthorizerCredentials: admin },
      },
      'Properties.AuthorizerCredentials',
    ],
    [
      'a launch template instance profile by name (LaunchTemplateData.IamInstanceProfile.Name)',
      {
        Type: 'AWS::EC2::LaunchTemplate',
        Properties: { LaunchTemplateData: { IamInstanceProfile: { Name: 'AdminProfile' } } },
      },
      'Properties.LaunchTemplateData.IamInstanceProfile.Name',
    ],
    [
      'a Cognito identity pool handing a role to unauthenticated users (Roles.unauthenticated)',
      {
        Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
        Properties: { IdentityPoolId: 'eu-west-1:x', Roles: { unauthenticated: admin } },
      },
      'Properties.Roles.unauthenticated',
    ],
    [
      'a Redshift cluster role from a parameter (IamRoles[0])',
      {
        Type: 'AWS::Redshift::Cluster',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { IamRoles: [{ Ref: 'RoleArn' }] },
      },
      'Properties.IamRoles[0]',
    ],
    [
      'an Elastic Beanstalk option (OptionName IamInstanceProfile)',
      {
        Type: 'AWS::ElasticBeanstalk::Environment',
        Properties: {
          ApplicationName: 'app',
          OptionSettings: [
            {
              Namespace: 'aws:autoscaling:launchconfiguration',
              OptionName: 'IamInstanceProfile',
              Value: 'AdminProfile',
            },
          ],
        },
      },
      'Properties.OptionSettings[0].Value',
    ],
    [
      'a role ARN built with Fn::Sub under any other name (OpenSearch master user)',
      {
        Type: 'AWS::OpenSearchService::Domain',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          AdvancedSecurityOptions: {
            MasterUserOptions: { MasterUserARN: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/Admin' } },
          },
        },
      },
      'Properties.AdvancedSecurityOptions.MasterUserOptions.MasterUserARN',
    ],
  ])('%s', (_name, resource, where) => {
    // The HTTP API the integration attaches to is the template's own (an existing one is high too).
    const api = { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'HTTP' } };
    const body = { Parameters: { RoleArn: { Type: 'String' } }, Resources: { Api: api, It: resource } };
    expect(reasonsOf(body)).toEqual([`unseen-effect Resources.It.${where}`]);
  });

  it('says which property hands the role over', () => {
    const [reason] = riskOf({
      Resources: {
        Rule: {
          Type: 'AWS::Events::Rule',
          Properties: {
            Targets: [
              { Id: 't', Arn: { 'Fn::Sub': 'arn:aws:sqs:eu-west-1:${AWS::AccountId}:q' }, RoleArn: admin },
            ],
          },
        },
      },
    }).reasons;
    expect(reason).toEqual({
      code: 'unseen-effect',
      where: 'infra/template.json#Resources.Rule.Properties.Targets[0].RoleArn',
      message:
        'Rule (AWS::Events::Rule) uses an IAM role or instance profile this change does not make (RoleArn); its permissions cannot be judged.',
    });
  });

  it('a role of this template is judged where it is, and tags or variables named like a role are not roles', () => {
    expect(
      riskOf({
        Resources: {
          Queue: QUEUE,
          Rule: {
            Type: 'AWS::Events::Rule',
            Properties: {
              Targets: [
                {
                  Id: 't',
                  Arn: { 'Fn::GetAtt': ['Queue', 'Arn'] },
                  RoleArn: { 'Fn::GetAtt': ['Queue', 'Arn'] },
                },
              ],
            },
          },
          Fn: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              Role: { 'Fn::GetAtt': ['Queue', 'Arn'] },
              Environment: { Variables: { TargetRole: 'reader' } },
              Tags: [{ Key: 'Role', Value: 'web' }],
            },
          },
        },
      }).level,
    ).toBe('low');
  });

  it('a role laundered through a resource that returns a free value is high (SSM parameter, custom resource)', () => {
    const param = { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: admin } };
    expect(
      reasonsOf({
        Resources: {
          Param: param,
          Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['Param', 'Value'] } } },
        },
      }),
    ).toEqual([
      'unseen-effect Resources.Param.Properties.Value',
      'unseen-effect Resources.Fn.Properties.Role',
    ]);
    expect(
      riskOf({
        Resources: {
          Param: param,
          Thing: {
            Type: 'Custom::Thing',
            Properties: { ServiceToken: { 'Fn::GetAtt': ['Param', 'Value'] } },
          },
        },
      }).level,
    ).toBe('high');
  });

  it('a policy resource laundered through an SSM parameter value is unknown, not a name', () => {
    expect(
      reasonsOf({
        Resources: {
          Param: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: '*' } },
          Topic: { Type: 'AWS::SNS::Topic' },
          Policy: {
            Type: 'AWS::SNS::TopicPolicy',
            Properties: {
              Topics: [{ Ref: 'Topic' }],
              PolicyDocument: {
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: { AWS: { 'Fn::GetAtt': ['Param', 'Value'] } },
                    Action: 'sns:Publish',
                    Resource: { Ref: 'Topic' },
                  },
                ],
              },
            },
          },
        },
      }),
    ).toEqual([
      'resource-policy Resources.Policy.Properties.PolicyDocument',
      'unresolved-value Resources.Policy.Properties.PolicyDocument.Statement[0].Principal',
    ]);
  });
});

describe('roles in other shapes', () => {
  it('a role ARN inside a state machine definition text is high', () => {
    const definition = JSON.stringify({
      StartAt: 'A',
      States: {
        A: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:iam:createUser',
          Credentials: { RoleArn: admin },
          End: true,
        },
      },
    });
    expect(
      reasonsOf({
        Resources: {
          Queue: QUEUE,
          Sm: {
            Type: 'AWS::StepFunctions::StateMachine',
            Properties: { RoleArn: { 'Fn::GetAtt': ['Queue', 'Arn'] }, DefinitionString: definition },
          },
        },
      }),
    ).toEqual(['unseen-effect Resources.Sm.Properties.DefinitionString']);
  });

  // ECS services are not on the reviewed list: set aside, no role is found.
  it('no role at all (Ref AWS::NoValue) is low', () => {
    expect(
      levelOnceReviewed({
        Resources: {
          Svc: { Type: 'AWS::ECS::Service', Properties: { Cluster: 'c', Role: { Ref: 'AWS::NoValue' } } },
        },
      }),
    ).toBe('low');
  });
});

describe('roles hidden next to other values', () => {
  it('a role ARN on one branch of an Fn::If whose other branch is a parameter is high', () => {
    expect(
      reasonsOf({
        Parameters: { Other: { Type: 'String' } },
        Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
        Resources: {
          Domain: {
            Type: 'AWS::OpenSearchService::Domain',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {
              AdvancedSecurityOptions: {
                MasterUserOptions: { MasterUserARN: { 'Fn::If': ['C', { Ref: 'Other' }, admin] } },
              },
            },
          },
        },
      }),
    ).toEqual([
      'unseen-effect Resources.Domain.Properties.AdvancedSecurityOptions.MasterUserOptions.MasterUserARN.Fn::If[2]',
    ]);
  });

  it('a mapping that has a Statement beside role properties is still read', () => {
    expect(
      reasonsOf({
        Resources: {
          Rule: {
            Type: 'AWS::Events::Rule',
            Properties: {
              Targets: [
                {
                  Id: 't',
                  Arn: { 'Fn::Sub': 'arn:aws:sqs:eu-west-1:${AWS::AccountId}:q' },
                  RoleArn: admin,
                  Statement: [],
                },
              ],
            },
          },
        },
      }),
    ).toEqual([
      'unseen-effect Resources.Rule.Properties.Targets[0].RoleArn',
      // An existing queue of this account, which the template does not make (review #9f).
      'unseen-effect Resources.Rule.Properties.Targets[0].Arn',
      // `Statement` is no property of a rule target the classifier has reviewed.
      'unseen-effect Resources.Rule.Properties.Targets[0].Statement',
    ]);
  });
});
