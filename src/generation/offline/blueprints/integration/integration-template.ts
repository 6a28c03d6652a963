import type { BlueprintInput } from '../../blueprint-input.js';
import { alarmResource } from '../../cfn/alarm-resource.js';
import { getAtt, ref, sub } from '../../cfn/intrinsics.js';
import { lambdaFunctionPart } from '../../cfn/lambda-function-part.js';
import { renderTemplate } from '../../cfn/render-template.js';
import { isProduction, standardParameters } from '../../cfn/standard-parameters.js';
import { logRetentionDefault } from '../../cfn/log-retention-asked.js';
import { standardTags } from '../../cfn/standard-tags.js';
import { httpApiPart } from '../../cfn/http-api-part.js';
import type { TemplatePart } from '../../cfn/template-part.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import type { IntegrationAsks } from './integration-asks.js';
import { sourceBusPart } from './source-bus-part.js';

const FUNCTION_TIMEOUT_SECONDS = 30;
/** AWS's guidance: at least six times the function timeout, so retries do not overlap a running batch. */
export const VISIBILITY_TIMEOUT_SECONDS = FUNCTION_TIMEOUT_SECONDS * 6;
export const MAX_RECEIVE_COUNT = 5;
/** What moving dead letters back needs on the dead-letter queue (the SQS developer guide's DLQ redrive permissions). */
export const DEAD_LETTER_REDRIVE_ACTIONS = [
  'sqs:StartMessageMoveTask',
  'sqs:ListMessageMoveTasks',
  'sqs:CancelMessageMoveTask',
  'sqs:ReceiveMessage',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
] as const;
/** Messages the consumer receives per invocation (Lambda's default for SQS). */
export const BATCH_SIZE = 10;
/** How long the dead-letter queue keeps a message: 14 days, SQS's most. */
export const DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

