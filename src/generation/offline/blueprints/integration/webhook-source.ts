import { codeLiteral } from '../../naming/code-literal.js';
import type { DeliveryWhere } from './provider-event-types.js';
import type { WebhookProvider } from './webhook-provider.js';

/** Generated `src/event-bus.ts`: consumed messages as EventBridge events. */
export const EVENT_BUS = `import type { Message } from './messages';

export interface PutEventsEntry {
  EventBusName: string;
  Source: string;
  DetailType: string;
  Detail: string;
}

/** The one EventBridge call made; connectPutEvents wires it to the SDK. */
export type PutEvents = (entries: PutEventsEntry[]) => Promise<{ FailedEntryCount?: number; Entries?: { ErrorCode?: string; ErrorMessage?: string }[] }>;

/**
 * Each message becomes one event: detail-type = its type, detail = its id and payload. PutEvents
 * reports failures per entry with HTTP 200, so a FailedEntryCount above zero throws: SQS then retries
 * the message, and dead-letters it in the end.
 */
export function createEventBusPublisher(params: { busName: string; source: string; putEvents: PutEvents }): (message: Message) => Promise<void> {
  return async (message) => {
    const result = await params.putEvents([{ EventBusName: params.busName, Source: params.source, DetailType: message.type, Detail: JSON.stringify({ id: message.id, payload: message.payload }) }]);
    if ((result.FailedEntryCount ?? 0) > 0) {
      const entry = result.Entries?.[0];
      throw new Error('EventBridge refused the event: ' + (entry?.ErrorCode ?? '') + ' ' + (entry?.ErrorMessage ?? 'no reason given'));
    }
  };
}

/** The SDK behind PutEvents, loaded lazily so the tests never need it. */
export async function connectPutEvents(): Promise<PutEvents> {
  const { EventBridgeClient, PutEventsCommand } = await import('@aws-sdk/client-eventbridge');
  const client = new EventBridgeClient({});
  return (entries) => client.send(new PutEventsCommand({ Entries: entries }));
}
`;

const HTTP_TYPES = `/** The parts of an API Gateway HTTP API event (payload format 2.0) the receiver reads; header names arrive lowercased. */
export interface HttpApiEvent {
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
}

export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}
`;

const SIGNATURE = `import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether a signature is the HMAC-SHA256 of the raw body under the shared secret, as hex (a
 * \`sha256=\` prefix is accepted). Compared in constant time, so timing reveals nothing about the secret.
 */
export function signatureMatches(params: { body: string; secret: string; signature: string | undefined }): boolean {
  const given = (params.signature ?? '').trim().replace(/^sha256=/i, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given) || params.secret === '') return false;
  const expected = createHmac('sha256', params.secret).update(params.body, 'utf8').digest();
  return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}

/** The signature a sender computes: for tests, and for replaying a delivery by hand. */
export function sign(body: string, secret: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}
`;

/** Stripe's default tolerance, in seconds, the generated check refuses a signed timestamp beyond (https://docs.stripe.com/webhooks#replay-attacks). */
export const STRIPE_TOLERANCE_SECONDS = 300;

/**
 * Generated `src/signature.ts` for Stripe (https://docs.stripe.com/webhooks#verify-manually): the
 * Stripe-Signature header is `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`; v1 is HMAC-SHA256 of
 * `<t>.<raw body>` under the endpoint's signing secret (`whsec_…`, used as is). A timestamp more than
 * the tolerance (Stripe's default, 300 s) from now is refused, so a captured delivery cannot be replayed.
 */
const STRIPE_SIGNATURE = `import { createHmac, timingSafeEqual } from 'node:crypto';

/** Stripe's default tolerance between the signed timestamp and now, in seconds. */
export const TOLERANCE_SECONDS = ${STRIPE_TOLERANCE_SECONDS};

/**
 * Whether a Stripe-Signature header signs this raw body under the secret: one of its v1 signatures is
 * the HMAC-SHA256 of \`<t>.<body>\` (hex, compared in constant time) and t is within the tolerance of now.
 */
export function signatureMatches(params: { body: string; secret: string; signature: string | undefined; nowSeconds?: number }): boolean {
  if (params.signature === undefined || params.secret === '') return false;
  const pairs = params.signature.split(',').map((part) => part.trim().split('='));
  const timestamp = pairs.find(([key]) => key === 't')?.[1] ?? '';
  const given = pairs.filter(([key, value]) => key === 'v1' && value !== undefined && /^[0-9a-f]{64}$/.test(value)).map(([, value]) => value ?? '');
  if (!/^[0-9]{1,12}$/.test(timestamp) || given.length === 0) return false;
  const now = params.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', params.secret).update(timestamp + '.' + params.body, 'utf8').digest();
  return given.some((hex) => timingSafeEqual(Buffer.from(hex, 'hex'), expected));
}

/** The header Stripe sends for this body at this time (default now): for tests, and for replaying a delivery by hand. */
export function sign(body: string, secret: string, timestamp: number = Math.floor(Date.now() / 1000)): string {
  return 't=' + String(timestamp) + ',v1=' + createHmac('sha256', secret).update(String(timestamp) + '.' + body, 'utf8').digest('hex');
}
`;

