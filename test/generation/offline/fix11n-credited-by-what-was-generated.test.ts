import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { spelledRouteChecks } from '../../../src/generation/offline/blueprints/testing/spelled-route-checks.js';
import { descriptionSentences } from '../../../src/generation/offline/naming/description-sentences.js';
import { renderCoverageSections } from '../../../src/core/render/coverage-sections.js';
import { codeLiteral } from '../../../src/generation/offline/naming/code-literal.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/**
 * Issue #11: a row is credited only by the generated thing that does what its sentence asks (never by
 * a keyword), and a gap is said only for what was not generated. More cases of each kind review 11m
 * found: a word inside a URL, a redirect or CORS read as TLS, a deletion of a versioned bucket's
 * objects, a rotation the key does, provisioned concurrency, checks after a deploy, rows out of
 * order, a `?` of a query string, camelCase field names and a status code the code answers.
 */
const rowOf = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');

const bucket = (description: string) =>
  generate({ taskType: 'infrastructure', taskName: 'Shared files', description });

describe('infrastructure rows are credited by what the template does', () => {
  it('a redirect is not the TLS-only policy, while asking for HTTPS only is', async () => {
    const { bundle } = await bucket(
      'A private bucket for shared files. Redirect all HTTP traffic to HTTPS. Only allow HTTPS requests. Enforce TLS in transit.',
    );
    expect(rowOf(bundle.coverage, 2)?.status).toBe('not_covered');
    expect(gapsOf(rowOf(bundle.coverage, 2))).toMatch(/redirect-to-https/);
    expect(rowOf(bundle.coverage, 3)?.implementedBy).toContain('denying requests without TLS');
    expect(rowOf(bundle.coverage, 3)?.status).toBe('covered');
    expect(rowOf(bundle.coverage, 4)?.status).toBe('covered');
  });

  it('a URL asks for nothing its words spell, and CORS names the origin it needs', async () => {
    const { bundle } = await bucket(
      'A bucket for files from https://uploads.example.com/tls. Allow cross origin requests from https://app.example.com:8443 and https://admin.example.com.',
    );
    expect(rowOf(bundle.coverage, 1)?.implementedBy ?? '').not.toContain('TLS');
    const cors = rowOf(bundle.coverage, 2);
    expect(cors?.status).toBe('not_covered');
    expect(gapsOf(cors)).toContain(
      'AllowedOrigins [https://app.example.com:8443, https://admin.example.com]',
    );
    const [data] = resourcesOfType(parseBundleTemplate(bundle), 'AWS::S3::Bucket');
    expect(data?.[1].Properties?.['CorsConfiguration']).toBeUndefined();
  });

  it('an expiry of a versioned bucket says how long the old version stays, for a prefix too', async () => {
    const { bundle } = await bucket(
      'A bucket for exports. Objects under tmp/ are deleted after 7 days. Keep old versions for 30 days.',
    );
    const row = rowOf(bundle.coverage, 2);
    expect(row?.status).toBe('partial');
    expect(gapsOf(row)).toMatch(/under tmp\/ at 7 days only adds a delete marker/);
    expect(gapsOf(row)).toMatch(/\(30 days\) more, so it is gone after 37 days/);
  });

  it('the rotation the key does is credited; another period is said, not credited', async () => {
    const { bundle } = await bucket(
      'An encrypted bucket for reports. Rotate the key yearly. The key is rotated every 365 days. Rotate the key every 90 days. Rotate the key every 2 years.',
    );
    const template = parseBundleTemplate(bundle);
    expect(resourcesOfType(template, 'AWS::KMS::Key')[0]?.[1].Properties?.['EnableKeyRotation']).toBe(true);
    expect(rowOf(bundle.coverage, 2)?.status).toBe('covered');
    expect(rowOf(bundle.coverage, 3)?.status).toBe('covered');
    expect(rowOf(bundle.coverage, 4)?.status).toBe('not_covered');
    expect(gapsOf(rowOf(bundle.coverage, 4))).toMatch(/RotationPeriodInDays/);
    expect(gapsOf(rowOf(bundle.coverage, 5))).toMatch(/2 is not a value/);
  });

  it('what the template sets is no false gap: ACLs disabled, and the bucket kept when the stack goes', async () => {
    const { bundle } = await bucket(
      'A bucket for invoices. Disable ACLs on the bucket. Keep the bucket when the stack is deleted.',
    );
    expect(rowOf(bundle.coverage, 2)?.implementedBy).toContain('BucketOwnerEnforced');
    expect(rowOf(bundle.coverage, 2)?.status).toBe('covered');
    expect(rowOf(bundle.coverage, 3)?.implementedBy).toContain('DeletionPolicy');
    expect(rowOf(bundle.coverage, 3)?.status).toBe('covered');
  });

  it('an ACL asked to grant access is not the disabled ACLs', async () => {
    const { bundle } = await bucket(
      'A bucket for reports. Grant the partner account read access with an ACL.',
    );
    expect(rowOf(bundle.coverage, 2)?.status).not.toBe('covered');
    expect(gapsOf(rowOf(bundle.coverage, 2))).toMatch(/no ACL grants anything/);
  });
});

