import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { findExecutable } from './matrix/find-executable.js';
import { loadGenerated } from './generated-modules.js';
import { generate, parseBundleTemplate, resourcesOfType, templateText } from './offline-test-requests.js';

/**
 * Review 11k, a fresh new-user pass (platform team) over issue #11 item 2 for the infrastructure,
 * testing and integration blueprints, after per-prefix lifecycle rules, retention vs Object Lock,
 * foreign services, schedule-fitted canary alarms and per-condition webhook types landed: an
 * audit-log archive (two prefixes, a refused move, "keep for 7 years", "cannot be deleted for 1
 * year", a Redis cache and a Kinesis stream), build artifacts (a bucket-wide expiry beside "keep
 * release artifacts under releases/ for two years"), an invoice store ("immutable for 90 days"), a
 * status-page probe run "once a week", and GitHub deploy hooks (a merged pull request and a published
 * release, each named its own event, "Other events are ignored"). Templates are read (and linted by
 * cfn-lint where installed); the webhook receiver is run with signed deliveries. Attacked: whether
 * each sentence's values bind to what it asks, and whether rows claim what the template does. Each
 * FAULT test asserts the right answer and is `it.failing` while the fault exists.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => row?.gaps ?? [];

interface LifecycleRule {
  readonly Id?: string;
  readonly Prefix?: string;
  readonly Filter?: { readonly Prefix?: string };
  readonly ExpirationInDays?: number;
  readonly Transitions?: readonly { readonly StorageClass: string; readonly TransitionInDays: number }[];
}
const bucketProperties = (bundle: ArtifactBundle): Record<string, unknown> => {
  const [bucket] = resourcesOfType(parseBundleTemplate(bundle), 'AWS::S3::Bucket');
  return bucket?.[1].Properties ?? {};
};
const lifecycleRules = (bundle: ArtifactBundle): LifecycleRule[] =>
  (bucketProperties(bundle)['LifecycleConfiguration'] as { Rules?: LifecycleRule[] } | undefined)?.Rules ??
  [];
const prefixOf = (rule: LifecycleRule) => rule.Prefix ?? rule.Filter?.Prefix;

const auditArchive = {
  taskType: 'infrastructure' as const,
  taskName: 'Audit log archive',
  environment: 'production',
  description:
    'An S3 bucket for audit logs. Logs under the cloudtrail/ prefix move to Glacier Deep Archive after 180 days. Logs under the app/ prefix move to Standard-IA after 30 days and to Glacier after 10 days. Keep all logs for 7 years. Logs cannot be deleted for 1 year. Put a Redis cache and a Kinesis stream in front of the bucket for hot queries.',
  stories: ['As a security engineer I am notified by email at secops@example.com when an object is deleted'],
};
const buildArtifacts = {
  taskType: 'infrastructure' as const,
  taskName: 'Build artifacts',
  description:
    'A bucket for build artifacts. Artifacts move to Standard-IA after 7 days, to Glacier after 30 days and to Deep Archive after 60 days. Delete artifacts after 45 days. Keep release artifacts under the releases/ prefix for two years.',
};
const invoiceStore = {
  taskType: 'infrastructure' as const,
  taskName: 'Invoice store',
  environment: 'production',
  description:
    'A bucket for invoices. Keep invoices for 7 years and then delete them. Invoices must be immutable for 90 days. Back up the bucket to another region and store the data in an Aurora database.',
};

const twoPrefixes = {
  taskType: 'infrastructure' as const,
  taskName: 'Two prefixes',
  description:
    'A bucket for exports. Objects under the old/ prefix expire after 100000 years. Objects under the cold/ prefix expire after 30 days.',
};
const oddLifecycle = {
  taskType: 'infrastructure' as const,
  taskName: 'Odd lifecycle',
  description:
    'A bucket for logs. Objects under the tmp/ prefix move to Glacier after 0 days. Objects under the old/ prefix expire after 100000 years. Keep everything for 0 days. Objects under the x/ prefix move to Glacier Instant Retrieval after 1 day and to Deep Archive after 2 days. Objects under the cold/ prefix move to Intelligent-Tiering after 0 days and expire after 1 day.',
};

describe('review 11k: lifecycle rules, retention and Object Lock', () => {
  it('fixed FAULT: "Keep release artifacts under the releases/ prefix for two years." is ✅ covered ("no lifecycle rule deletes an object under releases/ before it is 2 years old (a lifecycle rule (all-objects) expires every object 45 days after it was written)") while that bucket-wide rule deletes them at 45 days (a retention floor claimed over a rule that breaks it: data loss)', async () => {
    const { bundle } = await generate(buildArtifacts);
    const breaking = lifecycleRules(bundle).filter(
      (rule) =>
        rule.ExpirationInDays !== undefined &&
        rule.ExpirationInDays < 730 &&
        (prefixOf(rule) === undefined || 'releases/'.startsWith(prefixOf(rule) ?? '')),
    );
    expect(breaking.length === 0 || sentenceRow(bundle.coverage, 4)?.status !== 'covered').toBe(true);
  });

  it('fixed FAULT: "Invoices must be immutable for 90 days." locks every invoice for 7 years (Object Lock takes the retention sentence\'s "keep for 7 years"; the lock sentence\'s own 90 days is "not a value of what was generated") — a wrong binding', async () => {
    const { bundle } = await generate(invoiceStore);
    const lock = bucketProperties(bundle)['ObjectLockConfiguration'] as
      { Rule?: { DefaultRetention?: { Days?: number; Years?: number } } } | undefined;
    expect(lock?.Rule?.DefaultRetention).toMatchObject({ Days: 90 });
    expect(lock?.Rule?.DefaultRetention?.Years).toBeUndefined();
  });

  it('fixed FAULT: "Logs cannot be deleted for 1 year." locks every log for 7 years (the same binding, with years)', async () => {
    const { bundle } = await generate(auditArchive);
    const lock = bucketProperties(bundle)['ObjectLockConfiguration'] as
      { Rule?: { DefaultRetention?: { Days?: number; Years?: number } } } | undefined;
    const retention = lock?.Rule?.DefaultRetention;
    expect(retention?.Years === 1 || retention?.Days === 365).toBe(true);
  });

  it('fixed FAULT: the row for "Logs under the cloudtrail/ prefix move to Glacier Deep Archive after 180 days." says it is implemented by the app/ rule too, and lists its test (each prefix\'s sentence credited with every prefix\'s rule)', async () => {
    const { bundle } = await generate(auditArchive);
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy).not.toContain('app/');
    expect(sentenceRow(bundle.coverage, 3)?.implementedBy).not.toContain('cloudtrail/');
  });

  it('makes one rule per prefix, refuses the upward move and the move past the expiry, keeps invoices 7 years as a lifecycle floor, and names Redis, Kinesis, Aurora and replication as not generated', async () => {
    const audit = (await generate(auditArchive)).bundle;
    const byPrefix = Object.fromEntries(lifecycleRules(audit).map((rule) => [prefixOf(rule), rule]));
    expect(byPrefix['cloudtrail/']?.Transitions).toEqual([
      { StorageClass: 'DEEP_ARCHIVE', TransitionInDays: 180 },
    ]);
    expect(byPrefix['app/']?.Transitions).toEqual([{ StorageClass: 'GLACIER', TransitionInDays: 10 }]);
    expect(gapsOf(sentenceRow(audit.coverage, 3)).join(' ')).toMatch(
      /STANDARD_IA after 30 days is not generated/,
    );
    expect(gapsOf(sentenceRow(audit.coverage, 6)).join(' ')).toMatch(/Kinesis stream or ElastiCache cache/);
    expect(sentenceRow(audit.coverage, 6)?.status).not.toBe('covered');

    const artifacts = (await generate(buildArtifacts)).bundle;
    const artifactGaps = gapsOf(sentenceRow(artifacts.coverage, 2)).join(' ');
    expect(artifactGaps).toMatch(/no sooner than 30 days/);
    // The bucket-wide expiry is raised to the releases/ floor (a rule cannot leave out a prefix), so
    // Deep Archive after 60 days comes before it and is kept; the 45-day ask is said not met.
    expect(lifecycleRules(artifacts).find((rule) => rule.Id === 'all-objects')).toMatchObject({
      ExpirationInDays: 731,
      Transitions: [
        { StorageClass: 'GLACIER', TransitionInDays: 30 },
        { StorageClass: 'DEEP_ARCHIVE', TransitionInDays: 60 },
      ],
    });
    expect(gapsOf(sentenceRow(artifacts.coverage, 3)).join(' ')).toMatch(
      /expire after 731 days, not 45: objects under releases\/ must be kept that long, and an S3 lifecycle rule cannot leave out a prefix/,
    );

    const invoices = (await generate(invoiceStore)).bundle;
    expect(lifecycleRules(invoices).some((rule) => rule.ExpirationInDays === 2557)).toBe(true);
    const invoiceGaps = gapsOf(sentenceRow(invoices.coverage, 4)).join(' ');
    expect(invoiceGaps).toMatch(/no replication/);
    expect(invoiceGaps).toMatch(/no RDS database/);
  });

  it('fixed FAULT: "Objects under the old/ prefix expire after 100000 years." is ✅ covered by "a lifecycle rule (objects-under-cold) expires every object under cold/ 30 days", no rule names old/, and "Not covered" says "Nothing" (a value out of range dropped, then the sentence matched to another prefix\'s rule)', async () => {
    const { bundle } = await generate(twoPrefixes);
    const oldRule = lifecycleRules(bundle).find((rule) => prefixOf(rule) === 'old/');
    expect(oldRule !== undefined || sentenceRow(bundle.coverage, 2)?.status !== 'covered').toBe(true);
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy).not.toContain('cold/');
  });

  it('fixed FAULT: "move to Glacier after 0 days" becomes GLACIER after 90 days with the gap "no age was given for GLACIER" (S3 takes 0 for GLACIER, GLACIER_IR, DEEP_ARCHIVE and INTELLIGENT_TIERING: Transition.Days in the S3 API reference)', async () => {
    const { bundle } = await generate(oddLifecycle);
    const tmp = lifecycleRules(bundle).find((rule) => prefixOf(rule) === 'tmp/');
    expect(tmp?.Transitions).toEqual([{ StorageClass: 'GLACIER', TransitionInDays: 0 }]);
  });

  it('fixed FAULT: sentences about x/ (Glacier Instant Retrieval, Deep Archive) and cold/ (Intelligent-Tiering) carry the gap "no age was given for GLACIER, so objects move there after 90 days", which belongs to the tmp/ sentence (a gap copied onto sentences that never name the class)', async () => {
    const { bundle } = await generate(oddLifecycle);
    for (const sentence of [5, 6])
      expect(gapsOf(sentenceRow(bundle.coverage, sentence)).join(' ')).not.toMatch(
        /no age was given for GLACIER/,
      );
  });

  const cfnLint = findExecutable('cfn-lint');
  (cfnLint === undefined ? it.skip : it)(
    'all three templates pass cfn-lint (one call)',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'review11k-'));
      try {
        const paths: string[] = [];
        for (const [index, shape] of [auditArchive, buildArtifacts, invoiceStore].entries()) {
          const path = join(folder, `template-${String(index)}.yaml`);
          writeFileSync(path, templateText((await generate(shape)).bundle));
          paths.push(path);
        }
        const result = spawnSync(cfnLint ?? 'cfn-lint', paths, { encoding: 'utf8' });
        expect(result.stdout + result.stderr).toBe('');
        expect(result.status).toBe(0);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

const statusProbe = (schedule: string) => ({
  taskType: 'testing' as const,
  taskName: 'Status page probe',
  description: `A synthetic check of the public status page ${schedule}. GET /status returns 200. Page the on-call when the check fails twice in a row.`,
});
const scheduleDefault = (bundle: ArtifactBundle) =>
  parseBundleTemplate(bundle).Parameters?.['ScheduleExpression']?.['Default'];

describe('review 11k: a status-page canary run on a schedule (testing blueprint)', () => {
  it('fixed FAULT: "once a week" runs the canary every 5 minutes (rate(5 minutes)), and the sentence\'s gaps say nothing of the schedule ("weekly" and "every week" give rate(7 days)): 2016 requests a week where 1 was asked', async () => {
    const { bundle } = await generate(statusProbe('once a week'));
    const said = gapsOf(sentenceRow(bundle.coverage, 1)).some((gap) => /once a week|schedule/i.test(gap));
    expect(scheduleDefault(bundle) === 'rate(7 days)' || said).toBe(true);
  });

  it('fixed FAULT: "twice a day" runs the canary every 5 minutes and the row is silent on it (the same kind: a frequency phrase not read)', async () => {
    const { bundle } = await generate(statusProbe('twice a day'));
    const said = gapsOf(sentenceRow(bundle.coverage, 1)).some((gap) => /twice a day|schedule/i.test(gap));
    expect(scheduleDefault(bundle) === 'rate(12 hours)' || said).toBe(true);
  });

  it('fixed FAULT: "every 90 seconds" gets the gap "is more often than EventBridge runs anything: its shortest schedule is rate(1 minute)" — 90 s is less often than a minute; the real limit is that rates are whole minutes — and falls back to rate(5 minutes) rather than the nearest whole minute (a false reason in the PR body)', async () => {
    const { bundle } = await generate(statusProbe('every 90 seconds'));
    const gaps = gapsOf(sentenceRow(bundle.coverage, 1)).join(' ');
    expect(gaps).not.toMatch(/more often than EventBridge/);
    expect(['rate(1 minute)', 'rate(2 minutes)']).toContain(scheduleDefault(bundle));
  });

  it('"weekly" runs every 7 days, and says the two-in-a-row alarm and a stopped canary cannot be held in a day of periods', async () => {
    const { bundle } = await generate(statusProbe('weekly'));
    expect(scheduleDefault(bundle)).toBe('rate(7 days)');
    const gaps = gapsOf(sentenceRow(bundle.coverage, 3)).join(' ');
    expect(gaps).toMatch(/fires on the first failed run/);
    expect(gaps).toMatch(/stops running is not detected/);
  });
});

const deployHooks = {
  taskType: 'integration' as const,
  taskName: 'GitHub deploy hooks',
  description:
    'Receive GitHub webhooks signed with the X-Hub-Signature-256 header. When a pull request is merged, publish a DeployRequested event. When a release is published, publish a ReleaseCut event. Other events are ignored.',
};
interface Queued {
  readonly id: string;
  readonly type: string;
}
/** The generated GitHub receiver with a fixed secret; delivers one signed event and says what was queued. */
function githubReceiverOf(bundle: ArtifactBundle) {
  const loaded = loadGenerated(bundle, [
    ['src/receive-webhook.ts', ['receiveWebhook']],
    ['src/signature.ts', ['sign']],
    ['src/webhook-provider.ts', ['DELIVERY_HEADERS']],
  ]);
  const receive = loaded['receiveWebhook'] as (
    event: Record<string, unknown>,
    deps: Record<string, unknown>,
  ) => Promise<{ statusCode: number; body: string }>;
  const sign = loaded['sign'] as (body: string, secret: string) => string;
  const headers = loaded['DELIVERY_HEADERS'] as { signature: string; event: string; delivery: string };
  const queued: Queued[] = [];
  let deliveries = 0;
  const deliver = async (githubEvent: string, payload: unknown) => {
    const body = JSON.stringify(payload);
    deliveries += 1;
    return receive(
      {
        routeKey: 'POST /webhooks',
        body,
        headers: {
          [headers.signature]: sign(body, 'shh'),
          [headers.event]: githubEvent,
          [headers.delivery]: `d-${String(deliveries)}`,
        },
      },
      {
        secret: async () => 'shh',
        enqueue: async (message: Queued) => {
          queued.push(message);
        },
        signatureHeader: headers.signature,
        eventHeader: headers.event,
        deliveryHeader: headers.delivery,
        log: () => undefined,
      },
    );
  };
  return { deliver, queued };
}

