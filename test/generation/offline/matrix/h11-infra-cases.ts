import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * #11 (h11-infra): per-prefix lifecycle rules with every move and expiry, moves S3 would refuse
 * left out (and said), retention as a lifecycle floor or as Object Lock, and a daily canary released
 * with a canary shift. Each project must build, pass its own tests and lint clean with cfn-lint.
 */
const PREFIXED = requestFor({
  taskType: 'infrastructure',
  taskName: 'Log lake',
  description:
    'An S3 bucket for logs. Move objects under logs/ to Glacier after 90 days. Delete tmp/ after 7 days and logs/ after 1 year. Move to Infrequent Access after 30 days and to Glacier after 90.',
});
const REFUSED_AND_KEPT = requestFor({
  taskType: 'infrastructure',
  taskName: 'Records bucket',
  description:
    'An S3 bucket for records. Move objects to Standard-IA after 10 days and to Glacier after 20 days. Keep files for 7 years.',
});
const LOCKED = requestFor({
  taskType: 'infrastructure',
  taskName: 'Ledger bucket',
  description:
    'An S3 bucket for ledgers. Files cannot be deleted for 7 years. Objects under exports/ expire after 8 years.',
});
/** #11 review 11k: a prefix's retention over a bucket-wide expiry, a lock apart from the keep floor, a 0-day move. */
const FLOOR_OVER_BUCKET = requestFor({
  taskType: 'infrastructure',
  taskName: 'Build artifacts',
  description:
    'A bucket for build artifacts. Artifacts move to Glacier after 30 days and to Deep Archive after 60 days. Delete artifacts after 45 days. Keep release artifacts under the releases/ prefix for two years.',
});
const LOCK_BESIDE_FLOOR = requestFor({
  taskType: 'infrastructure',
  taskName: 'Audit archive',
  description:
    'An S3 bucket for audit logs. Objects under the tmp/ prefix move to Glacier after 0 days. Keep all logs for 7 years. Logs cannot be deleted for 1 year.',
});
const TWICE_A_DAY_CANARY = requestFor({
  taskType: 'testing',
  taskName: 'Status probe',
  description: 'A synthetic check of the status page twice a day. GET /status returns 200.',
});
const DAILY_CANARY = requestFor({
  taskType: 'testing',
  taskName: 'Orders daily checks',
  description: 'Check the Orders API every day at 02:00 UTC.',
  stories: ['As an operator I know GET /health answers 200'],
  strategy: 'canary',
});

export function h11InfraCases(): MatrixCase[] {
  return [
    { id: 'infrastructure-h11-prefixed-rules', request: PREFIXED },
    { id: 'infrastructure-h11-refused-and-kept', request: REFUSED_AND_KEPT },
    { id: 'infrastructure-h11-locked', request: LOCKED },
    { id: 'testing-h11-daily-canary', request: DAILY_CANARY },
    { id: 'infrastructure-h11k-floor-over-bucket', request: FLOOR_OVER_BUCKET },
    { id: 'infrastructure-h11k-lock-beside-floor', request: LOCK_BESIDE_FLOOR },
    { id: 'testing-h11k-twice-a-day', request: TWICE_A_DAY_CANARY },
    {
      id: 'mutant-h11-prefix-dropped',
      request: PREFIXED,
      mutation: {
        file: 'template.yaml',
        find: 'Prefix: logs/',
        replace: 'Prefix: other/',
        breaks: [
          'objects under logs/ move to GLACIER after 90 days',
          'every object under logs/ expires 366 days after it was written',
        ],
      },
    },
  ];
}