describe('deployment: a warm version is not the shift', () => {
  it('says provisioned concurrency and cold starts are not generated, beside a shift that is', async () => {
    const { bundle } = await generate({
      taskType: 'deployment',
      taskName: 'Pricing release',
      strategy: 'canary',
      description:
        'Release the pricing function with canary deployments. Avoid cold starts for the new version. Shift traffic gradually and keep the new version warm.',
    });
    expect(JSON.stringify(parseBundleTemplate(bundle).Resources)).not.toContain('ProvisionedConcurrency');
    expect(rowOf(bundle.coverage, 1)?.status).toBe('covered');
    expect(rowOf(bundle.coverage, 2)?.status).toBe('not_covered');
    expect(gapsOf(rowOf(bundle.coverage, 2))).toMatch(/no provisioned concurrency is generated/);
    expect(rowOf(bundle.coverage, 3)?.status).toBe('partial');
    expect(rowOf(bundle.coverage, 3)?.implementedBy).toContain('CodeDeploy');
  });
});

describe('testing: checks run on a schedule, rows in sentence order', () => {
  it('says the checks are not run after each release, and lists every sentence in order', async () => {
    const { bundle } = await generate({
      taskType: 'testing',
      taskName: 'Orders checks',
      description:
        'Checks for https://orders.example.com. Run them after each release. GET /orders returns 200. Alert us when it is down. DELETE /orders/{id} returns 405.',
    });
    expect(rowOf(bundle.coverage, 2)?.status).toBe('not_covered');
    expect(gapsOf(rowOf(bundle.coverage, 2))).toMatch(/nothing runs the checks after a deploy/);
    const numbers = [
      ...renderCoverageSections(bundle.coverage)
        .join('\n')
        .matchAll(/^\| Description, sentence (\d+):/gm),
    ].map((match) => Number(match[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
  });

  it('names the latency the checks use, not a fixed 3 s', async () => {
    const { bundle } = await generate({
      taskType: 'testing',
      taskName: 'Orders checks',
      description: 'Checks for https://orders.example.com. GET /orders returns 200 within 2 seconds.',
    });
    expect(rowOf(bundle.coverage, 2)?.implementedBy ?? '').not.toContain('within 3 s');
  });
});

describe('sentences and spelled routes keep a path’s query string', () => {
  it('a `?` inside a path is no sentence end; a `?` ending a question still is', () => {
    expect(
      descriptionSentences(
        'GET /search?q=a&page=2 returns 200. Is it up? Yes. Is it up?Maybe. POST /jobs?dryRun=true returns 202.',
      ).map((sentence) => sentence.text),
    ).toEqual([
      'GET /search?q=a&page=2 returns 200.',
      'Is it up?',
      'Yes.',
      'Is it up?',
      'Maybe.',
      'POST /jobs?dryRun=true returns 202.',
    ]);
  });

  it('checks the path with its query, in generated code that parses', async () => {
    const checks = spelledRouteChecks(descriptionSentences('GET /search?q=a&page=2 returns 200.'));
    expect(checks[0]?.path).toBe('/search?q=a&page=2');
    expect(codeLiteral('/search?q=a&page=2~x')).toBe("'/search?q=a&page=2~x'");
    const { bundle } = await generate({
      taskType: 'testing',
      taskName: 'Search checks',
      description: 'Checks for https://search.example.com. GET /search?q=a&page=2 returns 200.',
    });
    expect(fileContent(bundle, 'src/checks.ts')).toContain("path: '/search?q=a&page=2'");
  });

  it('keeps field names as the API spells them: camelCase kept, words joined in camelCase', () => {
    const [check] = spelledRouteChecks(
      descriptionSentences('POST /loans with a memberId, a book ISBN and a due date returns 201.'),
    );
    expect(Object.keys(check?.body ?? {})).toEqual(['memberId', 'bookIsbn', 'dueDate']);
  });
});

describe('integration: a status code the receiver answers is a generated value', () => {
  it('a 401 asked for a bad signature is met, another code is still said', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Payments relay',
      description:
        'A webhook receiver for Stripe. Refuse deliveries with a bad signature with 401. Reject deliveries whose signature does not match with 403.',
    });
    expect(fileContent(bundle, 'src/receive-webhook.ts')).toContain('json(401');
    expect(gapsOf(rowOf(bundle.coverage, 2))).not.toMatch(/401 is not a value/);
    expect(gapsOf(rowOf(bundle.coverage, 3))).toMatch(/403 is not a value/);
  });
});