const RECEIVE_WEBHOOK = `import { createHash } from 'node:crypto';
import type { HttpApiEvent, HttpApiResult } from './http-types';
import { ID_PATTERN, MESSAGE_TYPES } from './messages';
import type { Message, MessageType } from './messages';
import { signatureMatches } from './signature';
import { DELIVERY_ACTIONS, DELIVERY_TYPES } from './webhook-provider';

export interface ReceiveDependencies {
  /** The shared signing secret. */
  secret: () => Promise<string>;
  enqueue: (message: Message) => Promise<void>;
  /** Header carrying the signature, lowercase (API Gateway lowercases header names). */
  signatureHeader: string;
  /** Header naming the delivery's event (GitHub: x-github-event), lowercase; read before the body's type fields. */
  eventHeader?: string | undefined;
  /** Header with the sender's unique delivery id, kept on redelivery (GitHub: x-github-delivery), lowercase. */
  deliveryHeader?: string | undefined;
  log?: (entry: Record<string, unknown>) => void;
  /** Counts a rejected delivery; the template alarms on the count. */
  countRejected?: () => void;
}

const MAX_BODY_BYTES = 256 * 1024;
const TYPE_FIELDS = ['type', 'event', 'eventType', 'event_type'];

/**
 * One webhook delivery: checked against its signature before anything else is read, then queued
 * under its delivery id (the delivery header's, else the body's id, else the body's sha256) so the
 * consumer handles a resent delivery once. The type comes from the event header, else the body's type
 * fields; a sender that names its event in a header, to a service of one message type, has every event
 * taken as that type. Types this service does not handle are acknowledged and logged, not retried forever.
 */
export async function receiveWebhook(event: HttpApiEvent, deps: ReceiveDependencies): Promise<HttpApiResult> {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const body = event.isBase64Encoded === true ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return json(413, { error: 'body must be at most ' + MAX_BODY_BYTES + ' bytes' });
  const signature = event.headers?.[deps.signatureHeader];
  if (!signatureMatches({ body, secret: await deps.secret(), signature })) {
    log({ level: 'warn', outcome: 'signature-rejected', reason: signature === undefined ? 'no signature header' : 'signature does not match', bodySha256: sha256(body) });
    deps.countRejected?.();
    return json(401, { error: 'signature check failed' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return json(400, { error: 'body must be JSON' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return json(400, { error: 'body must be a JSON object' });
  const fields = parsed as Record<string, unknown>;
  const headerEvent = deps.eventHeader === undefined ? undefined : event.headers?.[deps.eventHeader];
  const candidates = [headerEvent, ...TYPE_FIELDS.map((name) => fields[name])].filter((value): value is string => typeof value === 'string');
  const given = candidates.find((value) => knownType(value, fields) !== undefined) ?? candidates[0];
  const declared: readonly MessageType[] = MESSAGE_TYPES;
  // An event taken only for some actions (a merged pull_request) is never the catch-all type for the others.
  const byAction = given !== undefined && !Object.hasOwn(DELIVERY_TYPES, given) && DELIVERY_ACTIONS.some((entry) => entry.event === given);
  const type = knownType(given, fields) ?? (headerEvent !== undefined && declared.length === 1 && !byAction ? declared[0] : undefined);
  const delivery = deps.deliveryHeader === undefined ? undefined : event.headers?.[deps.deliveryHeader];
  const id =
    delivery !== undefined && ID_PATTERN.test(delivery)
      ? delivery
      : typeof fields['id'] === 'string' && ID_PATTERN.test(fields['id'])
        ? fields['id']
        : 'sha256-' + sha256(body);
  if (type === undefined) {
    const action = typeof fields['action'] === 'string' ? fields['action'].slice(0, 100) : null;
    log({ level: 'info', outcome: 'ignored-type', id, type: typeof given === 'string' ? given.slice(0, 100) : null, ...(byAction ? { action } : {}) });
    return json(202, { status: 'ignored', id });
  }
  await deps.enqueue({ id, type, payload: fields });
  log({ level: 'info', outcome: 'queued', id, type });
  return json(202, { status: 'queued', id });
}

/**
 * The message type of a delivery: one of the event's actions (DELIVERY_ACTIONS: GitHub's
 * \`pull_request\` closed with \`pull_request.merged\` true), else the sender's own name for the event
 * (DELIVERY_TYPES: Stripe's \`payment_intent.succeeded\`), else a spelling of a message type. An event
 * taken only for some actions is no type for the others.
 */
function knownType(given: string | undefined, fields: Record<string, unknown>): MessageType | undefined {
  if (given === undefined) return undefined;
  const actions = DELIVERY_ACTIONS.filter((entry) => entry.event === given);
  const matched = actions.find((entry) => (entry.action === undefined || entry.action === fields['action']) && Object.entries(entry.where ?? {}).every(([path, value]) => holds(valueAt(fields, path), value)));
  if (matched !== undefined) return matched.type;
  if (Object.hasOwn(DELIVERY_TYPES, given)) return DELIVERY_TYPES[given];
  return actions.length > 0 ? undefined : messageTypeOf(given);
}

/** A payload value is the one asked for, or one of the several asked for (\`deployment_status.state\` failure or error). */
function holds(found: unknown, wanted: boolean | string | readonly string[]): boolean {
  return typeof wanted === 'object' ? typeof found === 'string' && wanted.includes(found) : found === wanted;
}

/** The value at a dotted path of the body (\`pull_request.merged\`), undefined when a step is missing. */
function valueAt(fields: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined), fields);
}

/** \`payment.settled\`, \`payment_settled\` and \`PaymentSettled\` all name PaymentSettled. */
export function messageTypeOf(given: unknown): MessageType | undefined {
  if (typeof given !== 'string') return undefined;
  const key = given.toLowerCase().replace(/[^a-z0-9]/g, '');
  return MESSAGE_TYPES.find((type) => type.toLowerCase().replace(/[^a-z0-9]/g, '') === key);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function json(statusCode: number, value: unknown): HttpApiResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}
`;

