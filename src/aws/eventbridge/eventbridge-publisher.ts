import { PutEventsCommand, type PutEventsCommandOutput } from '@aws-sdk/client-eventbridge';
import type { LifecyclePublisher } from '../../core/stores/lifecycle-publisher.js';
import { LIFECYCLE_EVENT_SOURCE, type LifecycleEvent } from '../../core/task/lifecycle-event.js';

/** PutEvents takes at most 10 entries per call (EventBridge API reference, PutEvents). */
const MAX_ENTRIES_PER_CALL = 10;

/** The one client method the publisher uses, so a test passes a plain object or a mocked client. */
export interface EventBridgeApi {
  send(command: PutEventsCommand): Promise<PutEventsCommandOutput>;
}

/**
 * Lifecycle events to an EventBridge bus (`mirrors.event_bus`, a name or ARN): `source`
 * `implementation-agent`, one `detail-type` per milestone, `detail` the versioned JSON of
 * `LifecycleDetail`, `time` the step's own time. Throws when the call fails (after the client's
 * retries) or when EventBridge refuses any entry (`FailedEntryCount`), naming its error code.
 */
export function createEventBridgePublisher(params: {
  client: EventBridgeApi;
  busName: string;
}): LifecyclePublisher {
  return {
    async publish(events) {
      for (let start = 0; start < events.length; start += MAX_ENTRIES_PER_CALL) {
        const batch = events.slice(start, start + MAX_ENTRIES_PER_CALL);
        const output = await params.client.send(
          new PutEventsCommand({ Entries: batch.map((event) => entryFor(event, params.busName)) }),
        );
        if ((output.FailedEntryCount ?? 0) > 0) {
          const failed = (output.Entries ?? [])
            .map((entry, index) => ({ entry, event: batch[index] }))
            .filter(({ entry }) => entry.ErrorCode !== undefined)
            .map(({ entry, event }) =>
              `${event?.detailType ?? 'an event'}: ${entry.ErrorCode} ${entry.ErrorMessage ?? ''}`.trim(),
            );
          throw new Error(
            `EventBridge refused ${output.FailedEntryCount} of ${batch.length} lifecycle event(s) on ${params.busName} (${failed.join('; ')}).`,
          );
        }
      }
    },
  };
}

function entryFor(event: LifecycleEvent, busName: string) {
  return {
    EventBusName: busName,
    Source: LIFECYCLE_EVENT_SOURCE,
    DetailType: event.detailType,
    Detail: JSON.stringify(event.detail),
    Time: new Date(event.detail.at),
  };
}
