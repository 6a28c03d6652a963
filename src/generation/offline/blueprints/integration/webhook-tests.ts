import { codeLiteral } from '../../naming/code-literal.js';
import { TITLES, actionTitle, providerTitle, typeTitle } from './integration-test-titles.js';
import type { StoryMessage } from './message-types.js';
import { distinctMessageTypes } from './message-types.js';
import type { DeliveryAction } from './provider-event-types.js';
import type { WebhookProvider } from './webhook-provider.js';

/**
 * A sender that names its event and delivery in headers (GitHub: X-GitHub-Event, X-GitHub-Delivery)
 * is read by those headers: a body without type or id is typed and deduplicated by them.
 */
function providerTest(provider: WebhookProvider | undefined, messages: readonly StoryMessage[]): string {
  if (provider?.eventHeader === undefined || provider.deliveryHeader === undefined) return '';
  const type = messages[0]?.messageType ?? 'record-item';
  const first = codeLiteral(type);
  const event = codeLiteral(
    messages[0]?.deliveryTypes?.[0] ?? type.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase(),
  );
  const action = messages[0]?.deliveryActions?.find(
    (entry) => entry.event === messages[0]?.deliveryTypes?.[0],
  );
  return `  it(${codeLiteral(providerTitle(provider))}, async () => {
    const { drain, queued, store, deps } = setup();
    const payload = ${action === undefined ? "{ action: 'opened', number: 1 }" : JSON.stringify({ ...actionPayload(action), number: 1 })};
    const body = JSON.stringify(payload);
    const headers = (delivery: string) => ({ [${codeLiteral(provider.eventHeader)}]: ${event}, [${codeLiteral(provider.deliveryHeader)}]: delivery, [DELIVERY_HEADERS.signature]: sign(body, SECRET) });
    expect(await receiveWebhook({ headers: headers('72d3162e-cc78-11e3-81ab-4c9367dc0958'), body }, deps)).toMatchObject({ statusCode: 202, body: JSON.stringify({ status: 'queued', id: '72d3162e-cc78-11e3-81ab-4c9367dc0958' }) });
    expect((await receiveWebhook({ headers: headers('72d3162e-cc78-11e3-81ab-4c9367dc0958'), body }, deps)).statusCode).toBe(202);
    expect((await receiveWebhook({ headers: headers('a7b1c2d3-0000-11e3-81ab-4c9367dc0958'), body }, deps)).statusCode).toBe(202);
    expect(queued.map((message) => [message.id, message.type])).toEqual([
      ['72d3162e-cc78-11e3-81ab-4c9367dc0958', ${first}],
      ['72d3162e-cc78-11e3-81ab-4c9367dc0958', ${first}],
      ['a7b1c2d3-0000-11e3-81ab-4c9367dc0958', ${first}],
    ]);
    expect(await drain()).toEqual({ batchItemFailures: [] });
    expect([...store.completed().keys()].sort()).toEqual(['72d3162e-cc78-11e3-81ab-4c9367dc0958', 'a7b1c2d3-0000-11e3-81ab-4c9367dc0958']);
  });

`;
}

/**
 * The receiver's suite: signed and unsigned deliveries, the sender's headers, the sender's own
 * signature scheme (Stripe), and each message type end to end — delivered under the sender's own name
 * for it when that is known (Stripe's `payment_intent.succeeded` in the body's type, GitHub's `push`
 * in X-GitHub-Event), so the test fails if real deliveries would be dropped.
 */
