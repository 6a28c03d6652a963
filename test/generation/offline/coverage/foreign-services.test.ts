import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import {
  servicesUsed,
  withForeignServices,
} from '../../../../src/generation/offline/coverage/foreign-services.js';
import { generate } from '../offline-test-requests.js';

/**
 * #11: a request to any blueprint that names an AWS service nothing generated creates or calls
 * (`Store receipts in EFS`, `send with SES`, `use Kinesis`) lists it as not generated. Before, only
 * the infrastructure blueprint did: the application blueprint counted "Store receipts in EFS" met by
 * its DynamoDB table. The detection is the one the infrastructure blueprint uses (CloudFormation's
 * service namespaces and product names, aws-resource-names.ts).
 */
const rowOf = (rows: readonly RequirementCoverage[] | undefined, kind: 'story' | 'description', n: number) =>
  rows?.find((row) =>
    row.source.kind === 'story'
      ? kind === 'story' && row.source.number === n
      : row.source.kind === kind && 'sentence' in row.source && row.source.sentence === n,
  );

describe('services a template uses', () => {
  it('reads the resource types it declares and the IAM actions it grants, one service whatever its version', () => {
    const used = servicesUsed([
      'Type: AWS::ApiGatewayV2::Api\n  Action:\n    - events:PutEvents\n    - "dynamodb:GetItem"',
    ]);
    expect([...used].sort()).toEqual(['apigateway', 'dynamodb', 'events']);
  });

  it('adds one gap per service named and not used, once, and leaves other rows alone', () => {
    const row: RequirementCoverage = {
      source: { kind: 'description', sentence: 1 },
      text: 'Store files in EFS and stream clicks to Kinesis. Cache in Redis.',
      status: 'covered',
      implementedBy: 'one DynamoDB table',
      tests: [],
      resources: [],
      gaps: ['no ElastiCache cache is generated: said before'],
    };
    const [told] = withForeignServices([row], new Set(['dynamodb']), 'DynamoDB');
    expect(told?.status).toBe('partial');
    expect(told?.gaps).toEqual([
      'no ElastiCache cache is generated: said before',
      'no AWS::EFS resource is generated: the template declares DynamoDB resources only, and nothing generated creates or calls one; add it to the template (or ask the blueprint that generates it)',
      'no Kinesis stream is generated: the template declares DynamoDB resources only, and nothing generated creates or calls one; add it to the template (or ask the blueprint that generates it)',
    ]);
    const plain = { ...row, text: 'Each ticket sits in the support queue.', gaps: [] };
    expect(withForeignServices([plain], new Set(), 'DynamoDB')).toEqual([plain]);
  });
});

describe('foreign services named to the application and integration blueprints', () => {
  it('an application request naming EFS, SES and Kinesis lists each; DynamoDB and Lambda, which it generates, are not listed', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Receipts',
      description:
        'An API for receipts on Lambda and DynamoDB. Store receipt files in EFS. Send receipts by email with SES.',
      stories: ['As a clerk I can upload a receipt', 'As an analyst I can stream receipts to Kinesis'],
    });
    const first = rowOf(bundle.coverage, 'description', 1);
    expect(first?.gaps.join(' ')).not.toMatch(/no (DynamoDB|Lambda)/);
    expect(rowOf(bundle.coverage, 'description', 2)?.gaps.join(' ')).toMatch(
      /no AWS::EFS resource is generated/,
    );
    expect(rowOf(bundle.coverage, 'description', 3)?.gaps.join(' ')).toMatch(
      /no AWS::SES resource is generated/,
    );
    const kinesis = rowOf(bundle.coverage, 'story', 2);
    expect(kinesis?.status).not.toBe('covered');
    expect(kinesis?.gaps.join(' ')).toMatch(/no Kinesis stream is generated/);
  });

  it('an integration request naming Kinesis lists it', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Payments webhook',
      description: 'Receive Stripe webhooks. Forward every event to a Kinesis stream.',
    });
    expect(rowOf(bundle.coverage, 'description', 2)?.gaps.join(' ')).toMatch(
      /no Kinesis stream is generated/,
    );
  });
});
