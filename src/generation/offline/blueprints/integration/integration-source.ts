import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import type { IntegrationAsks } from './integration-asks.js';
import type { StoryMessage } from './message-types.js';
import { deliveryActionList, deliveryTypeMap, distinctMessageTypes } from './message-types.js';
import { EVENT_BUS, webhookSources } from './webhook-source.js';
import { publishedFor } from './bus-routes.js';

const SQS_TYPES = `/** The parts of an SQS event (and the partial-batch response) this consumer uses. */
export interface SqsRecord {
  messageId: string;
  body: string;
}

export interface SqsEvent {
  Records: SqsRecord[];
}

export interface SqsBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}
`;

const PROCESSED_STORE = `/** What the consumer remembers about a message it has finished. */
export interface ProcessedRecord {
  type: string;
  processedAt: string;
  payload: Record<string, unknown>;
}

/**
 * Makes processing idempotent. A claim is a lease: if a consumer dies mid-message, the lease runs
 * out and a redelivery may claim it again; a completed message can never be claimed again.
 */
export interface ProcessedStore {
  claim(key: string, params: { now: Date; leaseSeconds: number }): Promise<boolean>;
  complete(key: string, record: ProcessedRecord): Promise<void>;
  release(key: string): Promise<void>;
}

type Entry = { status: 'in-progress'; leaseUntil: number } | { status: 'done'; record: ProcessedRecord };

export class InMemoryProcessedStore implements ProcessedStore {
  private readonly entries = new Map<string, Entry>();

  async claim(key: string, params: { now: Date; leaseSeconds: number }): Promise<boolean> {
    const entry = this.entries.get(key);
    const now = params.now.getTime();
    if (entry !== undefined && (entry.status === 'done' || entry.leaseUntil > now)) return false;
    this.entries.set(key, { status: 'in-progress', leaseUntil: now + params.leaseSeconds * 1000 });
    return true;
  }

  async complete(key: string, record: ProcessedRecord): Promise<void> {
    this.entries.set(key, { status: 'done', record: structuredClone(record) });
  }

  async release(key: string): Promise<void> {
    this.entries.delete(key);
  }

  /** Completed records, for tests and local runs. */
  completed(): Map<string, ProcessedRecord> {
    const done = new Map<string, ProcessedRecord>();
    for (const [key, entry] of this.entries) if (entry.status === 'done') done.set(key, entry.record);
    return done;
  }
}
`;

const DYNAMODB_STORE = `import type { ProcessedRecord, ProcessedStore } from './processed-store';

/** How long a completed message's key is kept to catch redeliveries; DynamoDB TTL removes it after. */
const KEEP_DAYS = 14;

/** Claims are conditional writes, so two consumers racing on one message cannot both win. */
export async function createDynamoDbProcessedStore(tableName: string): Promise<ProcessedStore> {
  const { DynamoDBClient, ConditionalCheckFailedException } = await import('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient, DeleteCommand, PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const expiresAt = (from: number): number => Math.floor(from / 1000) + KEEP_DAYS * 24 * 60 * 60;
  return {
    async claim(key, { now, leaseSeconds }) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { messageKey: key, status: 'in-progress', leaseUntil: now.getTime() + leaseSeconds * 1000, expiresAt: expiresAt(now.getTime()) },
            ConditionExpression: 'attribute_not_exists(messageKey) OR (#status = :inProgress AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':inProgress': 'in-progress', ':now': now.getTime() },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    async complete(key, record: ProcessedRecord) {
      const item = { messageKey: key, status: 'done', ...record, expiresAt: expiresAt(Date.parse(record.processedAt)) };
      await client.send(new PutCommand({ TableName: tableName, Item: item }));
    },
    async release(key) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: { messageKey: key } }));
    },
  };
}
`;

const PROCESS_BATCH = `import { parseMessage } from './messages';
import type { Message, MessageType } from './messages';
import type { ProcessedStore } from './processed-store';
import type { SqsBatchResponse, SqsEvent } from './sqs-types';

export type MessageHandlers = Record<MessageType, (message: Message) => Promise<void>>;

export interface ProcessBatchDependencies {
  store: ProcessedStore;
  handlers: MessageHandlers;
  now: () => Date;
  /** Matches the queue's visibility timeout: after it a redelivery may retry an abandoned message. */
  leaseSeconds: number;
  log?: (entry: Record<string, unknown>) => void;
}

/**
 * Handles each record once. Failures are reported per record, so SQS retries only those and moves
 * them to the dead-letter queue after the redrive policy's receive count.
 */
export async function processBatch(event: SqsEvent, deps: ProcessBatchDependencies): Promise<SqsBatchResponse> {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const parsed = parseMessage(record.body);
    if (!parsed.ok) {
      log({ level: 'error', messageId: record.messageId, error: parsed.error });
      failures.push({ itemIdentifier: record.messageId });
      continue;
    }
    const message = parsed.message;
    if (!(await deps.store.claim(message.id, { now: deps.now(), leaseSeconds: deps.leaseSeconds }))) {
      log({ level: 'info', messageId: record.messageId, id: message.id, outcome: 'duplicate-skipped' });
      continue;
    }
    try {
      await deps.handlers[message.type](message);
      await deps.store.complete(message.id, { type: message.type, processedAt: deps.now().toISOString(), payload: message.payload });
      log({ level: 'info', messageId: record.messageId, id: message.id, type: message.type, outcome: 'processed' });
    } catch (error) {
      await deps.store.release(message.id);
      log({ level: 'error', messageId: record.messageId, id: message.id, error: error instanceof Error ? error.message : String(error) });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}
`;