const WEBHOOK_HANDLER = `import type { HttpApiEvent, HttpApiResult } from './http-types';
import type { Message } from './messages';
import { receiveWebhook } from './receive-webhook';
import { DELIVERY_HEADERS } from './webhook-provider';

const SECRET_CACHE_MS = 5 * 60 * 1000;
let cached: { value: string; until: number } | undefined;

/** Lambda entry point of POST /webhooks: the secret from Secrets Manager (cached 5 minutes), the queue from SQS. */
export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  return receiveWebhook(event, {
    secret: readSecret,
    enqueue,
    signatureHeader: (process.env['SIGNATURE_HEADER'] ?? DELIVERY_HEADERS.signature).toLowerCase(),
    eventHeader: DELIVERY_HEADERS.event,
    deliveryHeader: DELIVERY_HEADERS.delivery,
    countRejected: () => process.stdout.write(rejectedMetric() + '\\n'),
  });
}

async function readSecret(): Promise<string> {
  if (cached !== undefined && cached.until > Date.now()) return cached.value;
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const result = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: requiredEnv('SECRET_ARN') }));
  cached = { value: result.SecretString ?? '', until: Date.now() + SECRET_CACHE_MS };
  return cached.value;
}

async function enqueue(message: Message): Promise<void> {
  const { SQSClient, SendMessageCommand } = await import('@aws-sdk/client-sqs');
  await new SQSClient({}).send(new SendMessageCommand({ QueueUrl: requiredEnv('QUEUE_URL'), MessageBody: JSON.stringify(message) }));
}

/** One CloudWatch embedded-metric-format record; written raw to stdout so Lambda does not prefix it. */
function rejectedMetric(): string {
  return JSON.stringify({
    _aws: { Timestamp: Date.now(), CloudWatchMetrics: [{ Namespace: requiredEnv('METRIC_NAMESPACE'), Dimensions: [[]], Metrics: [{ Name: 'SignatureRejected', Unit: 'Count' }] }] },
    SignatureRejected: 1,
  });
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error('environment variable ' + name + ' is not set');
  return value;
}
`;

