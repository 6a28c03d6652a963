import type { ChangeSummaryRow } from '../../../src/aws/cloudformation/change-summary-row.js';
import { summarizeChangeSet } from '../../../src/aws/cloudformation/summarize-change-set.js';

const rows: ChangeSummaryRow[] = [
  { action: 'Add', logicalId: 'OrdersQueue', resourceType: 'AWS::SQS::Queue' },
  {
    action: 'Modify',
    logicalId: 'OrdersFunction',
    resourceType: 'AWS::Lambda::Function',
    replacement: 'False',
  },
  { action: 'Add', logicalId: 'OrdersAlarm', resourceType: 'AWS::CloudWatch::Alarm' },
  { action: 'Modify', logicalId: 'OrdersTable', resourceType: 'AWS::DynamoDB::Table', replacement: 'True' },
  { action: 'Remove', logicalId: 'LegacyTopic', resourceType: 'AWS::SNS::Topic' },
];

describe('summarizeChangeSet', () => {
  it('counts adds, modifies with replacements, and removes', () => {
    const summary = summarizeChangeSet({ rows });
    expect(summary.countsLine).toBe('2 to add, 2 to modify (1 replacement), 1 to remove');
    expect(summary.counts).toMatchObject({ add: 2, modify: 2, replace: 1, remove: 1, import: 0 });
  });

  it('renders a table with the riskiest changes first', () => {
    const { markdown, truncated } = summarizeChangeSet({ rows });
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('**2 to add, 2 to modify (1 replacement), 1 to remove**');
    expect(lines[2]).toBe('| Action | Logical ID | Type | Replacement |');
    expect(lines.slice(4)).toEqual([
      '| Remove | LegacyTopic | AWS::SNS::Topic |  |',
      '| Modify | OrdersTable | AWS::DynamoDB::Table | True |',
      '| Modify | OrdersFunction | AWS::Lambda::Function | False |',
      '| Add | OrdersQueue | AWS::SQS::Queue |  |',
      '| Add | OrdersAlarm | AWS::CloudWatch::Alarm |  |',
    ]);
    expect(truncated).toBe(false);
  });

  it('names conditional replacements, imports and execution-time changes separately', () => {
    const summary = summarizeChangeSet({
      rows: [
        {
          action: 'Modify',
          logicalId: 'Cluster',
          resourceType: 'AWS::ECS::Cluster',
          replacement: 'Conditional',
        },
        { action: 'Import', logicalId: 'Bucket', resourceType: 'AWS::S3::Bucket' },
        { action: 'Dynamic', logicalId: 'Nested', resourceType: 'AWS::CloudFormation::Stack' },
      ],
    });
    expect(summary.countsLine).toBe(
      '0 to add, 1 to modify (1 conditional), 0 to remove, 1 to import, 1 decided during execution',
    );
  });

  it('cuts a long change set to the row limit and says how many are left out', () => {
    const many: ChangeSummaryRow[] = Array.from({ length: 30 }, (_, index) => ({
      action: 'Add',
      logicalId: `Queue${index}`,
      resourceType: 'AWS::SQS::Queue',
    }));
    const summary = summarizeChangeSet({ rows: many, maxRows: 10 });
    expect(summary.markdown.split('\n').filter((line) => line.startsWith('| Add'))).toHaveLength(10);
    expect(summary.markdown).toContain('… and 20 more');
    expect(summary.truncated).toBe(true);
    expect(summary.fullText.split('\n')).toHaveLength(31);
    expect(summary.fullText).toContain('Queue29');
  });

  it('stays within a character budget however many rows are allowed', () => {
    const many: ChangeSummaryRow[] = Array.from({ length: 5_000 }, (_, index) => ({
      action: 'Modify',
      logicalId: `Function${index}WithAVeryLongLogicalIdentifierForTheTable`,
      resourceType: 'AWS::Lambda::Function',
      replacement: 'False',
    }));
    const summary = summarizeChangeSet({ rows: many, maxRows: 5_000, maxChars: 10_000 });
    expect(summary.markdown.length).toBeLessThanOrEqual(10_000);
    expect(summary.markdown).toMatch(/… and \d+ more/);
  });

  it('escapes table-breaking characters in cells', () => {
    const { markdown } = summarizeChangeSet({
      rows: [{ action: 'Add', logicalId: 'A|B', resourceType: 'Custom::Thing' }],
    });
    expect(markdown).toContain('| Add | A\\|B | Custom::Thing |  |');
  });

  it('reports an empty list as counts only', () => {
    const summary = summarizeChangeSet({ rows: [] });
    expect(summary.markdown).toBe('**0 to add, 0 to modify, 0 to remove**');
  });
});
