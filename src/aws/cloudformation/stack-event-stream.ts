import { DescribeStackEventsCommand } from '@aws-sdk/client-cloudformation';
import type { StackEvent } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from './cloudformation-api.js';

export interface StackEventStream {
  /** Reads the events that appeared since the last read, logs them oldest first and returns them. */
  readonly readNew: () => Promise<StackEvent[]>;
  /** Every event read since the stream opened, oldest first. */
  readonly events: () => readonly StackEvent[];
}

/** A bound on paging per read, so a stack with a huge history cannot turn one poll into hundreds of calls. */
const MAX_PAGES_PER_READ = 10;

/**
 * Opens a view of a stack's events that only ever shows new ones. The events already there when
 * it opens are the baseline and are never logged; DescribeStackEvents lists newest first, so a
 * read pages back only until it meets an event it has seen.
 */
export async function openStackEventStream(params: {
  cfn: CloudFormationApi;
  stackName: string;
  log: (line: string) => void;
}): Promise<StackEventStream> {
  const { cfn, stackName, log } = params;
  const seenIds = new Set<string>();
  const collected: StackEvent[] = [];

  const readUnseen = async (): Promise<StackEvent[]> => {
    const unseen: StackEvent[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES_PER_READ; page += 1) {
      const answer = await cfn.send(
        new DescribeStackEventsCommand({ StackName: stackName, ...(token ? { NextToken: token } : {}) }),
      );
      const events = answer.StackEvents ?? [];
      const fresh = events.filter((event) => event.EventId !== undefined && !seenIds.has(event.EventId));
      unseen.push(...fresh);
      token = answer.NextToken;
      if (fresh.length < events.length || token === undefined) break;
    }
    for (const event of unseen) if (event.EventId !== undefined) seenIds.add(event.EventId);
    return unseen.reverse();
  };

  await readUnseen();
  return {
    readNew: async () => {
      const fresh = await readUnseen();
      for (const event of fresh) log(formatEvent(event));
      collected.push(...fresh);
      return fresh;
    },
    events: () => collected,
  };
}

function formatEvent(event: StackEvent): string {
  const time = event.Timestamp?.toISOString() ?? '';
  const reason = event.ResourceStatusReason ? ` - ${event.ResourceStatusReason}` : '';
  return `${time} ${event.ResourceStatus ?? ''} ${event.ResourceType ?? ''} ${event.LogicalResourceId ?? ''}${reason}`.trim();
}