describe('review 11k: GitHub deploy hooks, each condition named its own event (integration blueprint)', () => {
  it('fixed FAULT: "When a pull request is merged, publish a DeployRequested event." drops the condition ("nothing was generated for this"; "GitHub sends no event type that is DeployRequested"): a merged pull_request delivery is acknowledged and ignored (without an event name, "Publish an event when a pull request is merged" maps pull_request closed+merged)', async () => {
    const { bundle } = await generate(deployHooks);
    const { deliver, queued } = githubReceiverOf(bundle);
    await deliver('pull_request', { action: 'closed', pull_request: { merged: true, number: 7 } });
    expect(queued.map((message) => message.type)).toEqual(['DeployRequested']);
    expect(gapsOf(sentenceRow(bundle.coverage, 2)).join(' ')).not.toMatch(/nothing was generated/);
  });

  it('fixed FAULT: "When a release is published, publish a ReleaseCut event." takes every `release` delivery (a deleted release becomes ReleaseCut), and the gap says "the request named no action known here … name one (… published …)" though it did', async () => {
    const { bundle } = await generate(deployHooks);
    const { deliver, queued } = githubReceiverOf(bundle);
    await deliver('release', { action: 'deleted', release: { tag_name: 'v1.2.0' } });
    await deliver('release', { action: 'published', release: { tag_name: 'v1.2.1' } });
    expect(queued.map((message) => message.type)).toEqual(['ReleaseCut']);
    expect(gapsOf(sentenceRow(bundle.coverage, 3)).join(' ')).not.toMatch(/named no action/);
  });

  it('"Other events are ignored.": a push is acknowledged, not queued, and the row is covered', async () => {
    const { bundle } = await generate(deployHooks);
    const { deliver, queued } = githubReceiverOf(bundle);
    const answer = await deliver('push', { ref: 'refs/heads/main' });
    expect(answer.statusCode).toBe(202);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'ignored' });
    expect(queued).toEqual([]);
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('covered');
  });
});

