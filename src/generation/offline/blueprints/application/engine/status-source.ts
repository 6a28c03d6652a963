/** Generated `src/status-rules.ts`: which status changes the routes may make. */
export const STATUS_RULES_SOURCE = `import type { ResourceModel } from './model';

export type StatusCheck = { ok: true; status: string } | { ok: false; error: string };

/**
 * Whether an action may move an item from its current status: never out of a final status, never to
 * the status it already has, never from a status a story rules out (refusedFrom), only from the
 * statuses a story names (onlyIn: \`reopen a resolved ticket\`).
 */
export function checkTransition(params: { resource: ResourceModel; action: string; current: string | undefined; refusedFrom: readonly string[]; onlyIn?: readonly string[] }): StatusCheck {
  const { resource, action } = params;
  const target = resource.status?.transitions[action];
  const current = params.current ?? '';
  if (target === undefined) return { ok: false, error: spokenName(resource) + ' has no action ' + action };
  if (current === target) return { ok: false, error: 'the ' + spokenName(resource) + ' is already ' + target };
  if (resource.status?.terminal.includes(current)) return { ok: false, error: 'the ' + spokenName(resource) + ' is ' + current + ', which is final' };
  const refused = refusal({ ...params, verb: action });
  return refused === undefined ? { ok: true, status: target } : { ok: false, error: refused };
}

/** \`leaveRequest\` → \`leave request\`: a resource's name as messages say it. */
export function spokenName(resource: ResourceModel): string {
  return resource.name.replace(/(?=[A-Z])/g, ' ').toLowerCase();
}

/**
 * Why a change is refused in the item's status, if it is: \`cannot cancel an order that is shipped\`;
 * with onlyIn (\`delete a closed ticket\`), any status but those: \`cannot delete a ticket that is open, only one that is closed\`.
 */
export function refusal(params: { resource: ResourceModel; verb: string; current: string | undefined; refusedFrom: readonly string[]; onlyIn?: readonly string[] }): string | undefined {
  const current = params.current ?? '';
  const name = spokenName(params.resource);
  const onlyIn = params.onlyIn ?? [];
  const what = 'cannot ' + params.verb + ' ' + params.resource.article + ' ' + name + ' that is ' + (current === '' ? 'without a status' : current);
  if (params.refusedFrom.includes(current)) return what;
  return onlyIn.length > 0 && !onlyIn.includes(current) ? what + ', only one that is ' + onlyIn.join(' or ') : undefined;
}
`;

/** Generated `src/status-events.ts`: where status changes are told, and a recorder for tests. */
export const STATUS_EVENTS_SOURCE = `/** One status change: a new item's first status (from null), or a move made by a route. */
export interface StatusChange {
  resource: string;
  id: string;
  from: string | null;
  to: string;
  at: string;
  item: Record<string, unknown>;
}

export interface StatusEvents {
  publish(change: StatusChange): Promise<void>;
}

/** Keeps what was published, for tests and local runs. */
export class RecordingStatusEvents implements StatusEvents {
  readonly published: StatusChange[] = [];

  async publish(change: StatusChange): Promise<void> {
    this.published.push(structuredClone(change));
  }
}
`;

/** Generated `src/eventbridge-status-events.ts`: status changes as EventBridge events. */
export const EVENTBRIDGE_STATUS_EVENTS_SOURCE = `import { RESOURCES } from './model';
import type { StatusEvents } from './status-events';

export interface PutEventsEntry {
  EventBusName: string;
  Source: string;
  DetailType: string;
  Detail: string;
}

/** The one EventBridge call made; connectPutEvents wires it to the SDK. */
export type PutEvents = (entries: PutEventsEntry[]) => Promise<{ FailedEntryCount?: number; Entries?: { ErrorCode?: string; ErrorMessage?: string }[] }>;

/**
 * Puts each status change on the bus as one event: source = this service, detail-type = the
 * resource's event type, detail = the change. PutEvents reports failures per entry with HTTP 200,
 * so a FailedEntryCount above zero is an error too.
 */
export function createEventBridgeStatusEvents(params: { busName: string; source: string; putEvents: PutEvents }): StatusEvents {
  return {
    async publish(change) {
      const detailType = RESOURCES[change.resource]?.statusEventType ?? 'StatusChanged';
      const result = await params.putEvents([{ EventBusName: params.busName, Source: params.source, DetailType: detailType, Detail: JSON.stringify(change) }]);
      if ((result.FailedEntryCount ?? 0) > 0) {
        const entry = result.Entries?.[0];
        throw new Error('EventBridge refused the event: ' + (entry?.ErrorCode ?? '') + ' ' + (entry?.ErrorMessage ?? 'no reason given'));
      }
    },
  };
}

/** The SDK behind PutEvents, loaded lazily so the tests never need it. */
export async function connectPutEvents(): Promise<PutEvents> {
  const { EventBridgeClient, PutEventsCommand } = await import('@aws-sdk/client-eventbridge');
  const client = new EventBridgeClient({});
  return (entries) => client.send(new PutEventsCommand({ Entries: entries }));
}
`;
