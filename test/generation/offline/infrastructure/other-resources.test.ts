import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { otherResourcesNamed } from '../../../../src/generation/offline/blueprints/infrastructure/other-resources.js';
import { AWS_SERVICE_NAMESPACES } from '../../../../src/generation/offline/naming/aws-service-namespaces.js';
import { awsServicesNamed } from '../../../../src/generation/offline/naming/aws-resource-names.js';
import { wordsOf } from '../../../../src/generation/offline/naming/words-of.js';
import { generate } from '../offline-test-requests.js';

/**
 * #11: a request naming an AWS service the foundation does not build is told so under Not covered,
 * whichever service it names (from CloudFormation's service namespaces and product names), while
 * ordinary words (`glue`, `events`, `backup`, `a message`) are not read as services.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

describe('services the foundation does not build', () => {
  it.each([
    ['Add a Redis cache for sessions.', 'ElastiCache'],
    ['Add an ElastiCache cluster for sessions.', 'ElastiCache'],
    ['Put each upload event on a Kinesis stream.', 'Kinesis'],
    ['Start a Step Functions workflow for each import.', 'Step Functions'],
    ['Index the records in OpenSearch.', 'OpenSearchService'],
    ['Query the records with Athena.', 'Athena'],
    ['Catalogue the files with AWS Glue.', 'Glue'],
    ['Store the metadata in an Aurora database.', 'RDS'],
  ])('"%s" is listed as not covered, naming %s', async (sentence, named) => {
    const { bundle } = await generate({
      taskType: 'infrastructure',
      taskName: 'Data bucket',
      description: `An S3 bucket for exports. ${sentence}`,
    });
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).not.toBe('covered');
    expect(row?.gaps.join(' ')).toContain(named);
  });

  it('reads services from the CloudFormation namespaces, not a handful of words', () => {
    expect(AWS_SERVICE_NAMESPACES.length).toBeGreaterThan(200);
    expect(awsServicesNamed(wordsOf('a Timestream database and a Neptune graph'))).toEqual(
      expect.arrayContaining(['Timestream', 'Neptune']),
    );
    expect(awsServicesNamed(wordsOf('route events through Amazon EventBridge Pipes'))).toEqual(
      expect.arrayContaining(['Events']),
    );
  });

  it.each([
    'Glue the reports together and send a message when a file lands.',
    'Events are logged and backups are kept in a batch for the forecast.',
    'The bucket holds a backup of every stream of logs.',
    'Encrypt the bucket with KMS and alarm through CloudWatch to the SNS topic.',
  ])('reads no service in "%s"', (sentence) => {
    expect(otherResourcesNamed(wordsOf(sentence))).toEqual([]);
  });

  it('keeps a bucket sentence beside a foreign service about the bucket: its retention still binds', async () => {
    const { bundle } = await generate({
      taskType: 'infrastructure',
      taskName: 'Data bucket',
      description: 'An S3 bucket for exports. Delete objects after 30 days and index them in OpenSearch.',
    });
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy).toContain('30 days');
    expect(sentenceRow(bundle.coverage, 2)?.gaps.join(' ')).toContain('OpenSearchService');
  });
});
