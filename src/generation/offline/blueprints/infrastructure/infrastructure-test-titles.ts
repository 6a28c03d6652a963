import type { InfrastructureAsks } from './infrastructure-asks.js';
import type { ObjectLockAsk } from './lifecycle-asks.js';
import type { StorageClassMove } from './storage-class-moves.js';

/** Titles of the generated template tests, shared by the test file and the coverage that cites them. */
export const TEMPLATE_TEST_FILE = 'test/template.test.ts';
export const OUTPUTS_TEST_FILE = 'test/stack-outputs.test.ts';

export const TITLES = {
  encrypted: 'the bucket is encrypted with the stack own rotating key',
  private: 'the bucket blocks every kind of public access',
  tls: 'the bucket refuses requests without TLS',
  retained: 'the bucket and its key are kept when the stack is deleted',
  versioned: 'the bucket keeps object versions and expires old ones',
  alarms: 'cloudwatch alarms may publish to the encrypted topic',
  outputs: 'reads every output into its field',
} as const;

/** Names the prefix when the move is scoped to one (`objects under logs/ move to GLACIER…`). */
export function transitionTitle(transition: StorageClassMove): string {
  const under = transition.prefix === undefined ? '' : ` under ${transition.prefix}`;
  return `objects${under} move to ${transition.storageClass} after ${transition.days} days`;
}

/** Object Lock when the request asked that objects cannot be deleted; else the lifecycle floor. */
export function retentionTitle(retention: NonNullable<InfrastructureAsks['retention']>): string {
  const period = `${retention.duration.amount} ${retention.duration.unit}`;
  return retention.locked
    ? objectLockTitle(retention)
    : `no lifecycle rule deletes an object${retention.prefix === undefined ? '' : ` under ${retention.prefix}`} before it is ${period} old`;
}

/** The Object Lock default retention's test. */
export function objectLockTitle(lock: ObjectLockAsk): string {
  return `every object is kept ${lock.duration.amount} ${lock.duration.unit} under object lock`;
}

/** Names the prefix when the expiry is scoped to one (`every object under tmp/ expires…`). */
export function expirationTitle(days: number, prefix?: string): string {
  return `every object${prefix === undefined ? '' : ` under ${prefix}`} expires ${days} days after it was written`;
}

export function abortMultipartTitle(days: number): string {
  return `incomplete multipart uploads are aborted after ${days} days`;
}

export function noncurrentTitle(days: number): string {
  return `old versions expire after ${days} days`;
}

export const OBJECT_NOTIFICATIONS_TITLE = 'a new object publishes to the notifications topic';

export const EMAIL_TITLE = 'the topic emails NotificationEmail only when an address is set';
