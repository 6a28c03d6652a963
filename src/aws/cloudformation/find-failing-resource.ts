import type { StackEvent } from '@aws-sdk/client-cloudformation';
import type { FailingResource } from './deploy-result.js';

/**
 * Once one resource fails, CloudFormation cancels the others in flight and reports those as failed
 * too; their reasons say nothing about the cause.
 */
const KNOCK_ON = /^Resource (creation|update|deletion) cancelled/i;

/**
 * The first resource that failed on its own account, from one operation's events (oldest first).
 * Falls back to the stack's own failure event ("The following resource(s) failed to create: [...]")
 * when no resource says more.
 */
export function findFailingResource(events: readonly StackEvent[]): FailingResource | undefined {
  const failures = events.filter(
    (event) => event.ResourceStatus?.endsWith('_FAILED') && event.ResourceStatusReason !== undefined,
  );
  const isStackItself = (event: StackEvent) => event.LogicalResourceId === event.StackName;
  const cause =
    failures.find((event) => !isStackItself(event) && !KNOCK_ON.test(event.ResourceStatusReason ?? '')) ??
    failures.find((event) => !isStackItself(event)) ??
    failures[0];
  if (cause === undefined) return undefined;
  return {
    logicalId: cause.LogicalResourceId ?? '(unknown)',
    resourceType: cause.ResourceType ?? '(unknown type)',
    status: cause.ResourceStatus ?? '(unknown status)',
    reason: cause.ResourceStatusReason ?? '',
  };
}
