import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { strategyHadEffect } from '../../../src/core/render/coverage-sections.js';
import { loadGenerated } from './generated-modules.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/**
 * Review 11o, a new-user pass (platform/DevOps engineer, first hour) over issue #11 items 2–3 for the
 * infrastructure, testing and deployment blueprints, on requests no earlier review used: a partner
 * file ingestion (S3 `incoming/` → an SQS queue with a dead-letter queue and an alarm on it, sent
 * with `deployment_strategy: canary`), a monthly cost-report bucket (Glacier Flexible Retrieval at
 * 60 days, 5 years then delete, email finance when a report lands under `reports/`, abort multipart
 * uploads after 2 days), synthetic checks of a status API ("Every 30 minutes, GET /status returns
 * 200.", "within 2 seconds", "Alert when 2 checks in a row fail.") and an all-at-once release of a
 * billing worker ("Page the on-call engineer when a rollback happens.", "p99 latency exceeds 800
 * ms"), and a Buildkite build-events intake ("Receive build-finished webhooks …", "Ignore duplicate
 * deliveries by their build id.") whose generated receiver is fed signed deliveries shaped as
 * Buildkite sends them. Templates and generated sources are read; the rows are read as the PR body shows them.
 * Attacked: whether each ✅ is what the template does, whether a service the blueprint does not make
 * is said to be missing, and whether a setting with no effect is shown as if it had one. Each FAULT
 * test asserts the right answer and is `it.failing` while the fault exists.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const settingRow = (rows: readonly RequirementCoverage[] | undefined) =>
  rows?.find((row) => row.source.kind === 'setting');
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');

interface LifecycleRule {
  readonly Id?: string;
  readonly Prefix?: string;
  readonly ExpirationInDays?: number;
  readonly Transitions?: readonly { StorageClass: string; TransitionInDays: number }[];
  readonly AbortIncompleteMultipartUpload?: { DaysAfterInitiation: number };
}
const bucketOf = (template: ReturnType<typeof parseBundleTemplate>) => {
  const [[, bucket] = ['', { Type: '' }]] = resourcesOfType(template, 'AWS::S3::Bucket');
  return bucket.Properties ?? {};
};
const rulesOf = (template: ReturnType<typeof parseBundleTemplate>) =>
  (bucketOf(template)['LifecycleConfiguration'] as { Rules?: LifecycleRule[] } | undefined)?.Rules ?? [];

const partnerIngestion = {
  taskType: 'infrastructure' as const,
  taskName: 'Partner file ingestion',
  strategy: 'canary' as const,
  description:
    'An S3 bucket where partners drop CSV files under incoming/. Each new object under incoming/ sends a message to an SQS queue. Messages that fail 3 times go to a dead-letter queue. Encrypt the bucket with KMS. Delete files under incoming/ after 14 days. Alarm when the dead-letter queue has any messages.',
};

describe('review 11o: partner file ingestion (S3 → SQS)', () => {
  it('makes the KMS-encrypted bucket with a 14-day expiry under incoming/ only; the queue, its dead-letter queue and the alarm on it are ❌ not covered, naming SQS; canary is said to have no effect and never shown as the strategy; the project still has a build script', async () => {
    const { bundle } = await generate(partnerIngestion);
    const template = parseBundleTemplate(bundle);
    expect(resourcesOfType(template, 'AWS::SQS::Queue')).toHaveLength(0);
    const incoming = rulesOf(template).find((rule) => rule.Prefix === 'incoming/');
    expect(incoming?.ExpirationInDays).toBe(14);
    expect(rulesOf(template).filter((rule) => rule.ExpirationInDays !== undefined)).toHaveLength(1);
    const encryption = JSON.stringify(bucketOf(template)['BucketEncryption']);
    expect(encryption).toContain('aws:kms');
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('covered');
    for (const sentence of [3, 6]) {
      expect(sentenceRow(bundle.coverage, sentence)?.status).toBe('not_covered');
      expect(gapsOf(sentenceRow(bundle.coverage, sentence))).toMatch(/SQS/);
    }
    expect(sentenceRow(bundle.coverage, 5)?.status).toBe('partial');
    expect(gapsOf(sentenceRow(bundle.coverage, 5))).toMatch(/versioned/);
    expect(settingRow(bundle.coverage)?.status).toBe('not_covered');
    expect(gapsOf(settingRow(bundle.coverage))).toMatch(/no effect/);
    expect(strategyHadEffect(bundle.coverage)).toBe(false);
    expect(JSON.parse(fileContent(bundle, 'package.json'))).toMatchObject({
      scripts: { build: expect.any(String), test: expect.any(String) },
    });
  });

  it('FAULT: "Each new object under incoming/ sends a message to an SQS queue." is ⚠️ partial, credited to "a private, versioned S3 bucket", though the template sends nothing anywhere when an object lands (no NotificationConfiguration, no queue): the sentence asks only for the message, and the README says a sentence naming a service the foundation does not make is ❌ not covered naming it, as sentences 3 and 6 are', async () => {
    const { bundle } = await generate(partnerIngestion);
    expect(bucketOf(parseBundleTemplate(bundle))['NotificationConfiguration']).toBeUndefined();
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('not_covered');
  });
});

const costReports = {
  taskType: 'infrastructure' as const,
  taskName: 'Cost report bucket',
  environment: 'production',
  description:
    'A bucket for the monthly cost reports our finance job writes. Versioning must be enabled. Move reports to Glacier Flexible Retrieval after 60 days. Keep reports for 5 years, then delete them. Email finance@example.com when a report lands under reports/. Abort incomplete multipart uploads after 2 days.',
};

describe('review 11o: a monthly cost-report bucket', () => {
  it('moves to GLACIER at 60 days and expires at 1827 days (5 years), aborts multipart uploads after 2 days, emails finance@example.com for new objects under reports/ only; the versioned expiry that keeps old versions 5 more years is said (partial)', async () => {
    const { bundle } = await generate(costReports);
    const template = parseBundleTemplate(bundle);
    const all = rulesOf(template).find((rule) => rule.Prefix === undefined && rule.Transitions !== undefined);
    expect(all?.Transitions).toEqual([{ StorageClass: 'GLACIER', TransitionInDays: 60 }]);
    expect(all?.ExpirationInDays).toBe(1827);
    expect(
      rulesOf(template).some((rule) => rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation === 2),
    ).toBe(true);
    expect(JSON.stringify(bucketOf(template)['NotificationConfiguration'])).toContain('reports/');
    expect(template.Parameters?.['NotificationEmail']?.['Default']).toBe('finance@example.com');
    const [[, subscription] = ['', { Type: '' }]] = resourcesOfType(template, 'AWS::SNS::Subscription');
    expect(subscription.Properties?.['Protocol']).toBe('email');
    for (const sentence of [2, 3, 5, 6])
      expect(sentenceRow(bundle.coverage, sentence)?.status).toBe('covered');
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('partial');
    expect(gapsOf(sentenceRow(bundle.coverage, 4))).toMatch(/NoncurrentVersionRetentionDays/);
  });
});

const statusChecks = {
  taskType: 'testing' as const,
  taskName: 'Status API checks',
  description:
    'Synthetic checks of our status API. Every 30 minutes, GET /status returns 200. GET /incidents/{id} returns 404 for an unknown id. POST /subscriptions with an email returns 201. Each check must finish within 2 seconds. Alert when 2 checks in a row fail.',
};

describe('review 11o: synthetic checks of a status API', () => {
  it('runs every 30 minutes (rate(30 minutes)), checks each route within 2000 ms (an unknown id for the 404, an email sent for the POST, said to be a sample), and alarms after 2 failed runs in a row of one 1800 s period each, said to alert nobody until AlarmTopicArn is set', async () => {
    const { bundle } = await generate(statusChecks);
    const template = parseBundleTemplate(bundle);
    expect(template.Parameters?.['ScheduleExpression']?.['Default']).toBe('rate(30 minutes)');
    const checks = fileContent(bundle, 'src/checks.ts');
    expect(checks).toMatch(/path: '\/status', expectedStatus: \[200\], maxLatencyMs: 2000/);
    expect(checks).toMatch(/path: '\/incidents\/[^{}']+', expectedStatus: \[404\]/);
    expect(checks).toMatch(/path: '\/subscriptions', expectedStatus: \[201\][^\n]*"email"/);
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(
      ([, alarm]) => alarm.Properties ?? {},
    );
    expect(alarms).toContainEqual(
      expect.objectContaining({ Period: 1800, EvaluationPeriods: 2, DatapointsToAlarm: 2 }),
    );
    for (const sentence of [2, 3, 5]) expect(sentenceRow(bundle.coverage, sentence)?.status).toBe('covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 4))).toMatch(/sample/);
    expect(gapsOf(sentenceRow(bundle.coverage, 6))).toMatch(/AlarmTopicArn/);
  });
});

const billingWorker = {
  taskType: 'deployment' as const,
  taskName: 'Billing worker release',
  strategy: 'all-at-once' as const,
  description:
    'Release the billing worker Lambda with no manual steps. Roll back automatically when errors rise. Page the on-call engineer when a rollback happens. Alarm when p99 latency exceeds 800 ms.',
};

describe('review 11o: an all-at-once release of a billing worker', () => {
  it('goes through CodeDeploy all at once behind a live alias with a pre-traffic hook, rolls back on the error and p99 > 800 ms alarms, and says paging is partial (AlarmTopicArn empty, no rollback trigger)', async () => {
    const { bundle } = await generate(billingWorker);
    const template = parseBundleTemplate(bundle);
    const [[, group] = ['', { Type: '' }]] = resourcesOfType(template, 'AWS::CodeDeploy::DeploymentGroup');
    expect(group.Properties?.['DeploymentConfigName']).toBe('CodeDeployDefault.LambdaAllAtOnce');
    const [[, alias] = ['', { Type: '' }]] = resourcesOfType(template, 'AWS::Lambda::Alias');
    expect(alias.Properties?.['Name']).toBe('live');
    expect(JSON.stringify(alias.UpdatePolicy ?? {})).toContain('BeforeAllowTrafficHook');
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(
      ([, alarm]) => alarm.Properties ?? {},
    );
    expect(alarms).toContainEqual(expect.objectContaining({ ExtendedStatistic: 'p99', Threshold: 800 }));
    expect(settingRow(bundle.coverage)?.status).toBe('covered');
    expect(strategyHadEffect(bundle.coverage)).toBe(true);
    expect(sentenceRow(bundle.coverage, 3)?.status).toBe('partial');
    expect(gapsOf(sentenceRow(bundle.coverage, 3))).toMatch(/AlarmTopicArn/);
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('covered');
  });
});

const buildEventsIntake = {
  taskType: 'integration' as const,
  taskName: 'Build events intake',
  strategy: 'canary' as const,
  description:
    'Receive build-finished webhooks from our Buildkite pipelines and queue them for the release dashboard. Buildkite signs each delivery with HMAC-SHA256 in the X-Buildkite-Signature header. Reject deliveries with a bad signature with 401. Ignore duplicate deliveries by their build id. Retry failed messages 3 times, then move them to a dead-letter queue kept for 14 days. Alarm when the dead-letter queue is not empty.',
};
interface Queued {
  readonly id: string;
  readonly type: string;
}
/** The generated receiver with a fixed secret and the signature header the request names. */
function buildkiteReceiverOf(bundle: ArtifactBundle) {
  const loaded = loadGenerated(bundle, [
    ['src/receive-webhook.ts', ['receiveWebhook']],
    ['src/signature.ts', ['sign']],
  ]);
  const receive = loaded['receiveWebhook'] as (
    event: Record<string, unknown>,
    deps: Record<string, unknown>,
  ) => Promise<{ statusCode: number; body: string }>;
  const sign = loaded['sign'] as (body: string, secret: string) => string;
  const queued: Queued[] = [];
  const deliver = async (payload: unknown, signature?: string) => {
    const body = JSON.stringify(payload);
    return receive(
      {
        routeKey: 'POST /webhooks',
        body,
        headers: {
          'x-buildkite-signature': signature ?? sign(body, 'shh'),
          'x-buildkite-event': 'build.finished',
        },
      },
      {
        secret: async () => 'shh',
        enqueue: async (message: Queued) => {
          queued.push(message);
        },
        signatureHeader: 'x-buildkite-signature',
        log: () => undefined,
      },
    );
  };
  return { deliver, queued };
}
/** A build.finished delivery as Buildkite sends it: the event name in `event`, the build under `build`. */
const buildFinished = (sender: string) => ({
  event: 'build.finished',
  build: { id: 'b-0190', state: 'passed', pipeline: 'release' },
  sender: { name: sender },
});

describe('review 11o: a Buildkite build-events intake', () => {
  it('checks the signature in X-Buildkite-Signature (401 otherwise), dead-letters after retries kept 14 days with the 3-vs-4 retries said, and alarms on the first dead letter', async () => {
    const { bundle } = await generate(buildEventsIntake);
    const { deliver } = buildkiteReceiverOf(bundle);
    expect((await deliver(buildFinished('ci'), 'sha256=00')).statusCode).toBe(401);
    expect(fileContent(bundle, 'src/webhook-provider.ts')).toContain("signature: 'x-buildkite-signature'");
    expect(gapsOf(sentenceRow(bundle.coverage, 5))).toMatch(/maxReceiveCount/);
    expect(sentenceRow(bundle.coverage, 6)?.status).toBe('covered');
  });

  it('FAULT: "Receive build-finished webhooks from our Buildkite pipelines and queue them …" is ✅ covered with no gap, yet a signed Buildkite build.finished delivery is answered 202 `ignored` and never queued (the one message type is `record-build`, which Buildkite never sends) — the build.finished delivery is queued, or the row says the assumed spelling, as the README promises for a sender whose names are not known', async () => {
    const { bundle } = await generate(buildEventsIntake);
    const { deliver, queued } = buildkiteReceiverOf(bundle);
    const answer = await deliver(buildFinished('ci'));
    const row = sentenceRow(bundle.coverage, 1);
    const said = row?.status !== 'covered' || gapsOf(row) !== '';
    expect(said || JSON.parse(answer.body)['status'] === 'queued').toBe(true);
    expect(queued.length === 1 || said).toBe(true);
  });

  it('FAULT: "Ignore duplicate deliveries by their build id." is ✅ covered by de-duplication on the delivery id (the body\'s top-level `id`, else its sha256): two deliveries of build b-0190 that differ elsewhere get two ids and are both processed; the build id (`build.id`) is never read — the id is the build id, or the row says it is not', async () => {
    const { bundle } = await generate(buildEventsIntake);
    const { deliver, queued } = buildkiteReceiverOf(bundle);
    // fix14d: Buildkite's names are known now, so the delivery is sent as Buildkite sends it.
    const first = buildFinished('ci');
    await deliver(first);
    await deliver({ ...first, sender: { name: 'ci-retry' } });
    const ids = new Set(queued.map((message) => message.id));
    const row = sentenceRow(bundle.coverage, 4);
    expect(queued).toHaveLength(2);
    expect(row?.status !== 'covered' || ids.size === 1).toBe(true);
  });
});
