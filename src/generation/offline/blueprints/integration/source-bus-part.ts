import { getAtt, ref } from '../../cfn/intrinsics.js';
import type { TemplatePart } from '../../cfn/template-part.js';

/** Logical ids of what feeds the queue from the source bus, shared with the coverage and the generated tests. */
export const SOURCE_RULE_ID = 'ConsumedEventsRule';
export const QUEUE_POLICY_ID = 'QueuePolicy';

/**
 * The bus the request consumes from (parameter SourceEventBusName): a rule on it matching the
 * consumed types by detail-type targets the queue, and the queue's policy lets EventBridge send to
 * it only for that rule (aws:SourceArn), as
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sqs-permissions
 * describes. A FIFO queue takes the rule's events in one message group (SqsParameters).
 */
export function sourceBusPart(params: {
  busName: string;
  /** Message types, `[A-Za-z0-9-]`: the rule's detail-type list. */
  types: readonly string[];
  fifo: boolean;
  slug: string;
}): TemplatePart {
  return {
    parameters: {
      SourceEventBusName: {
        Type: 'String',
        Default: params.busName,
        AllowedPattern: '^[A-Za-z0-9._/-]{1,256}$',
        Description: 'EventBridge bus whose events the rule queues for the consumer (by name)',
      },
    },
    resources: {
      [SOURCE_RULE_ID]: {
        Type: 'AWS::Events::Rule',
        Properties: {
          Description: `Queues ${params.types.join(', ')} events from the source bus`,
          EventBusName: ref('SourceEventBusName'),
          EventPattern: { 'detail-type': [...params.types] },
          State: 'ENABLED',
          Targets: [
            {
              Id: 'Queue',
              Arn: getAtt('Queue', 'Arn'),
              ...(params.fifo ? { SqsParameters: { MessageGroupId: params.slug.slice(0, 100) } } : {}),
            },
          ],
        },
      },
      [QUEUE_POLICY_ID]: {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: {
          Queues: [ref('Queue')],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'SourceBusRuleSends',
                Effect: 'Allow',
                Principal: { Service: 'events.amazonaws.com' },
                Action: 'sqs:SendMessage',
                Resource: getAtt('Queue', 'Arn'),
                Condition: { ArnEquals: { 'aws:SourceArn': getAtt(SOURCE_RULE_ID, 'Arn') } },
              },
            ],
          },
        },
      },
    },
  };
}