describe('review 11k: a long description (any blueprint)', () => {
  it('fixed FAULT: a description of 26 sentences (well under the 20,000-character limit) has sentences 21–26 dropped without a word: no lifecycle rule for p19/…p24/, no row, nothing under "Not covered" (descriptionSentences slices at MAX_SENTENCES = 20 silently)', async () => {
    const prefixRules = Array.from(
      { length: 25 },
      (_, index) => `Objects under the p${String(index)}/ prefix expire after ${String(index + 1)} days.`,
    );
    const { bundle } = await generate({
      taskType: 'infrastructure',
      taskName: 'Many prefixes',
      description: ['A bucket for exports.', ...prefixRules].join(' '),
    });
    const ruled = lifecycleRules(bundle).some((rule) => prefixOf(rule) === 'p24/');
    const said = (bundle.coverage ?? []).some((row) =>
      [
        row.source.kind === 'description' ? row.source.sentence === 26 : false,
        ...row.gaps.map((gap) => /p24\/|sentence 2[1-6]|past sentence 20|not read/.test(gap)),
      ].some(Boolean),
    );
    expect(ruled || said).toBe(true);
  });
});

describe('sentences past the bound are said, never dropped silently', () => {
  it('a description of 205 sentences gets one not-covered row naming sentences 201 to 205', async () => {
    const notes = Array.from({ length: 204 }, (_, index) => `Note number ${String(index + 1)} is here.`);
    const { bundle } = await generate({
      taskType: 'infrastructure',
      taskName: 'Many notes',
      description: ['A bucket for exports.', ...notes].join(' '),
    });
    const unread = (bundle.coverage ?? []).find(
      (row) => row.source.kind === 'description' && row.source.sentence === 201,
    );
    expect(unread?.status).toBe('not_covered');
    expect(unread?.gaps.join(' ')).toMatch(/sentences 201 to 205 of the description were not read/);
  });
});

