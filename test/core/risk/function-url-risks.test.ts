import { reasonsOf } from './risk-of.js';

const url = (authType: unknown) => ({
  Type: 'AWS::Lambda::Url',
  Properties: {
    AuthType: authType,
    TargetFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:payments',
  },
});

describe('Lambda function URLs', () => {
  it('AuthType NONE, written or on one branch of Fn::If, is a public URL', () => {
    for (const authType of ['NONE', { 'Fn::If': ['IsOpen', 'NONE', 'AWS_IAM'] }])
      expect(
        reasonsOf({
          Conditions: { IsOpen: { 'Fn::Equals': ['a', 'a'] } },
          Resources: { Url: url(authType) },
        }),
      ).toEqual([
        'broad-lambda-permission Resources.Url.Properties.AuthType',
        'unseen-effect Resources.Url.Properties.TargetFunctionArn',
      ]);
  });

  it('an auth type from a parameter is treated as public', () => {
    expect(
      reasonsOf({ Parameters: { Auth: { Type: 'String' } }, Resources: { Url: url({ Ref: 'Auth' }) } }),
    ).toEqual([
      'unresolved-value Resources.Url.Properties.AuthType',
      'unseen-effect Resources.Url.Properties.TargetFunctionArn',
    ]);
  });

  it('AWS_IAM is not public: only the existing function it attaches to is a reason', () => {
    expect(reasonsOf({ Resources: { Url: url('AWS_IAM') } })).toEqual([
      'unseen-effect Resources.Url.Properties.TargetFunctionArn',
    ]);
  });

  it("a SAM function's FunctionUrlConfig with AuthType NONE says so", () => {
    expect(
      reasonsOf({
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          Fn: {
            Type: 'AWS::Serverless::Function',
            Properties: {
              Runtime: 'nodejs22.x',
              Handler: 'index.handler',
              FunctionUrlConfig: { AuthType: 'NONE' },
            },
          },
        },
      }),
    ).toEqual([
      'implicit-iam-role Resources.Fn',
      'broad-lambda-permission Resources.Fn.Properties.FunctionUrlConfig.AuthType',
    ]);
  });
});

it('SAM Globals giving every function a public URL or an existing role say so where they are', () => {
  expect(
    reasonsOf({
      Transform: 'AWS::Serverless-2016-10-31',
      Globals: {
        Function: {
          FunctionUrlConfig: { AuthType: 'NONE' },
          DeploymentPreference: { Type: 'AllAtOnce', Role: 'arn:aws:iam::123456789012:role/Admin' },
        },
      },
      Resources: { Queue: { Type: 'AWS::SQS::Queue' } },
    }),
  ).toEqual([
    'broad-lambda-permission Globals.Function.FunctionUrlConfig.AuthType',
    'unseen-effect Globals.Function.DeploymentPreference.Role',
    // DeploymentPreference (hook functions, alarms) is not on the reviewed list for SAM functions.
    'unseen-effect Globals.Function.DeploymentPreference',
  ]);
});