export function webhookTests(params: {
  messages: readonly StoryMessage[];
  bus: boolean;
  provider: WebhookProvider | undefined;
}): string {
  const { messages, bus, provider } = params;
  const types = distinctMessageTypes(messages);
  const first = codeLiteral(types[0] ?? 'record-item');
  const handlers = bus
    ? 'createHandlers({ publish: async (message) => void published.push(message) })'
    : 'createHandlers({})';
  const perType = types.map((type) => {
    const literal = codeLiteral(type);
    const message = messages.find((candidate) => candidate.messageType === type);
    const real = message?.deliveryTypes?.[0];
    const action = message?.deliveryActions?.find((entry) => entry.event === real);
    const inHeader = real !== undefined && provider?.eventHeader !== undefined;
    const given = codeLiteral(real ?? type.replace(/([a-z0-9])([A-Z])/g, '$1.$2').toLowerCase());
    const check = bus
      ? `    expect(published).toEqual([{ id: 'delivery-1', type: ${literal}, payload: delivery }]);`
      : `    expect([...store.completed().keys()]).toEqual(['delivery-1']);`;
    const extra = action === undefined ? '' : `, ...${JSON.stringify(actionPayload(action))}`;
    return `${action === undefined || !inHeader ? '' : actionTest({ type, action, eventHeader: provider?.eventHeader ?? '', siblings: messages.flatMap((other) => other.deliveryActions ?? []) })}  it(${codeLiteral(typeTitle(type, true, bus, real))}, async () => {
    const { deliver, drain, ${bus ? 'published' : 'store'} } = setup();
    const delivery = ${inHeader ? `{ id: 'delivery-1', amount: 12.5${extra} }` : `{ id: 'delivery-1', object: 'event', type: ${given}, amount: 12.5${extra} }`};
    expect((await deliver(delivery${inHeader ? `, undefined, { [${codeLiteral(provider?.eventHeader ?? '')}]: ${given} }` : ''})).statusCode).toBe(202);
    expect(await drain()).toEqual({ batchItemFailures: [] });
${check}
  });
`;
  });
  return `${provider?.scheme === 'stripe' ? "import { createHmac } from 'node:crypto';\n" : ''}import { createHandlers } from '../src/message-handlers';
import type { Message } from '../src/messages';
import { processBatch } from '../src/process-batch';
import { InMemoryProcessedStore } from '../src/processed-store';
import { receiveWebhook } from '../src/receive-webhook';
import { sign } from '../src/signature';
import { DELIVERY_HEADERS } from '../src/webhook-provider';

const SECRET = 'test-signing-secret';

/** The receiver on an in-memory queue, and the consumer draining that queue: the whole path without AWS. */
function setup() {
  const queued: Message[] = [];
  const published: Message[] = [];
  const logs: Record<string, unknown>[] = [];
  let rejected = 0;
  const store = new InMemoryProcessedStore();
  const deps = {
    secret: async () => SECRET,
    enqueue: async (message: Message) => void queued.push(message),
    signatureHeader: DELIVERY_HEADERS.signature,
    eventHeader: DELIVERY_HEADERS.event,
    deliveryHeader: DELIVERY_HEADERS.delivery,
    log: (entry: Record<string, unknown>) => void logs.push(entry),
    countRejected: () => void (rejected += 1),
  };
  const deliver = (value: unknown, signature?: string, headers: Record<string, string> = {}) => {
    const body = JSON.stringify(value);
    return receiveWebhook({ headers: { ...headers, [DELIVERY_HEADERS.signature]: signature ?? sign(body, SECRET) }, body }, deps);
  };
  const drain = () =>
    processBatch(
      { Records: queued.splice(0).map((message, index) => ({ messageId: 'sqs-' + String(index + 1), body: JSON.stringify(message) })) },
      { store, handlers: ${handlers}, now: () => new Date('2030-01-01T00:00:00Z'), leaseSeconds: 180, log: () => undefined },
    );
  return { deliver, drain, queued, published, logs, store, rejected: () => rejected, deps };
}

describe('receiveWebhook', () => {
  it(${codeLiteral(TITLES.accepted)}, async () => {
    const { deliver, drain, queued, store } = setup();
    const delivery = { id: 'delivery-7', type: ${first}, amount: 3 };
    expect(await deliver(delivery)).toMatchObject({ statusCode: 202, body: JSON.stringify({ status: 'queued', id: 'delivery-7' }) });
    expect(queued).toEqual([{ id: 'delivery-7', type: ${first}, payload: delivery }]);
    expect((await deliver(delivery)).statusCode).toBe(202);
    expect(await drain()).toEqual({ batchItemFailures: [] });
    expect([...store.completed().keys()]).toEqual(['delivery-7']);
  });

  it(${codeLiteral(TITLES.rejected)}, async () => {
    const { deliver, queued, logs, rejected, deps } = setup();
    const delivery = { id: 'delivery-8', type: ${first} };
    expect((await deliver(delivery, sign(JSON.stringify(delivery), 'wrong-secret'))).statusCode).toBe(401);
    expect((await deliver(delivery, 'sha256=' + '0'.repeat(64))).statusCode).toBe(401);
    expect((await receiveWebhook({ body: JSON.stringify(delivery) }, deps)).statusCode).toBe(401);
    expect(queued).toEqual([]);
    expect(rejected()).toBe(3);
    expect(logs.map((entry) => [entry['outcome'], entry['reason']])).toEqual([
      ['signature-rejected', 'signature does not match'],
      ['signature-rejected', 'signature does not match'],
      ['signature-rejected', 'no signature header'],
    ]);
  });

${providerTest(provider, messages)}${provider?.scheme === 'stripe' ? stripeTest(messages) : ''}  it(${codeLiteral(TITLES.ignored)}, async () => {
    const { deliver, queued, logs } = setup();
    expect(await deliver({ id: 'delivery-9', type: 'something.else' })).toMatchObject({ statusCode: 202, body: JSON.stringify({ status: 'ignored', id: 'delivery-9' }) });
    expect(queued).toEqual([]);
    expect(logs).toEqual([expect.objectContaining({ outcome: 'ignored-type', type: 'something.else' })]);
    expect((await deliver('not an object')).statusCode).toBe(400);
  });
});

describe('message types, end to end', () => {
${perType.join('\n')}});
`;
}

/**
 * The body fields an event action names: `{ action: 'closed', pull_request: { merged: true } }`; of
 * several values a field may have, the first.
 */