/**
 * A FIFO queue's batch: after the first failure every later record goes back unprocessed, so no
 * message of a group is handled before one sent ahead of it (AWS Lambda Developer Guide, "Handling
 * errors for an SQS event source": with FIFO queues, stop at the first failure and return it and
 * all unprocessed messages in batchItemFailures).
 */
function fifoProcessBatch(): string {
  return PROCESS_BATCH.replace(
    '  for (const record of event.Records) {\n',
    "  for (const record of event.Records) {\n    // FIFO: once one fails, the rest go back in order, unprocessed.\n    if (failures.length > 0) {\n      log({ level: 'warn', messageId: record.messageId, outcome: 'returned-unprocessed' });\n      failures.push({ itemIdentifier: record.messageId });\n      continue;\n    }\n",
  ).replace(
    ' * Handles each record once.',
    ' * Handles each record once, in order: after a failure the later records are returned unprocessed (FIFO).',
  );
}

/**
 * The send a producer makes to the FIFO queue: MessageGroupId from the payload's group field (SQS
 * keeps order within a group), MessageDeduplicationId the message id (a resend within 5 minutes is
 * dropped by SQS). Without a group field one group orders every message.
 */
function sendMessageModule(groupField: string | undefined): string {
  return `import type { Message } from './messages';

/** The payload field whose value is a message's group: messages of one group are delivered in the order sent. ${groupField === undefined ? 'None: one group orders every message.' : ''} */
export const GROUP_FIELD: string | undefined = ${groupField === undefined ? 'undefined' : codeLiteral(groupField)};

export interface FifoSend {
  QueueUrl: string;
  MessageBody: string;
  MessageGroupId: string;
  MessageDeduplicationId: string;
}

/** The SendMessage input for a message; throws when the message lacks its group field (it could not be ordered). */
export function fifoSend(queueUrl: string, message: Message): FifoSend {
  const group = GROUP_FIELD === undefined ? 'all' : message.payload[GROUP_FIELD];
  if (typeof group !== 'string' && typeof group !== 'number') throw new Error('message ' + message.id + ' lacks ' + String(GROUP_FIELD) + ', its FIFO message group');
  return { QueueUrl: queueUrl, MessageBody: JSON.stringify(message), MessageGroupId: String(group), MessageDeduplicationId: message.id };
}
`;
}

/** Consumer source: message parsing per type, idempotent batch processing, DynamoDB-backed claims, and the event bus when asked. */
export function integrationSource(params: {
  baseDir: string;
  messages: readonly StoryMessage[];
  asks: IntegrationAsks;
  eventSource: string;
}): GeneratedFile[] {
  const bus = params.asks.eventBus !== undefined;
  const files: [string, string][] = [
    ['sqs-types.ts', SQS_TYPES],
    ['messages.ts', messagesModule(params.messages, params.asks.sourceBus !== undefined)],
    ['message-handlers.ts', handlersModule(params.messages, params.asks)],
    ['processed-store.ts', PROCESSED_STORE],
    ['dynamodb-processed-store.ts', DYNAMODB_STORE],
    ['process-batch.ts', params.asks.fifo === undefined ? PROCESS_BATCH : fifoProcessBatch()],
    ...(params.asks.fifo === undefined
      ? []
      : ([['send-message.ts', sendMessageModule(params.asks.fifo.groupField)]] as [string, string][])),
    ...(bus ? ([['event-bus.ts', EVENT_BUS]] as [string, string][]) : []),
    ['handler.ts', consumerHandler(bus, params.eventSource)],
    ...(params.asks.webhook
      ? webhookSources({
          provider: params.asks.provider,
          signatureHeader: params.asks.signatureHeader ?? 'x-signature',
          deliveryTypes: deliveryTypeMap(params.messages),
          deliveryActions: deliveryActionList(params.messages),
          fifo: params.asks.fifo !== undefined,
        })
      : []),
  ];
  return files.map(([name, content]) => ({ path: `${params.baseDir}/src/${name}`, role: 'source', content }));
}

/**
 * With a source bus the consumer also reads an EventBridge event as the rule queues it, the whole
 * event as the body (https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html).
 */
const FROM_EVENT_BRIDGE = `
/** An EventBridge event as the source bus's rule queues it: its id, detail-type and detail are the message's id, type and payload. */
function fromEventBridge(value: Record<string, unknown>): Record<string, unknown> {
  if (!('detail-type' in value)) return value;
  return { id: value['id'], type: value['detail-type'], payload: value['detail'] };
}
`;

