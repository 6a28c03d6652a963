/**
 * fix15f (issue #11 item 2, review 11q): event names a sender not known here is written with
 * (`transaction.created`, `card_blocked`, `order-returned events`) are one message type each; a log
 * retention the request asks for that CloudWatch accepts is the LogRetentionDays default (proven by
 * the generated template test), one it refuses is a gap naming the nearest accepted values; a clause
 * limiting who may write or read the bucket is never met by a private bucket.
 */
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { writtenEventTypes } from '../../../src/generation/offline/blueprints/integration/written-event-types.js';
import { conditionType } from '../../../src/generation/offline/blueprints/integration/condition-type.js';
import { accessRuleOpposed } from '../../../src/generation/offline/blueprints/infrastructure/access-rule-asked.js';
import {
  askedLogRetention,
  nearestRetentions,
} from '../../../src/generation/offline/cfn/log-retention-asked.js';
import { wordsOf } from '../../../src/generation/offline/naming/words-of.js';
import { loadGenerated } from './generated-modules.js';
import { fileContent, generate, parseBundleTemplate } from './offline-test-requests.js';
import type { RequestShape } from './offline-test-requests.js';

const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');

describe('event names as a sender writes them', () => {
  it.each([
    ['for transaction.created and card.blocked', ['TransactionCreated', 'CardBlocked']],
    [
      'for order_shipped, order_cancelled or refund_issued',
      ['OrderShipped', 'OrderCancelled', 'RefundIssued'],
    ],
    ['for order-returned events', ['OrderReturned']],
  ])('"%s" → %j', (text, types) => {
    expect(writtenEventTypes(text)).toEqual(types);
  });

  it.each([
    'Send failed messages to a dead-letter queue',
    'Receive payment-provider webhooks',
    'Put them on the orders.fifo queue',
    'Post them to api.example.com, e.g. with retries',
  ])('"%s" names no event', (text) => {
    expect(writtenEventTypes(text)).toEqual([]);
  });

  it('"once and in order" is no condition, so it names no message type', () => {
    expect(conditionType(wordsOf('I receive each transaction once and in order'))).toBeUndefined();
    expect(conditionType(wordsOf('I receive an event once an order is paid'))).toBe('OrderPaid');
  });

  it('snake names of an unknown sender become the message types, and the gap says the spellings taken', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Parcel updates',
      description:
        'Receive webhooks from our courier for parcel_delivered, parcel_lost or parcel_returned. Verify the HMAC signature.',
      stories: ['As support I see each parcel update once'],
    });
    const loaded = loadGenerated(bundle, [['src/messages.ts', ['MESSAGE_TYPES']]]);
    expect([...(loaded['MESSAGE_TYPES'] as string[])].sort()).toEqual([
      'ParcelDelivered',
      'ParcelLost',
      'ParcelReturned',
    ]);
    expect(gapsOf(sentenceRow(bundle.coverage, 1))).toContain('`parcel.lost` or `ParcelLost` for ParcelLost');
  });
});

describe('log retention asked', () => {
  it.each([
    ['Keep the logs for 90 days.', 90],
    ['Retain logs for 2 weeks.', 14],
    ['Log retention is 6 months.', 180],
    ['Keep the logs for 1 year.', 365],
    ['Keep the logs for 2 years.', 731],
    ['Keep the logs for 4 years.', 1461],
  ])('"%s" asks %i days', (text, days) => {
    expect(askedLogRetention(text)?.days).toBe(days);
  });

  it.each(['Every failed message is logged within 5 seconds.', 'Keep the orders for 30 days.'])(
    '"%s" asks no log retention',
    (text) => {
      expect(askedLogRetention(text)).toBeUndefined();
    },
  );

  it('the nearest values CloudWatch accepts are either side of a refused one', () => {
    expect(nearestRetentions(45)).toEqual([30, 60]);
    expect(nearestRetentions(5000)).toEqual([3653]);
  });

  const api = (sentence: string, environment?: string): RequestShape => ({
    taskType: 'application',
    taskName: 'Parking permits',
    description: `A parking permits API. Permits are issued or revoked. ${sentence}`,
    stories: ['As a resident I can apply for a permit'],
    ...(environment === undefined ? {} : { environment }),
  });

  it.each([
    ['Keep the API logs for 2 weeks.', 14],
    ['Keep the logs for 60 days.', 60],
    ['Keep the logs for 3 days.', 3],
  ])(
    'application: "%s" is the LogRetentionDays default, allowed, covered, and the generated template test checks it',
    async (sentence, days) => {
      const { bundle } = await generate(api(sentence, 'production'));
      const parameter = parseBundleTemplate(bundle).Parameters?.['LogRetentionDays'];
      expect(parameter?.['Default']).toBe(days);
      expect(parameter?.['AllowedValues']).toContain(days);
      const row = sentenceRow(bundle.coverage, 3);
      expect(row?.status).toBe('covered');
      const title = `the template keeps every log group for LogRetentionDays days and defaults it to ${days}`;
      expect(row?.tests.map((test) => test.title)).toContain(title);
      expect(fileContent(bundle, 'test/app.test.ts')).toContain(`Default: ${days}$/m`);
    },
  );

  it('application: 45 days, which CloudWatch refuses, keeps the default and says the nearest accepted values and the parameter to deploy with — never "ask again"', async () => {
    const { bundle } = await generate(api('Keep the logs for 45 days.'));
    expect(parseBundleTemplate(bundle).Parameters?.['LogRetentionDays']?.['Default']).toBe(30);
    const row = sentenceRow(bundle.coverage, 3);
    expect(row?.status).toBe('partial');
    expect(gapsOf(row)).toContain('the nearest it accepts are 30 and 60 days');
    expect(gapsOf(row)).toContain('LogRetentionDays=30');
    expect(gapsOf(row)).toContain('AWS::Logs::LogGroup RetentionInDays');
    expect(gapsOf(row)).not.toContain('ask again');
  });

  it('integration: "Keep the logs for 1 year." in staging is the default 365, covered', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Order consumer',
      description: 'A queue consumer for OrderPlaced messages. Keep the logs for 1 year.',
      stories: ['As the shipping service I receive each OrderPlaced message once'],
      environment: 'staging',
    });
    expect(parseBundleTemplate(bundle).Parameters?.['LogRetentionDays']?.['Default']).toBe(365);
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('covered');
  });
});

describe('who may write or read the bucket', () => {
  it.each([
    'Only the referrals service role can write to the bucket.',
    'Only auditors may read objects.',
    'Only the ingest job is allowed to upload files.',
  ])('"%s" is an access rule a private bucket does not meet', (text) => {
    expect(accessRuleOpposed(wordsOf(text))).toMatch(/^no bucket policy limits who may/);
  });

  it.each([
    'Make the bucket read only for auditors.',
    'Notify only when objects are uploaded.',
    'Block public access.',
  ])('"%s" limits no principal', (text) => {
    expect(accessRuleOpposed(wordsOf(text))).toBeUndefined();
  });

  it('"Only analysts can read the bucket." is not covered, with the Deny statement that would limit readers', async () => {
    const { bundle } = await generate({
      taskType: 'infrastructure',
      taskName: 'Reports bucket',
      description:
        'An S3 bucket for monthly reports. Block all public access. Only analysts can read the bucket.',
      stories: ['As an analyst I can download a report'],
    });
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('covered');
    const row = sentenceRow(bundle.coverage, 3);
    expect(row?.status).toBe('not_covered');
    expect(gapsOf(row)).toContain('s3:GetObject');
    expect(gapsOf(row)).toContain('ArnNotEquals aws:PrincipalArn');
  });
});
