import { reasonsOf, riskOf } from './risk-of.js';

// Review #9g attacker pass (fresh eyes): data egress through a dynamic reference. CloudFormation
// resolves `{{resolve:secretsmanager:<secret>:SecretString:<key>}}` in any resource property at
// deploy time (AWS CloudFormation User Guide, "Get values stored in other services using dynamic
// references": secretsmanager references are supported in all resource properties). A template
// that writes an existing production secret into a property anyone who can read the resource sees
// in plain text (a `String` SSM parameter's value, a queue tag, an alarm description) copies the
// secret out of Secrets Manager's access control. The classifier calls these low, so hybrid and
// automated modes would auto-merge and deploy them. Right: high, with the reason at the property
// holding the reference (a secret this change does not make is read into a readable value).
//
// Held (read in src/core/risk/read-template-value.ts, not re-run here): a dynamic reference where
// the classifier reads a value to judge it (an ARN, a CIDR, a principal) counts as broad. Run and
// held: an SNS topic subscription to an existing queue (data-egress at its endpoint).

const PASSWORD = '{{resolve:secretsmanager:prod/orders-db:SecretString:password}}';

describe('review #9g attacks: an existing secret resolved into a readable value', () => {
  const parameter = (value: string) => ({
    Resources: { P: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: value } } },
  });

  it('FAULT: a String SSM parameter whose value resolves a production secret is low (secret copied out: data egress)', () => {
    expect(riskOf(parameter(PASSWORD)).level).toBe('high');
  });

  it('control: the same parameter with a literal value stays low', () => {
    expect(riskOf(parameter('orders-v2')).level).toBe('low');
  });

  it('FAULT: a queue tag whose value resolves a production secret is low (secret copied out: data egress)', () => {
    const body = {
      Resources: {
        Q: { Type: 'AWS::SQS::Queue', Properties: { Tags: [{ Key: 'owner', Value: PASSWORD }] } },
      },
    };
    expect(riskOf(body).level).toBe('high');
  });

  it('FAULT: an alarm description that resolves a production secret is low (secret copied out: data egress)', () => {
    const body = {
      Resources: {
        A: {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: {
            AlarmDescription: PASSWORD,
            Namespace: 'AWS/SQS',
            MetricName: 'ApproximateAgeOfOldestMessage',
            Statistic: 'Maximum',
            Period: 60,
            EvaluationPeriods: 1,
            Threshold: 300,
            ComparisonOperator: 'GreaterThanThreshold',
          },
        },
      },
    };
    expect(riskOf(body).level).toBe('high');
  });
});

describe('review #9g siblings: a dynamic reference in a readable value is data-egress at that value', () => {
  const reasonsFor = (resources: Record<string, unknown>) => reasonsOf({ Resources: resources });
  const TOPIC = { Type: 'AWS::SNS::Topic', Properties: { DisplayName: '' } };

  it.each([
    ['secretsmanager', '{{resolve:secretsmanager:prod/api-key}}'],
    ['ssm-secure', '{{resolve:ssm-secure:/prod/api-key:3}}'],
    ['ssm, a parameter the template does not make', '{{resolve:ssm:/prod/db-url}}'],
    ['inside a Fn::Sub', { 'Fn::Sub': 'key=${AWS::Region}-{{resolve:secretsmanager:prod/api-key}}' }],
  ])('%s in a topic display name', (_name, value) => {
    expect(reasonsFor({ T: { ...TOPIC, Properties: { DisplayName: value } } })).toEqual([
      'data-egress Resources.T.Properties.DisplayName',
    ]);
  });

  it('a secret in a tag value is reported at the tag', () => {
    expect(
      reasonsFor({ Q: { Type: 'AWS::SQS::Queue', Properties: { Tags: [{ Key: 'k', Value: PASSWORD }] } } }),
    ).toEqual(['data-egress Resources.Q.Properties.Tags[0].Value']);
  });

  it('an ssm reference to a parameter the template makes is data-egress too (it may be resolved before that parameter exists)', () => {
    expect(
      riskOf({
        Resources: {
          P: {
            Type: 'AWS::SSM::Parameter',
            Properties: { Name: '/orders/stage', Type: 'String', Value: 'v2' },
          },
          T: { ...TOPIC, Properties: { DisplayName: '{{resolve:ssm:/orders/stage}}' } },
        },
      }).level,
    ).toBe('high');
  });

  it('control: a secret as a database master password (a secret sink) adds no data-egress', () => {
    const reasons = reasonsFor({
      D: {
        Type: 'AWS::RDS::DBInstance',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { PubliclyAccessible: false, MasterUserPassword: PASSWORD },
      },
    });
    expect(reasons.filter((reason) => reason.startsWith('data-egress'))).toEqual([]);
  });
});
