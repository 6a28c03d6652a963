import { alarmResource } from '../../cfn/alarm-resource.js';
import { notEquals, ref } from '../../cfn/intrinsics.js';
import { standardTags } from '../../cfn/standard-tags.js';
import type { TemplatePart } from '../../cfn/template-part.js';

/**
 * The topic notice stories publish to (encrypted with the AWS-managed SNS key, whose key policy lets
 * the account's principals use it through SNS, so the function's role needs only sns:Publish on
 * this topic), an alarm on the log line the app writes when a notice could not be sent, and, when a
 * story asked for email, a subscription of NotificationEmail made only when an address is set. SNS
 * emails a confirmation link first; nothing is delivered until it is followed
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-email-notifications.html).
 */
export function notificationTopicPart(params: { slug: string; email: boolean }): TemplatePart {
  const { slug } = params;
  return {
    ...(params.email
      ? {
          parameters: {
            NotificationEmail: {
              Type: 'String',
              Default: '',
              AllowedPattern: '^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
              Description:
                'Address NotificationTopic emails (it must confirm the subscription); empty for none',
            },
          },
          conditions: { HasNotificationEmail: notEquals(ref('NotificationEmail'), '') },
        }
      : {}),
    resources: {
      NotificationTopic: {
        Type: 'AWS::SNS::Topic',
        Properties: { KmsMasterKeyId: 'alias/aws/sns', Tags: standardTags(slug) },
      },
      ...(params.email
        ? {
            NotificationEmailSubscription: {
              Type: 'AWS::SNS::Subscription',
              Condition: 'HasNotificationEmail',
              Properties: {
                TopicArn: ref('NotificationTopic'),
                Protocol: 'email',
                Endpoint: ref('NotificationEmail'),
              },
            },
          }
        : {}),
      NotificationsNotSentFilter: {
        Type: 'AWS::Logs::MetricFilter',
        Properties: {
          LogGroupName: ref('ApiFunctionLogGroup'),
          // A term match: the app logs JSON text after Lambda's own prefix, so JSON patterns would not apply.
          FilterPattern: '"notification-not-sent"',
          MetricTransformations: [
            {
              MetricNamespace: `Services/${slug}`,
              MetricName: 'NotificationsNotSent',
              MetricValue: '1',
              DefaultValue: 0,
            },
          ],
        },
      },
      NotificationsNotSentAlarm: alarmResource({
        slug,
        description:
          'A change was stored but the notice a story asked for could not be published; the log holds it',
        namespace: `Services/${slug}`,
        metricName: 'NotificationsNotSent',
        dimensions: [],
        threshold: 0,
        periodSeconds: 300,
      }),
    },
    outputs: {
      NotificationTopicArn: {
        Description:
          'SNS topic told when an item reaches a moment a story names; subscribe people or tools to it',
        Value: ref('NotificationTopic'),
      },
    },
  };
}
