import type { BlueprintInput } from '../../blueprint-input.js';
import { alarmResource } from '../../cfn/alarm-resource.js';
import { getAtt, ref } from '../../cfn/intrinsics.js';
import { lambdaFunctionPart } from '../../cfn/lambda-function-part.js';
import { renderTemplate } from '../../cfn/render-template.js';
import { isProduction, standardParameters } from '../../cfn/standard-parameters.js';
import { standardTags } from '../../cfn/standard-tags.js';
import { trafficShiftingPart } from '../../cfn/traffic-shifting-part.js';

const FUNCTION_TIMEOUT_SECONDS = 30;
/** AWS's guidance: at least six times the function timeout, so retries do not overlap a running batch. */
export const VISIBILITY_TIMEOUT_SECONDS = FUNCTION_TIMEOUT_SECONDS * 6;
export const MAX_RECEIVE_COUNT = 5;

/** Queue with redrive to a dead-letter queue, a consumer function, and a table of processed message keys. */
export function integrationTemplate(input: BlueprintInput): string {
  const { slug, pascal } = input.names;
  const shifting = trafficShiftingPart({
    functionId: 'ConsumerFunction',
    slug,
    ...(input.strategy === undefined ? {} : { strategy: input.strategy }),
  });
  return renderTemplate({
    description: `${pascal}: SQS consumer with dead-letter queue and idempotent processing (integration blueprint, implementation-agent)`,
    parts: [
      standardParameters({ environment: input.environment, withFunctionCode: true }),
      {
        resources: {
          DeadLetterQueue: {
            Type: 'AWS::SQS::Queue',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {
              SqsManagedSseEnabled: true,
              MessageRetentionPeriod: 1_209_600,
              Tags: standardTags(slug),
            },
          },
          Queue: {
            Type: 'AWS::SQS::Queue',
            Properties: {
              SqsManagedSseEnabled: true,
              VisibilityTimeout: VISIBILITY_TIMEOUT_SECONDS,
              RedrivePolicy: {
                deadLetterTargetArn: getAtt('DeadLetterQueue', 'Arn'),
                maxReceiveCount: MAX_RECEIVE_COUNT,
              },
              Tags: standardTags(slug),
            },
          },
          ProcessedMessagesTable: {
            Type: 'AWS::DynamoDB::Table',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {
              BillingMode: 'PAY_PER_REQUEST',
              AttributeDefinitions: [{ AttributeName: 'messageKey', AttributeType: 'S' }],
              KeySchema: [{ AttributeName: 'messageKey', KeyType: 'HASH' }],
              TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
              SSESpecification: { SSEEnabled: true },
              PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
              DeletionProtectionEnabled: isProduction(input.environment),
              Tags: standardTags(slug),
            },
          },
        },
      },
      lambdaFunctionPart({
        id: 'ConsumerFunction',
        slug,
        description: `${pascal} queue consumer`,
        handler: 'handler.handler',
        timeoutSeconds: FUNCTION_TIMEOUT_SECONDS,
        environment: {
          TABLE_NAME: ref('ProcessedMessagesTable'),
          LEASE_SECONDS: String(VISIBILITY_TIMEOUT_SECONDS),
        },
        statements: [
          {
            Effect: 'Allow',
            Action: [
              'sqs:ReceiveMessage',
              'sqs:DeleteMessage',
              'sqs:GetQueueAttributes',
              'sqs:ChangeMessageVisibility',
            ],
            Resource: getAtt('Queue', 'Arn'),
          },
          {
            Effect: 'Allow',
            Action: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
            Resource: getAtt('ProcessedMessagesTable', 'Arn'),
          },
        ],
      }),
      shifting.part,
      {
        resources: {
          ConsumerEventSource: {
            Type: 'AWS::Lambda::EventSourceMapping',
            Properties: {
              EventSourceArn: getAtt('Queue', 'Arn'),
              FunctionName: shifting.invokeArn(),
              BatchSize: 10,
              MaximumBatchingWindowInSeconds: 5,
              FunctionResponseTypes: ['ReportBatchItemFailures'],
            },
          },
          DeadLetterAlarm: alarmResource({
            slug,
            description: `Messages ${pascal} could not process reached the dead-letter queue`,
            namespace: 'AWS/SQS',
            metricName: 'ApproximateNumberOfMessagesVisible',
            dimensions: [{ Name: 'QueueName', Value: getAtt('DeadLetterQueue', 'QueueName') }],
            threshold: 0,
            periodSeconds: 300,
          }),
        },
        outputs: {
          QueueUrl: { Description: 'Queue producers send messages to', Value: ref('Queue') },
          QueueArn: { Description: 'ARN of the queue', Value: getAtt('Queue', 'Arn') },
          DeadLetterQueueUrl: {
            Description: 'Where messages land after repeated failures',
            Value: ref('DeadLetterQueue'),
          },
          ProcessedMessagesTableName: {
            Description: 'Idempotency records of processed messages',
            Value: ref('ProcessedMessagesTable'),
          },
        },
      },
    ],
  });
}
