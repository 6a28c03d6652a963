import type { BlueprintInput } from '../../blueprint-input.js';
import { alarmResource } from '../../cfn/alarm-resource.js';
import { getAtt, ref, sub } from '../../cfn/intrinsics.js';
import { lambdaFunctionPart } from '../../cfn/lambda-function-part.js';
import { renderTemplate } from '../../cfn/render-template.js';
import { isProduction, standardParameters } from '../../cfn/standard-parameters.js';
import { logRetentionDefault } from '../../cfn/log-retention-asked.js';
import { httpApiPart } from '../../cfn/http-api-part.js';
import { standardTags } from '../../cfn/standard-tags.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import type { TemplatePart } from '../../cfn/template-part.js';
import { publishesEvents } from './application-source.js';
import { emailsNotices, metNotices } from './model/met-notices.js';
import { notificationTopicPart } from './notification-topic-part.js';
import { tableActions } from './table-actions.js';
import type { ResourceModel } from './model/resource-model-types.js';

/** The index of items by owner; the generated repository queries it by this name. */
export const OWNER_INDEX = 'byOwner';

/** HTTP API → Lambda (alias when shifting traffic) → encrypted, retained DynamoDB table; EventBridge when status changes are published. */
export function applicationTemplate(
  input: BlueprintInput,
  model: ResourceModel,
  shifting: TrafficShifting,
): string {
  const { slug, pascal } = input.names;
  const owned = model.resources.some(
    (resource) => resource.ownerField !== undefined || resource.parent !== undefined,
  );
  const events = publishesEvents(model);
  const notices = metNotices(model).length > 0;
  return renderTemplate({
    description: `${pascal}: HTTP API on Lambda and DynamoDB (application blueprint, implementation-agent)`,
    parts: [
      standardParameters({
        environment: input.environment,
        withFunctionCode: true,
        logDays: logRetentionDefault(input),
      }),
      {
        resources: {
          ItemsTable: {
            Type: 'AWS::DynamoDB::Table',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {
              BillingMode: 'PAY_PER_REQUEST',
              AttributeDefinitions: [
                { AttributeName: 'collection', AttributeType: 'S' },
                { AttributeName: 'id', AttributeType: 'S' },
                ...(owned ? [{ AttributeName: 'ownerKey', AttributeType: 'S' }] : []),
              ],
              KeySchema: [
                { AttributeName: 'collection', KeyType: 'HASH' },
                { AttributeName: 'id', KeyType: 'RANGE' },
              ],
              ...(owned
                ? {
                    GlobalSecondaryIndexes: [
                      {
                        IndexName: OWNER_INDEX,
                        KeySchema: [
                          { AttributeName: 'ownerKey', KeyType: 'HASH' },
                          { AttributeName: 'id', KeyType: 'RANGE' },
                        ],
                        Projection: { ProjectionType: 'ALL' },
                      },
                    ],
                  }
                : {}),
              SSESpecification: { SSEEnabled: true },
              PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
              DeletionProtectionEnabled: isProduction(input.environment),
              Tags: standardTags(slug),
            },
          },
        },
        outputs: {
          ItemsTableName: { Description: 'DynamoDB table holding the items', Value: ref('ItemsTable') },
          ItemsTableArn: { Description: 'ARN of the items table', Value: getAtt('ItemsTable', 'Arn') },
        },
      },
      lambdaFunctionPart({
        id: 'ApiFunction',
        slug,
        description: `${pascal} HTTP API handler`,
        handler: 'handler.handler',
        environment: {
          TABLE_NAME: ref('ItemsTable'),
          ...(events ? { EVENT_BUS_NAME: ref('EventBusName') } : {}),
          ...(notices ? { NOTIFICATION_TOPIC_ARN: ref('NotificationTopic') } : {}),
        },
        statements: [
          {
            Effect: 'Allow',
            Action: tableActions(model.operations),
            Resource: owned
              ? [getAtt('ItemsTable', 'Arn'), sub(`\${ItemsTable.Arn}/index/${OWNER_INDEX}`)]
              : getAtt('ItemsTable', 'Arn'),
          },
          ...(events
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
          ...(notices
            ? [{ Effect: 'Allow', Action: 'sns:Publish', Resource: ref('NotificationTopic') }]
            : []),
        ],
      }),
      shifting.part,
      ...(events ? [statusEventsPart(input.names.slug)] : []),
      ...(notices ? [notificationTopicPart({ slug, email: emailsNotices(model) })] : []),
      httpApiPart({
        slug,
        description: `${pascal} HTTP API`,
        target: shifting.invokeArn,
        routes: [{ logicalId: 'RouteGetHealth', routeKey: 'GET /health' }, ...model.operations],
      }),
    ],
  });
}

/** Where status changes go, and an alarm on the log line the app writes when one could not be published. */
function statusEventsPart(slug: string): TemplatePart {
  return {
    parameters: {
      EventBusName: {
        Type: 'String',
        Default: 'default',
        AllowedPattern: '^[A-Za-z0-9._-]{1,256}$',
        Description: 'EventBridge bus that receives the status-change events (by name)',
      },
    },
    resources: {
      StatusEventsNotPublishedFilter: {
        Type: 'AWS::Logs::MetricFilter',
        Properties: {
          LogGroupName: ref('ApiFunctionLogGroup'),
          // A term match: the app logs JSON text after Lambda's own prefix, so JSON patterns would not apply.
          FilterPattern: '"status-event-not-published"',
          MetricTransformations: [
            {
              MetricNamespace: `Services/${slug}`,
              MetricName: 'StatusEventsNotPublished',
              MetricValue: '1',
              DefaultValue: 0,
            },
          ],
        },
      },
      StatusEventsNotPublishedAlarm: alarmResource({
        slug,
        description:
          'A status change was stored but its event could not be published; the log holds it for replay',
        namespace: `Services/${slug}`,
        metricName: 'StatusEventsNotPublished',
        dimensions: [],
        threshold: 0,
        periodSeconds: 300,
      }),
    },
    outputs: {
      StatusEventSource: { Description: 'Source of the status-change events on the bus', Value: slug },
    },
  };
}