/** Queue with redrive to a dead-letter queue, a consumer function, and a table of processed message keys; a signed webhook endpoint and an event bus when asked. */
export function integrationTemplate(
  input: BlueprintInput,
  asks: IntegrationAsks,
  shifting: TrafficShifting,
  /** The message types the source bus's rule sends to the queue (consumedTypes); empty without one. */
  consumed: readonly string[] = [],
): string {
  const { slug, pascal } = input.names;
  const bus = asks.eventBus !== undefined;
  // A FIFO queue's dead-letter queue must be FIFO too, and each name must end in `.fifo`
  // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html).
  const fifo = (name: string) =>
    asks.fifo === undefined ? {} : { FifoQueue: true, QueueName: sub(`\${AWS::StackName}${name}.fifo`) };
  return renderTemplate({
    description: `${pascal}: SQS consumer with dead-letter queue and idempotent processing (integration blueprint, implementation-agent)`,
    parts: [
      standardParameters({
        environment: input.environment,
        withFunctionCode: true,
        logDays: logRetentionDefault(input),
      }),
      {
        resources: {
          DeadLetterQueue: {
            Type: 'AWS::SQS::Queue',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {
              ...fifo('-dead-letter'),
              SqsManagedSseEnabled: true,
              MessageRetentionPeriod: DEAD_LETTER_RETENTION_SECONDS,
              Tags: standardTags(slug),
            },
          },
          Queue: {
            Type: 'AWS::SQS::Queue',
            Properties: {
              ...fifo(''),
              // Sends carry MessageDeduplicationId (the message id): content-based deduplication would drop a resend with the same body.
              // EventBridge sends none, so a queue its rule feeds needs it (an explicit id still wins):
              // https://docs.aws.amazon.com/scheduler/latest/APIReference/API_SqsParameters.html
              ...(asks.fifo === undefined ? {} : { ContentBasedDeduplication: asks.sourceBus !== undefined }),
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
          ...(bus ? { EVENT_BUS_NAME: ref('EventBusName') } : {}),
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
          ...(bus
            ? [
                {
                  Effect: 'Allow',
                  Action: 'events:PutEvents',
                  Resource: sub(
                    'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/${EventBusName}',
                  ),
                },
              ]
            : []),
        ],
      }),
      shifting.part,
      ...(bus ? [eventBusPart(asks.eventBus ?? 'default')] : []),
      ...(asks.sourceBus === undefined
        ? []
        : [
            sourceBusPart({
              busName: asks.sourceBus.name,
              types: consumed,
              fifo: asks.fifo !== undefined,
              slug,
            }),
          ]),
      ...(asks.webhook ? webhookParts(input, asks) : []),
      {
        resources: {
          ConsumerEventSource: {
            Type: 'AWS::Lambda::EventSourceMapping',
            Properties: {
              EventSourceArn: getAtt('Queue', 'Arn'),
              FunctionName: shifting.invokeArn(),
              BatchSize: BATCH_SIZE,
              // Lambda takes no batching window for a FIFO queue's event source.
              ...(asks.fifo === undefined ? { MaximumBatchingWindowInSeconds: 5 } : {}),
              FunctionResponseTypes: ['ReportBatchItemFailures'],
            },
          },
          // `aws sqs start-message-move-task --source-arn <DeadLetterQueueArn>` moves dead letters back to
          // the queue; an operator's role attaches this policy to run it
          // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue-redrive.html).
          DeadLetterRedrivePolicy: {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: {
              Description: `Replay ${pascal}'s dead letters: move them from the dead-letter queue back to the queue`,
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: [...DEAD_LETTER_REDRIVE_ACTIONS],
                    Resource: getAtt('DeadLetterQueue', 'Arn'),
                  },
                  { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: getAtt('Queue', 'Arn') },
                ],
              },
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
          DeadLetterQueueArn: {
            Description: 'Source of a replay: aws sqs start-message-move-task --source-arn <this>',
            Value: getAtt('DeadLetterQueue', 'Arn'),
          },
          DeadLetterRedrivePolicyArn: {
            Description: 'Managed policy an operator role attaches to replay dead letters',
            Value: ref('DeadLetterRedrivePolicy'),
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

/** The bus consumed messages are put on, by name; the request's bus is the default. */
function eventBusPart(busName: string): TemplatePart {
  return {
    parameters: {
      EventBusName: {
        Type: 'String',
        Default: busName,
        AllowedPattern: '^[A-Za-z0-9._-]{1,256}$',
        Description: 'EventBridge bus the consumer puts its events on (by name)',
      },
    },
  };
}

/** POST /webhooks → a receiver that checks each delivery's signature with a stack-made secret and queues it; rejections are counted and alarmed. */
function webhookParts(input: BlueprintInput, asks: IntegrationAsks): TemplatePart[] {
  const { slug, pascal } = input.names;
  const namespace = `Webhooks/${pascal}`;
  return [
    {
      parameters: {
        SignatureHeader: {
          Type: 'String',
          Default: asks.signatureHeader ?? 'x-signature',
          AllowedPattern: '^[A-Za-z0-9-]{1,64}$',
          Description:
            'Header carrying the HMAC-SHA256 signature of the raw body (hex, optional sha256= prefix)',
        },
      },
      resources: {
        WebhookSecret: {
          Type: 'AWS::SecretsManager::Secret',
          Properties: {
            Description: `Signing secret shared with the webhook sender of ${pascal}; put the sender's secret here, or give it this one`,
            GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true },
            Tags: standardTags(slug),
          },
        },
        SignatureRejectedAlarm: alarmResource({
          slug,
          description: `Webhook deliveries to ${pascal} failed the signature check; the receiver's log names each one`,
          namespace,
          metricName: 'SignatureRejected',
          dimensions: [],
          threshold: 0,
          periodSeconds: 300,
        }),
        ReceiverErrorAlarm: alarmResource({
          slug,
          description: `Errors in the ${pascal} webhook receiver`,
          namespace: 'AWS/Lambda',
          metricName: 'Errors',
          dimensions: [{ Name: 'FunctionName', Value: ref('ReceiverFunction') }],
          threshold: 0,
          periodSeconds: 300,
        }),
      },
      outputs: {
        WebhookSecretArn: {
          Description: 'Secret the sender signs deliveries with',
          Value: ref('WebhookSecret'),
        },
      },
    },
    lambdaFunctionPart({
      id: 'ReceiverFunction',
      slug,
      description: `${pascal} webhook receiver: checks signatures and queues deliveries`,
      handler: 'webhook-handler.handler',
      environment: {
        QUEUE_URL: ref('Queue'),
        SECRET_ARN: ref('WebhookSecret'),
        SIGNATURE_HEADER: ref('SignatureHeader'),
        METRIC_NAMESPACE: namespace,
      },
      statements: [
        { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: getAtt('Queue', 'Arn') },
        { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ref('WebhookSecret') },
      ],
    }),
    httpApiPart({
      slug,
      description: `${pascal} webhook endpoint`,
      target: () => getAtt('ReceiverFunction', 'Arn'),
      routes: [{ logicalId: 'RoutePostWebhooks', routeKey: 'POST /webhooks' }],
    }),
  ];
}
