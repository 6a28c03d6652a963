import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { findExecutable } from './matrix/find-executable.js';
import {
  fileContent,
  generate,
  parseBundleTemplate,
  resourcesOfType,
  templateText,
} from './offline-test-requests.js';

/**
 * Review 11n, a new-user pass (platform engineer, first hour) over issue #11 items 2–3 for the
 * infrastructure, integration, testing and deployment blueprints, on requests no earlier review
 * used: a VPC interface endpoint for a private API ("a security group allowing HTTPS from
 * 10.0.0.0/16"), a nightly finance report exports bucket (Glacier Instant Retrieval at 90 days,
 * deleted after 3 years, email when an export lands), a PagerDuty webhook relay with retries
 * ("Retry failed forwards 5 times with exponential backoff."), synthetic checks of an existing
 * weather API ("Every 15 minutes, GET /forecast?city=London returns 200.") and a canary release
 * ("10 percent for 10 minutes, then the rest"). Templates and generated sources are read, all five
 * templates are linted by cfn-lint in one call where it is installed, and the rows are read as the
 * PR body shows them. Attacked: whether a ✅ is credited by what does what the sentence asks, and
 * whether a gap is true of the template beside it. Each FAULT test asserts the right answer and is
 * `it.failing` while the fault exists.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const settingRow = (rows: readonly RequirementCoverage[] | undefined) =>
  rows?.find((row) => row.source.kind === 'setting');
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');

const privateApiNetwork = {
  taskType: 'infrastructure' as const,
  taskName: 'Private reports API network',
  strategy: 'canary' as const,
  description:
    'A VPC interface endpoint for API Gateway so our private reports API is reachable only from inside the VPC. Create the endpoint in two private subnets with a security group allowing HTTPS from 10.0.0.0/16. Attach a resource policy to the private API that denies calls not coming through the endpoint. Enable private DNS for the endpoint.',
};

describe('review 11n: a VPC endpoint for a private API', () => {
  it('says API Gateway, the resource policy and private DNS are not generated, and that canary has no effect on a foundation', async () => {
    const { bundle } = await generate(privateApiNetwork);
    expect(sentenceRow(bundle.coverage, 1)?.status).toBe('not_covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 1))).toMatch(/AWS::ApiGateway/);
    expect(sentenceRow(bundle.coverage, 3)?.status).toBe('not_covered');
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('not_covered');
    expect(settingRow(bundle.coverage)?.status).toBe('not_covered');
    expect(gapsOf(settingRow(bundle.coverage))).toMatch(/no effect/);
    expect(resourcesOfType(parseBundleTemplate(bundle), 'AWS::EC2::VPCEndpoint')).toEqual([]);
  });

  it('"Create the endpoint in two private subnets with a security group allowing HTTPS from 10.0.0.0/16." is ◐ partial, implemented by "a bucket policy denying requests without TLS" (the word HTTPS) with the gap "16 is not a value of what was generated" (the CIDR\'s prefix length read as a number) — no endpoint, subnet or security group is generated: the row is not covered, naming what is missing (EC2)', async () => {
    const { bundle } = await generate(privateApiNetwork);
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.implementedBy ?? '').not.toContain('bucket policy');
    expect(row?.status).toBe('not_covered');
    expect(gapsOf(row)).not.toMatch(/16 is not a value/);
    expect(gapsOf(row).replace(/"[^"]*"/g, '')).toMatch(/EC2|security group|VPC endpoint/i);
  });
});

const reportExports = {
  taskType: 'infrastructure' as const,
  taskName: 'Report exports bucket',
  description:
    'A bucket for the nightly finance report exports. Exports land under exports/ as CSV files. Move exports to Glacier Instant Retrieval after 90 days and delete them after 3 years. Email finance-ops@example.com when a new export lands. Block all public access.',
  stories: [
    'As a finance analyst I am emailed when the nightly export lands',
    'As an auditor I can read exports from the last 3 years',
  ],
};

describe('review 11n: a nightly report exports bucket', () => {
  it('moves objects to GLACIER_IR at 90 days, expires them at 1096 days (saying old versions stay 90 days more), emails finance-ops@example.com and blocks public access', async () => {
    const { bundle } = await generate(reportExports);
    const template = parseBundleTemplate(bundle);
    expect(template.Parameters?.['NotificationEmail']?.['Default']).toBe('finance-ops@example.com');
    const [bucket] = resourcesOfType(template, 'AWS::S3::Bucket');
    const rules = (bucket?.[1].Properties?.['LifecycleConfiguration'] as { Rules: Record<string, unknown>[] })
      .Rules;
    const rule = rules.find((candidate) => candidate['ExpirationInDays'] === 1096);
    expect(rule?.['Transitions']).toEqual([{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }]);
    expect(gapsOf(sentenceRow(bundle.coverage, 3))).toMatch(/noncurrent/);
    expect(
      bucket?.[1].Properties?.['PublicAccessBlockConfiguration'] as Record<string, unknown>,
    ).toMatchObject({ BlockPublicAcls: true, BlockPublicPolicy: true });
    expect(sentenceRow(bundle.coverage, 5)?.status).toBe('covered');
    // The email goes on every new object, not only under exports/: said, not hidden.
    expect(gapsOf(storyRow(bundle.coverage, 1))).toMatch(/not limited to exports\//);
  });
});

const pagerDutyRelay = {
  taskType: 'integration' as const,
  taskName: 'PagerDuty relay',
  description:
    'A webhook relay that receives PagerDuty incident webhooks and forwards them to our on-call service at https://oncall.example.com/hooks. Verify the PagerDuty signature. Retry failed forwards 5 times with exponential backoff. Put deliveries that still fail on a dead-letter queue kept for 7 days.',
  stories: ['As an on-call engineer I see every triggered incident in the on-call service'],
};

describe('review 11n: a PagerDuty webhook relay with retries', () => {
  it('refuses a bad signature with 401, says the signature scheme is assumed, that forwarding is not generated, and that 5 retries and 7 days are not what the queue does', async () => {
    const { bundle } = await generate(pagerDutyRelay);
    expect(fileContent(bundle, 'src/receive-webhook.ts')).toContain('json(401');
    expect(gapsOf(sentenceRow(bundle.coverage, 2))).toMatch(/assumed/);
    expect(gapsOf(sentenceRow(bundle.coverage, 1))).toMatch(/forwards them/);
    expect(gapsOf(sentenceRow(bundle.coverage, 3))).toMatch(/maxReceiveCount/);
    expect(sentenceRow(bundle.coverage, 4)?.status).not.toBe('covered');
    expect(storyRow(bundle.coverage, 1)?.status).toBe('not_covered');
  });

  it('"Retry failed forwards 5 times with exponential backoff." names only the retry count as a gap: nothing generated backs off (SQS redelivers after the fixed VisibilityTimeout, 180 s, each time) — the row also says the backoff is not exponential', async () => {
    const { bundle } = await generate(pagerDutyRelay);
    // The requester's words are quoted in each gap; what the gap itself says is read.
    const said = gapsOf(sentenceRow(bundle.coverage, 3)).replace(/"[^"]*"/g, '');
    expect(said).toMatch(/backoff|exponential/);
  });

  it('the product name in "A webhook relay that receives PagerDuty incident webhooks …" is read as an ask to page someone ("a page is asked for, but nothing generated sends one") — receiving from PagerDuty asks no page', async () => {
    const { bundle } = await generate(pagerDutyRelay);
    expect(gapsOf(sentenceRow(bundle.coverage, 1))).not.toMatch(/a page is asked for/);
  });
});

const weatherChecks = {
  taskType: 'testing' as const,
  taskName: 'Weather API checks',
  strategy: 'canary' as const,
  description:
    'Synthetic checks for our existing weather API at https://weather.example.net. Every 15 minutes, GET /forecast?city=London returns 200. GET /stations/{id} returns 404 for an unknown id. DELETE /forecast returns 405. Alert ops@example.com by email after 2 failed checks in a row.',
};

describe('review 11n: synthetic checks of an existing weather API', () => {
  it('checks the query path, an unknown station and the 405, every 15 minutes, alarming after 2 failed runs in a row; says nobody is emailed', async () => {
    const { bundle } = await generate(weatherChecks);
    const checks = fileContent(bundle, 'src/checks.ts');
    expect(checks).toContain("path: '/forecast?city=London', expectedStatus: [200]");
    expect(checks).toContain("path: '/stations/does-not-exist-0000', expectedStatus: [404]");
    expect(checks).toContain("method: 'DELETE', path: '/forecast', expectedStatus: [405]");
    const template = parseBundleTemplate(bundle);
    expect(template.Parameters?.['ScheduleExpression']?.['Default']).toBe('rate(15 minutes)');
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm');
    expect(alarms.some(([, alarm]) => alarm.Properties?.['DatapointsToAlarm'] === 2)).toBe(true);
    expect(gapsOf(sentenceRow(bundle.coverage, 5))).toMatch(/email/);
    expect(settingRow(bundle.coverage)?.status).toBe('covered');
  });

  it('"Every 15 minutes, GET /forecast?city=London returns 200." is ◐ partial with the gap "15 is not a value of what was generated", though ScheduleExpression defaults to rate(15 minutes) (the alarm row says so) — the gap is false and the row is covered', async () => {
    const { bundle } = await generate(weatherChecks);
    expect(parseBundleTemplate(bundle).Parameters?.['ScheduleExpression']?.['Default']).toBe(
      'rate(15 minutes)',
    );
    expect(gapsOf(sentenceRow(bundle.coverage, 2))).not.toMatch(/15 is not a value/);
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('covered');
  });
});

const recommendationsRelease = {
  taskType: 'deployment' as const,
  taskName: 'Recommendations release',
  strategy: 'canary' as const,
  description:
    'Release the recommendations service with canary deployments: 10 percent for 10 minutes, then the rest. Roll back when the error rate is above 2 percent. Notify the release channel by email at releases@example.com when a rollback happens.',
};

describe('review 11n: a canary release of 10 percent for 10 minutes', () => {
  it('releases with CodeDeployDefault.LambdaCanary10Percent10Minutes and says 2 percent and the email are not generated', async () => {
    const { bundle } = await generate(recommendationsRelease);
    expect(templateText(bundle)).toContain('CodeDeployDefault.LambdaCanary10Percent10Minutes');
    expect(settingRow(bundle.coverage)?.status).toBe('covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 2))).toMatch(/2 is not a value/);
    expect(gapsOf(sentenceRow(bundle.coverage, 3))).toMatch(/email/);
  });

  it('"Release the recommendations service with canary deployments: 10 percent for 10 minutes, then the rest." is ◐ partial with the gap "\\"10 percent for 10 minutes\\": nothing was generated for this", though the release is CodeDeployDefault.LambdaCanary10Percent10Minutes, exactly that (the README: a traffic shift asked is "met when equal") — the row is covered', async () => {
    const { bundle } = await generate(recommendationsRelease);
    expect(gapsOf(sentenceRow(bundle.coverage, 1))).not.toMatch(/10 percent for 10 minutes/);
    expect(sentenceRow(bundle.coverage, 1)?.status).toBe('covered');
  });
});

describe('review 11n: the five templates', () => {
  const cfnLint = findExecutable('cfn-lint');
  (cfnLint === undefined ? it.skip : it)(
    'all pass cfn-lint (one call)',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'review11n-'));
      try {
        const shapes = [
          privateApiNetwork,
          reportExports,
          pagerDutyRelay,
          weatherChecks,
          recommendationsRelease,
        ];
        const paths: string[] = [];
        for (const [index, shape] of shapes.entries()) {
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
