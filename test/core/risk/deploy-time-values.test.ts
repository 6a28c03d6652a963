import { reasonsOf, riskOf } from './risk-of.js';

describe('values replaced at deploy time are unknown, and unknown counts as high', () => {
  it.each([
    [
      'a function URL auth type from Parameter Store',
      {
        Type: 'AWS::Lambda::Url',
        Properties: {
          AuthType: '{{resolve:ssm:/app/auth}}',
          TargetFunctionArn: 'arn:aws:lambda:eu-west-1:1:function:f',
        },
      },
      // The function is an existing one too: its URL attaches to what this template does not make.
      [
        'unresolved-value Resources.It.Properties.AuthType',
        'unseen-effect Resources.It.Properties.TargetFunctionArn',
        // A parameter the template does not make, read into a readable property (review #9g).
        'data-egress Resources.It.Properties.AuthType',
      ],
    ],
    [
      'a database made public by a dynamic reference',
      {
        Type: 'AWS::RDS::DBInstance',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { PubliclyAccessible: '{{resolve:ssm:/db/public}}' },
      },
      [
        'unresolved-value Resources.It.Properties.PubliclyAccessible',
        'data-egress Resources.It.Properties.PubliclyAccessible',
      ],
    ],
    [
      'an ingress CIDR in a Fn::Sub around a dynamic reference',
      {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'web',
          SecurityGroupIngress: [
            {
              IpProtocol: 'tcp',
              FromPort: 22,
              ToPort: 22,
              CidrIp: { 'Fn::Sub': '{{resolve:ssm:/net/cidr}}' },
            },
          ],
        },
      },
      [
        'unresolved-value Resources.It.Properties.SecurityGroupIngress[0].CidrIp',
        'data-egress Resources.It.Properties.SecurityGroupIngress[0].CidrIp',
      ],
    ],
  ])('%s', (_name, resource, reason) => {
    expect(reasonsOf({ Resources: { It: resource } })).toEqual([reason].flat());
  });

  it("an SSM parameter-type parameter's AllowedValues name the parameter, not its value", () => {
    expect(
      riskOf({
        Parameters: { Cidr: { Type: 'AWS::SSM::Parameter::Value<String>', AllowedValues: ['/net/office'] } },
        Resources: {
          Sg: {
            Type: 'AWS::EC2::SecurityGroup',
            Properties: {
              GroupDescription: 'web',
              SecurityGroupIngress: [
                { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: { Ref: 'Cidr' } },
              ],
            },
          },
        },
      }).reasons[0]?.message,
    ).toBe(
      'Ingress CidrIp depends on parameter Cidr, read from Parameter Store at deploy time; treated as open to the internet.',
    );
  });

  // An environment variable is readable by whoever may read the function's configuration: the
  // secret is copied out of Secrets Manager's access control (review #9g), so it is high.
  it('a secret resolved into an environment variable is data-egress at the variable', () => {
    expect(
      reasonsOf({
        Resources: {
          Queue: { Type: 'AWS::SQS::Queue' },
          Fn: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              Role: { 'Fn::GetAtt': ['Queue', 'Arn'] },
              Environment: { Variables: { TOKEN: '{{resolve:secretsmanager:app/token}}' } },
            },
          },
        },
      }),
    ).toEqual(['data-egress Resources.Fn.Properties.Environment.Variables.TOKEN']);
  });

  it('Properties computed as a whole (Fn::If between two mappings) cannot be judged', () => {
    expect(
      reasonsOf({
        Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
        Resources: {
          Sg: {
            Type: 'AWS::EC2::SecurityGroup',
            Properties: {
              'Fn::If': [
                'C',
                { GroupDescription: 'a' },
                { GroupDescription: 'b', SecurityGroupIngress: [{ CidrIp: '0.0.0.0/0' }] },
              ],
            },
          },
        },
      }),
    ).toEqual(['unresolved-value Resources.Sg.Properties']);
  });
});

describe("a setting given as another resource's name is unknown", () => {
  // An alarm's Ref is its name, which may be any text: "true", "NONE".
  const alarm = (name: string) => ({
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmName: name,
      MetricName: 'm',
      Namespace: 'n',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
    },
  });
  it.each([
    [
      'PubliclyAccessible',
      {
        Type: 'AWS::RDS::DBInstance',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { PubliclyAccessible: { Ref: 'Named' } },
      },
      'unresolved-value Resources.It.Properties.PubliclyAccessible',
    ],
    [
      'a function URL AuthType',
      {
        Type: 'AWS::Lambda::Url',
        Properties: {
          AuthType: { Ref: 'Named' },
          TargetFunctionArn: 'arn:aws:lambda:eu-west-1:1:function:f',
        },
      },
      // The function is an existing one too: its URL attaches to what this template does not make.
      [
        'unresolved-value Resources.It.Properties.AuthType',
        'unseen-effect Resources.It.Properties.TargetFunctionArn',
      ],
    ],
    [
      'a permission FunctionUrlAuthType',
      {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          FunctionName: 'f',
          Action: 'lambda:InvokeFunctionUrl',
          Principal: 'lambda.amazonaws.com',
          SourceAccount: '1',
          FunctionUrlAuthType: { Ref: 'Named' },
        },
      },
      [
        'unresolved-value Resources.It.Properties.FunctionUrlAuthType',
        'unseen-effect Resources.It.Properties.FunctionName',
      ],
    ],
  ])('%s', (_name, resource, reason) => {
    expect(reasonsOf({ Resources: { Named: alarm('NONE'), It: resource } })).toEqual([reason].flat());
  });
});
