import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { createAwsClient } from '../../../src/aws/create-aws-client.js';
import { motoSettings } from './moto.js';

/** A bus on moto whose one rule sends every implementation-agent event to a queue the test reads. */
export async function busToQueue(sqs: SQSClient): Promise<{ bus: string; queueUrl: string }> {
  const suffix = randomUUID().slice(0, 8);
  const events = createAwsClient(EventBridgeClient, motoSettings());
  try {
    const name = `implementation-${suffix}`;
    await events.send(new CreateEventBusCommand({ Name: name }));
    const queue = await sqs.send(new CreateQueueCommand({ QueueName: `lifecycle-${suffix}` }));
    const attributes = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl!, AttributeNames: ['QueueArn'] }),
    );
    await events.send(
      new PutRuleCommand({
        Name: `all-${suffix}`,
        EventBusName: name,
        EventPattern: JSON.stringify({ source: ['implementation-agent'] }),
      }),
    );
    await events.send(
      new PutTargetsCommand({
        Rule: `all-${suffix}`,
        EventBusName: name,
        Targets: [{ Id: 'queue', Arn: attributes.Attributes!['QueueArn']! }],
      }),
    );
    return { bus: name, queueUrl: queue.QueueUrl! };
  } finally {
    events.destroy();
  }
}

/** EventBridge's envelope of a lifecycle event, as a rule's queue target receives it. */
export interface BusEnvelope {
  readonly 'detail-type': string;
  readonly source: string;
  readonly detail: { readonly version: number; readonly task_id: string; readonly sequence: number };
}

/** Every lifecycle event the queue holds (EventBridge's envelope, parsed), oldest first as moto delivers them. */
export async function drainQueue(sqs: SQSClient, queueUrl: string): Promise<BusEnvelope[]> {
  const all: BusEnvelope[] = [];
  for (;;) {
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) return all;
    all.push(...messages.map((message) => JSON.parse(message.Body!) as BusEnvelope));
  }
}
