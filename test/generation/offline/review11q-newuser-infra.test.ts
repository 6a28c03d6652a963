import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { loadGenerated } from './generated-modules.js';
import { generate, parseBundleTemplate, resourcesOfType, templateText } from './offline-test-requests.js';
import type { RequestShape } from './offline-test-requests.js';

/**
 * Review 11q, a new-user pass (platform team, first hour) over issue #11 item 2 for the
 * infrastructure and integration blueprints, on requests no earlier review used: a bucket for
 * scanned referral letters (versioned, Deep Archive after 180 days, deleted after 7 years, "Only the
 * referrals service role can write to the bucket."), a fuel card provider's webhooks
 * ("transaction.created and card.blocked", an HMAC signature in X-Signature, a FIFO queue in order
 * per card) and returns events forwarded to finance ("Keep the logs for 90 days."). The template is
 * read as CloudFormation and the coverage rows as the PR body shows them: is each ✅ in the
 * template, is each gap true. Each FAULT test asserts the right answer and is `it.failing` while the
 * fault exists.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');

const letters: RequestShape = {
  taskType: 'infrastructure',
  taskName: 'Referral letters bucket',
  description:
    'An S3 bucket for scanned referral letters. Turn on versioning. Delete noncurrent versions after 30 days. Move letters to Glacier Deep Archive after 180 days and delete them after 7 years. Block all public access. Encrypt with SSE-KMS. Only the referrals service role can write to the bucket.',
  stories: [
    'As a records officer I can restore a letter deleted by mistake',
    'As a compliance officer I can prove letters are kept for 7 years',
  ],
};

describe('review 11q: a referral letters bucket', () => {
  it('versioned, old versions gone after 30 days, Deep Archive after 180 days, expired after 7 years (2557 days), public access blocked, KMS — and the versioned expiry and the 30-day restore window are said', async () => {
    const { bundle } = await generate(letters);
    const [[, bucket] = ['', { Type: '' }]] = resourcesOfType(parseBundleTemplate(bundle), 'AWS::S3::Bucket');
    const lifecycle = JSON.stringify(bucket.Properties?.['LifecycleConfiguration']);
    expect(lifecycle).toContain('"StorageClass":"DEEP_ARCHIVE"');
    expect(lifecycle).toContain('"TransitionInDays":180');
    expect(lifecycle).toContain('"ExpirationInDays":2557');
    expect(bucket.Properties?.['VersioningConfiguration']).toMatchObject({ Status: 'Enabled' });
    expect(sentenceRow(bundle.coverage, 3)?.status).toBe('covered');
    expect(sentenceRow(bundle.coverage, 5)?.status).toBe('covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 4))).toContain('2587 days');
    expect(storyRow(bundle.coverage, 2)?.status).toBe('partial');
  });

  it('fixed FAULT: "Only the referrals service role can write to the bucket." is ✅ by "a private, versioned S3 bucket" and the public-access test, though the bucket policy holds only DenyInsecureTransport: every principal of the account with s3:PutObject writes — the row is ❌ (or partial with a policy limiting writes to a role parameter), never ✅ by what was generated for other sentences', async () => {
    const { bundle } = await generate(letters);
    const policies = resourcesOfType(parseBundleTemplate(bundle), 'AWS::S3::BucketPolicy');
    const limitsWriters = JSON.stringify(policies).includes('s3:PutObject');
    const row = sentenceRow(bundle.coverage, 7);
    // Covered only when a policy limits who writes; otherwise the row must not claim it.
    expect(limitsWriters ? 'a policy limits writers' : row?.status).not.toBe('covered');
  });
});

const fuelFeed: RequestShape = {
  taskType: 'integration',
  taskName: 'Fuel card transactions feed',
  description:
    'Receive webhooks from our fuel card provider for transaction.created and card.blocked. Verify the HMAC signature with a shared secret in the X-Signature header. Put transactions on an SQS FIFO queue so they are processed in order per card. Send failed messages to a dead-letter queue after 5 attempts. Alert the fleet team by email when the dead-letter queue is not empty.',
  stories: [
    'As the fleet service I receive each transaction once and in order',
    'As a fleet manager I am emailed when a card is blocked',
  ],
};

describe('review 11q: a fuel card provider webhook', () => {
  it('checks the HMAC in x-signature, queues on a FIFO queue grouped by card, dead-letters after 5 receives; the email asked for is an honest gap (the blocked card is received as CardBlocked, no email is sent)', async () => {
    const { bundle } = await generate(fuelFeed);
    const queues = resourcesOfType(parseBundleTemplate(bundle), 'AWS::SQS::Queue');
    expect(queues.some(([, queue]) => queue.Properties?.['FifoQueue'] === true)).toBe(true);
    expect(templateText(bundle)).toContain('maxReceiveCount: 5');
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy).toContain('HMAC-SHA256');
    expect(gapsOf(sentenceRow(bundle.coverage, 2))).toContain('x-signature');
    expect(sentenceRow(bundle.coverage, 3)?.implementedBy).toContain('MessageGroupId');
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('covered');
    expect(storyRow(bundle.coverage, 2)?.status).toBe('partial');
    expect(storyRow(bundle.coverage, 2)?.implementedBy).toContain('CardBlocked');
    expect(gapsOf(storyRow(bundle.coverage, 2))).toContain(
      'an email is asked for, but nothing generated sends one',
    );
    expect(gapsOf(sentenceRow(bundle.coverage, 5))).toContain('nothing generated sends one');
  });

  it('fixed FAULT: "for transaction.created and card.blocked" makes one message type `And` (MESSAGE_TYPES = [\'And\']; rows say "And webhooks are processed once"), so a transaction.created delivery is never a type the service handles — the dotted names are the types (TransactionCreated, CardBlocked), as for Stripe\'s', async () => {
    const { bundle } = await generate(fuelFeed);
    const loaded = loadGenerated(bundle, [['src/messages.ts', ['MESSAGE_TYPES']]]);
    expect([...(loaded['MESSAGE_TYPES'] as string[])].sort()).toEqual(['CardBlocked', 'TransactionCreated']);
    expect(storyRow(bundle.coverage, 1)?.implementedBy ?? '').not.toMatch(/\bAnd\b/);
  });
});

const returnsToFinance: RequestShape = {
  taskType: 'integration',
  taskName: 'Returns events to finance',
  description:
    'Consume ReturnRefunded events from the warehouse EventBridge bus and forward them to the finance SQS queue. Drop events whose amount is 0. Retry failed deliveries 3 times. Keep the logs for 90 days.',
  stories: [
    'As finance I receive every refunded return',
    'As an operator I can replay events from the last 24 hours',
  ],
};

describe('review 11q: returns events forwarded to finance', () => {
  it('queues ReturnRefunded from the warehouse bus by one rule; forwarding, the amount filter, replay and 3 retries are honest gaps', async () => {
    const { bundle } = await generate(returnsToFinance);
    expect(resourcesOfType(parseBundleTemplate(bundle), 'AWS::Events::Rule').length).toBeGreaterThanOrEqual(
      1,
    );
    expect(storyRow(bundle.coverage, 1)?.implementedBy).toContain('ReturnRefunded');
    expect(gapsOf(sentenceRow(bundle.coverage, 1))).toContain('nothing is published');
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('not_covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 3))).toContain('change maxReceiveCount to 4');
    expect(storyRow(bundle.coverage, 2)?.status).toBe('not_covered');
  });

  it('fixed FAULT: "Keep the logs for 90 days." is partial with "90 is not a value of what was generated; set it by hand or ask again", though LogRetentionDays allows 90 and asking again generates the same 30 — the asked 90 is the default (covered), or the gap names the parameter to deploy with (LogRetentionDays=90)', async () => {
    const { bundle } = await generate(returnsToFinance);
    const template = templateText(bundle);
    expect(template).toMatch(/LogRetentionDays:[\s\S]*?AllowedValues:[\s\S]*?\b90\b/);
    const row = sentenceRow(bundle.coverage, 4);
    const defaulted = /LogRetentionDays:[^\n]*\n(?: {4}[^\n]*\n)*? {4}Default: 90\n/.test(template);
    expect(defaulted ? row?.status : gapsOf(row)).toMatch(
      defaulted ? /^covered$/ : /LogRetentionDays[^.]*\b90\b/,
    );
    expect(gapsOf(row)).not.toContain('ask again');
  });
});