function messagesModule(messages: readonly StoryMessage[], fromBus: boolean): string {
  const types = distinctMessageTypes(messages).map(codeLiteral);
  return `/** The message types this consumer accepts, one per user story. */
export const MESSAGE_TYPES = [${types.join(', ')}] as const;

export type MessageType = (typeof MESSAGE_TYPES)[number];

/** The envelope producers send: \`id\` is the producer's idempotency key, kept across retries and resends. */
export interface Message {
  id: string;
  type: MessageType;
  payload: Record<string, unknown>;
}

export type ParsedMessage = { ok: true; message: Message } | { ok: false; error: string };

export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
${fromBus ? FROM_EVENT_BRIDGE : ''}
export function parseMessage(body: string): ParsedMessage {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, error: 'body is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'body must be a JSON object' };
  const { id, type, payload } = ${fromBus ? 'fromEventBridge(value as Record<string, unknown>)' : 'value as Record<string, unknown>'};
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return { ok: false, error: 'id must be 1-128 letters, digits or ._:-' };
  if (!isMessageType(type)) return { ok: false, error: 'type must be one of ' + MESSAGE_TYPES.join(', ') };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, error: 'payload must be an object' };
  return { ok: true, message: { id, type, payload: payload as Record<string, unknown> } };
}

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && (MESSAGE_TYPES as readonly string[]).includes(value);
}
`;
}

function handlersModule(messages: readonly StoryMessage[], asks: IntegrationAsks): string {
  const bus = asks.eventBus !== undefined;
  const types = distinctMessageTypes(messages);
  const entries = types.map((type) => {
    const comments = messages
      .filter((message) => message.messageType === type && message.intent !== undefined)
      .map(({ intent }) => `    // Story ${intent?.number ?? 0}: ${intent?.text ?? ''}`);
    const puts = publishedFor(asks, types, type).map((event) =>
      event === type ? 'deps.publish(message)' : `deps.publish({ ...message, type: ${codeLiteral(event)} })`,
    );
    const action =
      puts.length === 0
        ? 'requireFields(message, [])'
        : puts.length === 1
          ? puts[0]
          : `{\n${puts.map((put) => `      await ${put};`).join('\n')}\n    }`;
    return [...comments, `    ${codeLiteral(type)}: async (message) => ${action},`].join('\n');
  });
  const publishing = types.some((type) => publishedFor(asks, types, type).length > 0);
  const doc = bus
    ? asks.sourceBus === undefined
      ? `/** Each message type becomes an event of the same name on the bus; a failed put makes SQS retry it, and in the end dead-letter it. */`
      : `/**
 * What each message becomes on the bus: a consumed event puts the events published for it (never
 * itself back on the bus it came from); a failed put makes SQS retry it, and in the end dead-letter it.
 */`
    : `/**
 * What each message type does beyond being recorded once in the processed-messages table. List the
 * payload fields a type needs in requireFields; throwing makes SQS retry and, in the end, dead-letter it.
 */`;
  return `import type { Message } from './messages';
import type { MessageHandlers } from './process-batch';

${
  bus
    ? 'export interface HandlerDependencies {\n  /** Puts the message on the event bus as an event of its type. */\n  publish: (message: Message) => Promise<void>;\n}'
    : '/** None yet: add what the handlers need (an empty interface would accept any value). */\nexport type HandlerDependencies = Record<string, never>;'
}

${doc}
export function createHandlers(${publishing ? 'deps' : '_deps'}: HandlerDependencies): MessageHandlers {
  return {
${entries.join('\n')}
  };
}

export function requireFields(message: Message, fields: readonly string[]): void {
  const missing = fields.filter((field) => !(field in message.payload));
  if (missing.length > 0) throw new Error(message.type + ' message ' + message.id + ' lacks ' + missing.join(', '));
}
`;
}

function consumerHandler(bus: boolean, eventSource: string): string {
  const wiring = bus
    ? `const putEvents = await connectPutEvents();
    handlers = createHandlers({ publish: createEventBusPublisher({ busName: requiredEnv('EVENT_BUS_NAME'), source: ${codeLiteral(eventSource)}, putEvents }) });`
    : 'handlers = createHandlers({});';
  return `import { createDynamoDbProcessedStore } from './dynamodb-processed-store';
${bus ? "import { connectPutEvents, createEventBusPublisher } from './event-bus';\n" : ''}import { createHandlers } from './message-handlers';
import { processBatch } from './process-batch';
import type { MessageHandlers } from './process-batch';
import type { ProcessedStore } from './processed-store';
import type { SqsBatchResponse, SqsEvent } from './sqs-types';

let store: Promise<ProcessedStore> | undefined;
let handlers: MessageHandlers | undefined;

/** Lambda entry point for the SQS event source (ReportBatchItemFailures enabled). */
export async function handler(event: SqsEvent): Promise<SqsBatchResponse> {
  store ??= createDynamoDbProcessedStore(requiredEnv('TABLE_NAME'));
  if (handlers === undefined) {
    ${wiring}
  }
  return processBatch(event, {
    store: await store,
    handlers,
    now: () => new Date(),
    leaseSeconds: Number(process.env['LEASE_SECONDS'] ?? '180'),
  });
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error('environment variable ' + name + ' is not set');
  return value;
}
`;
}
