import { levelOnceReviewed, reasonsOf, riskOf } from './risk-of.js';

const association = (properties: object) => ({
  Type: 'AWS::SSM::Association',
  Properties: { Name: 'AWS-RunShellScript', Parameters: { commands: ['id'] }, ...properties },
});
const instance = {
  Type: 'AWS::EC2::Instance',
  Properties: {
    ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    InstanceType: 't3.micro',
    SubnetId: { Ref: 'Net' },
  },
};
const net = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24' } };

describe('commands run on machines the template does not make are high', () => {
  it.each([
    [
      'a document run on a tag target of any value',
      association({ Targets: [{ Key: 'tag:Environment', Values: ['*'] }] }),
    ],
    [
      'a document run on a resource group',
      association({ Targets: [{ Key: 'resource-groups:Name', Values: ['prod'] }] }),
    ],
    ['a document run on an existing instance by id', association({ InstanceId: 'i-0123456789abcdef0' })],
    [
      'a maintenance window target on every instance',
      {
        Type: 'AWS::SSM::MaintenanceWindowTarget',
        Properties: {
          WindowId: 'mw-1',
          ResourceType: 'INSTANCE',
          Targets: [{ Key: 'InstanceIds', Values: ['*'] }],
        },
      },
    ],
  ])('%s', (_name, resource) => {
    expect(reasonsOf({ Resources: { It: resource } })).toEqual([
      expect.stringMatching(/^fleet-command Resources\.It\.Properties\.(Targets|InstanceId)$/),
    ]);
  });

  it('an EventBridge rule sending Run Command to tagged instances is high', () => {
    expect(
      reasonsOf({
        Resources: {
          Rule: {
            Type: 'AWS::Events::Rule',
            Properties: {
              ScheduleExpression: 'rate(1 hour)',
              Targets: [
                {
                  Id: 'run',
                  Arn: 'arn:aws:ssm:eu-west-1::document/AWS-RunShellScript',
                  RunCommandParameters: { RunCommandTargets: [{ Key: 'tag:Role', Values: ['web'] }] },
                },
              ],
            },
          },
        },
      }),
    ).toEqual(['fleet-command Resources.Rule.Properties.Targets[0].RunCommandParameters.RunCommandTargets']);
  });

  it('says which machines', () => {
    expect(
      riskOf({ Resources: { It: association({ Targets: [{ Key: 'InstanceIds', Values: ['*'] }] }) } })
        .reasons[0]?.message,
    ).toBe(
      'It (AWS::SSM::Association) runs commands on instances this change does not make (InstanceIds=*); what they do there cannot be judged.',
    );
  });

  // SSM associations are not on the reviewed list: set aside, the fleet-command rule finds nothing.
  it('a document run only on instances of this template is low', () => {
    expect(
      levelOnceReviewed({
        Resources: {
          Box: instance,
          Net: net,
          It: association({ Targets: [{ Key: 'InstanceIds', Values: [{ Ref: 'Box' }] }] }),
          Single: association({ InstanceId: { Ref: 'Box' } }),
        },
      }),
    ).toBe('low');
  });
});

describe('fleet commands in other shapes', () => {
  it('Run Command targets inside an Fn::If of an EventBridge rule are read', () => {
    const risk = riskOf({
      Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
      Resources: {
        Rule: {
          Type: 'AWS::Events::Rule',
          Properties: {
            Targets: {
              'Fn::If': [
                'C',
                [],
                [
                  {
                    Id: 'r',
                    Arn: 'arn:aws:ssm:eu-west-1::document/AWS-RunShellScript',
                    RunCommandParameters: { RunCommandTargets: [{ Key: 'InstanceIds', Values: ['*'] }] },
                  },
                ],
              ],
            },
          },
        },
      },
    });
    expect(risk.reasons.map((reason) => reason.code)).toEqual(['fleet-command']);
  });

  it('InstanceIds naming a resource of this template that is not an instance is high', () => {
    expect(
      riskOf({
        Resources: {
          Queue: { Type: 'AWS::SQS::Queue' },
          It: association({ Targets: [{ Key: 'InstanceIds', Values: [{ Ref: 'Queue' }] }] }),
        },
      }).level,
    ).toBe('high');
  });
});