describe('review 11k: Stripe billing hooks onto a named bus (integration blueprint)', () => {
  const billingHooks = {
    taskType: 'integration' as const,
    taskName: 'Billing hooks',
    description:
      'Receive Stripe webhooks signed with the Stripe-Signature header. When an invoice is paid or a subscription is cancelled, put an event on the billing bus. Other events are ignored.',
    stories: ["As finance I get an event when a customer's card payment fails"],
  };

  it('fixed FAULT: "put an event on the billing bus" generates no bus and no PutEvents, and the gap says "no event bus is generated: name one (\\"on the orders event bus\\")" — though one was named (a bus named without "event" or "EventBridge" not read)', async () => {
    const { bundle } = await generate(billingHooks);
    const template = parseBundleTemplate(bundle);
    expect(template.Parameters?.['EventBusName']?.['Default']).toBe('billing');
  });

  it("maps each condition to Stripe's own type (invoice.paid, customer.subscription.deleted, payment_intent.payment_failed) and checks Stripe-Signature with a 300 s window", async () => {
    const { bundle } = await generate(billingHooks);
    const provider = loadGenerated(bundle, [['src/webhook-provider.ts', ['DELIVERY_TYPES']]]);
    expect(provider['DELIVERY_TYPES']).toEqual({
      'payment_intent.payment_failed': 'PaymentIntentPaymentFailed',
      'invoice.paid': 'InvoicePaid',
      'customer.subscription.deleted': 'CustomerSubscriptionDeleted',
    });
    expect(sentenceRow(bundle.coverage, 1)?.implementedBy).toMatch(/within 300 s/);
  });
});
