import {
  PutEventsCommand,
  type PutEventsCommandOutput,
  type PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import { LifecyclePublishError, type LifecyclePublisher } from '../../core/stores/lifecycle-publisher.js';
import { LIFECYCLE_EVENT_SOURCE, type LifecycleEvent } from '../../core/task/lifecycle-event.js';
import { lifecycleEventId } from '../../core/task/lifecycle-event-id.js';

/** PutEvents takes at most 10 entries per call (EventBridge API reference, PutEvents). */
const MAX_ENTRIES_PER_CALL = 10;

/** The one client method the publisher uses, so a test passes a plain object or a mocked client. */
export interface EventBridgeApi {
  send(command: PutEventsCommand): Promise<PutEventsCommandOutput>;
}

/**
 * Lifecycle events to an EventBridge bus (`mirrors.event_bus`, a name or ARN): `source`
 * `implementation-agent`, one `detail-type` per milestone, `detail` the versioned JSON of
 * `LifecycleDetail` with its `event_id` (`lifecycleEventId`, the consumers' duplicate key), `time`
 * the step's own time. Throws `LifecyclePublishError` when a call fails
 * (after the client's retries: that batch and the later ones are unsent) or when EventBridge
 * refuses entries (`refusedEntries`: those entries are unsent), naming each error code.
 */
export function createEventBridgePublisher(params: {
  client: EventBridgeApi;
  busName: string;
}): LifecyclePublisher {
  return {
    async publish(events) {
      const unsent: LifecycleEvent[] = [];
      const problems: string[] = [];
      for (let start = 0; start < events.length; start += MAX_ENTRIES_PER_CALL) {
        const batch = events.slice(start, start + MAX_ENTRIES_PER_CALL);
        let output: PutEventsCommandOutput;
        try {
          output = await params.client.send(
            new PutEventsCommand({ Entries: batch.map((event) => entryFor(event, params.busName)) }),
          );
        } catch (error) {
          // The call itself failed: this batch and every later one are unsent.
          const reason = error instanceof Error ? error.message : String(error);
          throw new LifecyclePublishError(
            [...problems, `PutEvents on ${params.busName} failed: ${reason}`].join(' '),
            [...unsent, ...events.slice(start)],
          );
        }
        const failed = refusedEntries(batch, output);
        if (failed.length === 0) continue;
        for (const { event } of failed) unsent.push(event);
        const codes = failed.map(({ entry, event }) =>
          `${event.detailType}: ${entry?.ErrorCode ?? 'no answer'} ${entry?.ErrorMessage ?? ''}`.trim(),
        );
        problems.push(
          `EventBridge refused ${failed.length} of ${batch.length} lifecycle event(s) on ${params.busName} (${codes.join('; ')}).`,
        );
      }
      if (problems.length > 0) throw new LifecyclePublishError(problems.join(' '), unsent);
    },
  };
}

/**
 * The entries of `batch` the bus did not take. The answer's entries are in the order sent; one
 * with an `ErrorCode` was not put on the bus, one with an `EventId` was (EventBridge API
 * reference, PutEventsResultEntry). When `FailedEntryCount` says some failed, an entry the answer
 * does not account for with an `EventId` (a short or missing list) is counted unsent too: sent
 * again, a consumer drops it by `detail.sequence`; counted sent, it would be lost.
 */
function refusedEntries(
  batch: readonly LifecycleEvent[],
  output: PutEventsCommandOutput,
): { event: LifecycleEvent; entry: PutEventsResultEntry | undefined }[] {
  const someFailed = (output.FailedEntryCount ?? 0) > 0;
  return batch
    .map((event, index) => ({ event, entry: output.Entries?.[index] }))
    .filter(({ entry }) => entry?.ErrorCode !== undefined || (someFailed && entry?.EventId === undefined));
}

function entryFor(event: LifecycleEvent, busName: string) {
  return {
    EventBusName: busName,
    Source: LIFECYCLE_EVENT_SOURCE,
    DetailType: event.detailType,
    Detail: JSON.stringify({ ...event.detail, event_id: lifecycleEventId(event) }),
    Time: new Date(event.detail.at),
  };
}
