import type { InfrastructureAsks } from './infrastructure-asks.js';
import type { StorageClassMove } from './storage-class-moves.js';

/** Titles of the generated template tests, shared by the test file and the coverage that cites them. */
export const TEMPLATE_TEST_FILE = 'test/template.test.ts';
export const OUTPUTS_TEST_FILE = 'test/stack-outputs.test.ts';

export const TITLES = {
  encrypted: 'the bucket is encrypted with the stack own rotating key',
  private: 'the bucket blocks every kind of public access',
  tls: 'the bucket refuses requests without TLS',
  versioned: 'the bucket keeps object versions and expires old ones',
  alarms: 'cloudwatch alarms may publish to the encrypted topic',
  outputs: 'reads every output into its field',
} as const;

export function transitionTitle(transition: StorageClassMove): string {
  return `objects move to ${transition.storageClass} after ${transition.days} days`;
}

export function retentionTitle(retention: NonNullable<InfrastructureAsks['retention']>): string {
  return `every object is kept ${retention.duration.amount} ${retention.duration.unit} under object lock`;
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