/** Generated `src/webhook-provider.ts`: the sender's documented delivery headers. */
function providerSource(
  provider: WebhookProvider | undefined,
  signatureHeader: string,
  types: readonly [string, string][],
  actions: readonly DeliveryActionType[],
): string {
  const actionEntries = actions.map((entry) => {
    const where = Object.entries(entry.where ?? {}).map(
      ([path, value]) =>
        `${codeLiteral(path)}: ${typeof value === 'boolean' ? String(value) : typeof value === 'string' ? codeLiteral(value) : `[${value.map((one) => codeLiteral(one)).join(', ')}]`}`,
    );
    return `{ event: ${codeLiteral(entry.event)}${entry.action === undefined ? '' : `, action: ${codeLiteral(entry.action)}`}${where.length === 0 ? '' : `, where: { ${where.join(', ')} }`}, type: ${codeLiteral(entry.type)} }`;
  });
  const headers = [
    `signature: ${codeLiteral(signatureHeader)}`,
    ...(provider?.eventHeader === undefined ? [] : [`event: ${codeLiteral(provider.eventHeader)}`]),
    ...(provider?.deliveryHeader === undefined ? [] : [`delivery: ${codeLiteral(provider.deliveryHeader)}`]),
  ];
  return `import type { MessageType } from './messages';

/**
 * ${provider === undefined ? 'The headers deliveries carry (no sender was named: the signature header only).' : `${provider.name}'s delivery headers, lowercased as API Gateway passes them (${provider.docs}).`}
 * The signature header can be overridden by the SIGNATURE_HEADER environment variable.
 */
export const DELIVERY_HEADERS: { signature: string; event?: string; delivery?: string } = { ${headers.join(', ')} };

/**
 * ${types.length === 0 ? `The sender's own event names this service maps to its message types: none are known${provider === undefined ? '' : ` for ${provider.name}`}, so a delivery's type must spell a message type (\`payment.settled\` or \`PaymentSettled\` for PaymentSettled). Add the sender's real names here.` : `${provider?.name ?? 'The sender'}'s own event names, as deliveries carry them, and the message type each is.`}
 */
export const DELIVERY_TYPES: Readonly<Record<string, MessageType>> = ${types.length === 0 ? '{}' : `{ ${types.map(([delivery, message]) => `${codeLiteral(delivery)}: ${codeLiteral(message)}`).join(', ')} }`};

/**
 * ${actions.length === 0 ? 'Events taken only for some of their actions: none.' : `${provider?.name ?? 'The sender'} sends one event for many actions (the body's \`action\`): the deliveries each message type is, by event, action and payload fields; the event's other actions are acknowledged and dropped.`}
 */
export const DELIVERY_ACTIONS: readonly { event: string; action?: string; where?: Readonly<Record<string, boolean | string | readonly string[]>>; type: MessageType }[] = [${actionEntries.join(', ')}];
`;
}

/** An event action a message type is (`pull_request` closed with `pull_request.merged` true → PullRequestMerged). */
export interface DeliveryActionType {
  readonly event: string;
  readonly action?: string;
  readonly where?: DeliveryWhere;
  readonly type: string;
}

/** The webhook receiver's files: HTTP types, the sender's headers, the signature check, the delivery logic and its Lambda entry. */
export function webhookSources(params: {
  provider: WebhookProvider | undefined;
  signatureHeader: string;
  /** The sender's event names and the message type each is: [`payment_intent.succeeded`, `PaymentIntentSucceeded`]. */
  deliveryTypes: readonly [string, string][];
  /** Events taken only for some actions, and the message type each action is. */
  deliveryActions: readonly DeliveryActionType[];
  /** The queue is FIFO: each send carries its group and deduplication id (src/send-message.ts). */
  fifo: boolean;
}): [string, string][] {
  return [
    ['http-types.ts', HTTP_TYPES],
    [
      'webhook-provider.ts',
      providerSource(params.provider, params.signatureHeader, params.deliveryTypes, params.deliveryActions),
    ],
    ['signature.ts', params.provider?.scheme === 'stripe' ? STRIPE_SIGNATURE : SIGNATURE],
    ['receive-webhook.ts', RECEIVE_WEBHOOK],
    ['webhook-handler.ts', params.fifo ? fifoWebhookHandler() : WEBHOOK_HANDLER],
  ];
}

/** The receiver's handler sending to a FIFO queue: the group and deduplication id come from fifoSend. */
function fifoWebhookHandler(): string {
  return WEBHOOK_HANDLER.replace(
    "import { receiveWebhook } from './receive-webhook';\n",
    "import { receiveWebhook } from './receive-webhook';\nimport { fifoSend } from './send-message';\n",
  ).replace(
    "new SendMessageCommand({ QueueUrl: requiredEnv('QUEUE_URL'), MessageBody: JSON.stringify(message) })",
    "new SendMessageCommand(fifoSend(requiredEnv('QUEUE_URL'), message))",
  );
}
