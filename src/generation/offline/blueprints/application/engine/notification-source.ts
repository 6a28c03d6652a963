/** Generated `src/notifications.ts`: what people are told, and a recorder for tests. */
export const NOTIFICATIONS_SOURCE = `/** One notice: an item arrived in a status a story asked to be told of (or was made, for a resource without statuses). */
export interface Notice {
  resource: string;
  id: string;
  /** The status reached, or 'created'. */
  happened: string;
  /** At most 100 printable ASCII characters, one line (an SNS subject's limit). */
  subject: string;
  message: string;
  item: Record<string, unknown>;
}

export interface Notifications {
  notify(notice: Notice): Promise<void>;
}

/** Keeps what was sent, for tests and local runs. */
export class RecordingNotifications implements Notifications {
  readonly sent: Notice[] = [];

  async notify(notice: Notice): Promise<void> {
    this.sent.push(structuredClone(notice));
  }
}
`;

/** Generated `src/sns-notifications.ts`: notices published to the service's SNS topic. */
export const SNS_NOTIFICATIONS_SOURCE = `import type { Notifications } from './notifications';

export interface PublishInput {
  TopicArn: string;
  Subject: string;
  Message: string;
  MessageAttributes: Record<string, { DataType: 'String'; StringValue: string }>;
}

/** The one SNS call made; connectPublish wires it to the SDK. */
export type Publish = (input: PublishInput) => Promise<unknown>;

/**
 * Publishes each notice to the topic: the subject is the email subject of an email subscription,
 * the message its body; resource and happened are message attributes, so a subscription's filter
 * policy can take only some notices (https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html).
 */
export function createSnsNotifications(params: { topicArn: string; publish: Publish }): Notifications {
  return {
    async notify(notice) {
      await params.publish({
        TopicArn: params.topicArn,
        Subject: notice.subject,
        Message: notice.message,
        MessageAttributes: {
          resource: { DataType: 'String', StringValue: notice.resource },
          happened: { DataType: 'String', StringValue: notice.happened },
        },
      });
    },
  };
}

/** The SDK behind Publish, loaded lazily so the tests never need it. */
export async function connectPublish(): Promise<Publish> {
  const { SNSClient, PublishCommand } = await import('@aws-sdk/client-sns');
  const client = new SNSClient({});
  return (input) => client.send(new PublishCommand(input));
}
`;