function actionPayload(action: DeliveryAction): Record<string, unknown> {
  const body: Record<string, unknown> = action.action === undefined ? {} : { action: action.action };
  for (const [path, value] of Object.entries(action.where ?? {})) {
    const keys = path.split('.');
    let node = body;
    keys.slice(0, -1).forEach((key) => {
      const next = (node[key] as Record<string, unknown> | undefined) ?? {};
      node[key] = next;
      node = next;
    });
    node[keys.at(-1) ?? path] = typeof value === 'object' ? value[0] : value;
  }
  return body;
}

/**
 * An event taken only for one action (GitHub's merged `pull_request`): the matching delivery is
 * queued as the type; the same event with another action, or with a payload field that differs
 * (`merged: false`, a closed pull request not merged), is acknowledged and dropped.
 */
function actionTest(params: {
  type: string;
  action: DeliveryAction & { event: string };
  eventHeader: string;
  /** Every event action the service takes. */
  siblings: readonly (DeliveryAction & { event: string })[];
}): string {
  const { type, action } = params;
  const header = codeLiteral(params.eventHeader);
  const event = codeLiteral(action.event);
  const others = [
    // `edited`: an action no message type here takes (GitHub sends it for pull requests and issues).
    ...(action.action === undefined ? [] : [{ ...actionPayload(action), action: 'edited' }]),
    // The same action with a field that differs, unless another type here takes that action as it is.
    ...Object.entries(
      params.siblings.some(
        (other) =>
          other.event === action.event && other.action === action.action && other.name !== action.name,
      )
        ? {}
        : (action.where ?? {}),
    ).map(([path, value]) =>
      actionPayload({
        ...action,
        where: {
          ...action.where,
          [path]:
            typeof value === 'boolean'
              ? !value
              : `not ${typeof value === 'string' ? value : value.join(' ')}`,
        },
      }),
    ),
  ];
  // A field that may hold one of several values (`failure` or `error`): each is taken.
  const taken = [
    actionPayload(action),
    ...Object.entries(action.where ?? {}).flatMap(([path, value]) =>
      typeof value === 'object'
        ? value.slice(1).map((one) => actionPayload({ ...action, where: { ...action.where, [path]: one } }))
        : [],
    ),
  ];
  const ids = taken.map((_, index) => `['delivery-${index + 1}', ${codeLiteral(type)}]`);
  return `  it(${codeLiteral(actionTitle(type, action))}, async () => {
    const { deliver, queued, logs } = setup();
    const headers = { [${header}]: ${event} };
${taken
  .map(
    (payload, index) =>
      `    expect((await deliver({ id: 'delivery-${index + 1}', ...${JSON.stringify(payload)} }, undefined, headers)).statusCode).toBe(202);`,
  )
  .join('\n')}
${others
  .map(
    (payload, index) =>
      `    expect(await deliver({ id: 'other-${index + 1}', ...${JSON.stringify(payload)} }, undefined, headers)).toMatchObject({ statusCode: 202, body: JSON.stringify({ status: 'ignored', id: 'other-${index + 1}' }) });`,
  )
  .join('\n')}
    expect(queued.map((message) => [message.id, message.type])).toEqual([${ids.join(', ')}]);
    expect(logs.filter((entry) => entry['outcome'] === 'ignored-type')).toHaveLength(${others.length});
  });

`;
}

/**
 * Stripe's scheme, checked against a header built here from Stripe's documented recipe (not by the
 * generated sign()): `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, a stale or future
 * timestamp refused, any one of several v1 signatures enough (https://docs.stripe.com/webhooks#verify-manually).
 */
function stripeTest(messages: readonly StoryMessage[]): string {
  const type = codeLiteral(messages[0]?.deliveryTypes?.[0] ?? 'payment_intent.succeeded');
  return `  it(${codeLiteral(TITLES.stripe)}, async () => {
    const { deliver, queued } = setup();
    const delivery = { id: 'evt_3', object: 'event', type: ${type}, data: { object: { id: 'pi_3' } } };
    const body = JSON.stringify(delivery);
    const now = Math.floor(Date.now() / 1000);
    const v1 = (timestamp: number, text: string) => createHmac('sha256', SECRET).update(String(timestamp) + '.' + text, 'utf8').digest('hex');
    expect((await deliver(delivery, 't=' + String(now - 301) + ',v1=' + v1(now - 301, body))).statusCode).toBe(401);
    // The receiver reads the clock after this test does: a timestamp just past the tolerance ahead would come within it.
    expect((await deliver(delivery, 't=' + String(now + 360) + ',v1=' + v1(now + 360, body))).statusCode).toBe(401);
    expect((await deliver(delivery, 't=' + String(now) + ',v1=' + v1(now, body + ' '))).statusCode).toBe(401);
    expect((await deliver(delivery, 'v1=' + v1(now, body))).statusCode).toBe(401);
    expect((await deliver(delivery, 't=' + String(now) + ',v1=' + '0'.repeat(64) + ',v1=' + v1(now, body))).statusCode).toBe(202);
    expect(queued.map((message) => message.id)).toEqual(['evt_3']);
  });

`;
}
