import { reasonsOf } from './risk-of.js';

// EventBridge Scheduler on the reviewed list (REVIEWED_RESOURCE_TYPES).

const OTHER = '999999999999';
const schedule = (target: Record<string, unknown>) => ({
  Resources: {
    Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
    Group: { Type: 'AWS::Scheduler::ScheduleGroup', Properties: { Name: 'nightly' } },
    Nightly: {
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        GroupName: { Ref: 'Group' },
        ScheduleExpression: 'cron(0 3 * * ? *)',
        ScheduleExpressionTimezone: 'Europe/Paris',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: { 'Fn::GetAtt': ['Queue', 'Arn'] },
          RoleArn: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/scheduler' },
          Input: '{"job":"report"}',
          RetryPolicy: { MaximumRetryAttempts: 2 },
          ...target,
        },
      },
    },
  },
});
const atSchedule = (target: Record<string, unknown>) =>
  reasonsOf(schedule(target)).filter((reason) => reason.split(' ')[1]?.startsWith('Resources.Nightly'));

describe('AWS::Scheduler::Schedule', () => {
  it('a schedule sending to a queue of this template has only its existing role to review', () => {
    expect(reasonsOf(schedule({}))).toEqual(['unseen-effect Resources.Nightly.Properties.Target.RoleArn']);
  });

  it('a target in another account is data-egress', () => {
    expect(atSchedule({ Arn: `arn:aws:sqs:us-east-1:${OTHER}:q` })).toContain(
      'data-egress Resources.Nightly.Properties.Target.Arn',
    );
  });

  it('a dead-letter queue in another account is data-egress', () => {
    expect(atSchedule({ DeadLetterConfig: { Arn: `arn:aws:sqs:us-east-1:${OTHER}:dlq` } })).toContain(
      'data-egress Resources.Nightly.Properties.Target.DeadLetterConfig.Arn',
    );
  });

  it('FAULT: a universal target (any AWS API, its destination in Input) is unseen-effect', () => {
    expect(
      atSchedule({
        Arn: 'arn:aws:scheduler:::aws-sdk:sqs:sendMessage',
        Input: JSON.stringify({
          QueueUrl: `https://sqs.us-east-1.amazonaws.com/${OTHER}/q`,
          MessageBody: 'x',
        }),
      }),
    ).toContain('unseen-effect Resources.Nightly.Properties.Target.Arn');
  });

  it('a universal target written with Fn::Sub and the partition is still unseen-effect', () => {
    expect(
      atSchedule({ Arn: { 'Fn::Sub': 'arn:${AWS::Partition}:scheduler:::aws-sdk:s3:putObject' } }),
    ).toContain('unseen-effect Resources.Nightly.Properties.Target.Arn');
  });

  it('ECS task parameters (a task, maybe with a public IP) are unseen-effect', () => {
    expect(atSchedule({ EcsParameters: { TaskDefinitionArn: 'x' } })).toContain(
      'unseen-effect Resources.Nightly.Properties.Target.EcsParameters',
    );
  });
});
