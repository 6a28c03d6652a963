import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { logRetentionTest } from '../../cfn/log-retention-test.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { readTemplateFile } from '../../project/read-template-file.js';
import { DEAD_LETTER_REDRIVE_ACTIONS } from './integration-template.js';
import { FILES, TITLES } from './integration-test-titles.js';
import { QUEUE_POLICY_ID, SOURCE_RULE_ID } from './source-bus-part.js';

/**
 * Generated `test/template.test.ts` (and the reader it uses): what the template promises about dead
 * letters — the alarm fires on the first one, and the redrive policy lets an operator replay them —
 * and about logs: every log group keeps them for LogRetentionDays, defaulting to `logDays`.
 */
export function integrationTemplateTests(params: {
  baseDir: string;
  /** The template's default log retention, in days (`logRetentionDefault`: the days asked, else by environment). */
  logDays: number;
  /** The types the source bus's rule queues; absent without a source bus. */
  consumed?: readonly string[];
}): GeneratedFile[] {
  const { baseDir, consumed } = params;
  const content = `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTemplate } from './read-template';

describe('log retention in the template', () => {${logRetentionTest(params.logDays)}});

describe('dead letters in the template', () => {
  it(${codeLiteral(TITLES.deadLetterAlarm)}, () => {
    const alarm = readTemplate().Resources['DeadLetterAlarm'];
    expect(alarm?.Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['DeadLetterQueue', 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it(${codeLiteral(TITLES.redrive)}, () => {
    const { Resources } = readTemplate();
    expect(Resources['Queue']?.Properties.RedrivePolicy.deadLetterTargetArn).toEqual({ 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] });
    expect(Resources['DeadLetterRedrivePolicy']?.Properties.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: ${JSON.stringify(DEAD_LETTER_REDRIVE_ACTIONS)}, Resource: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] } },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] } },
    ]);
  });
});
${consumed === undefined ? '' : sourceRuleTest(consumed)}`;
  return [readTemplateFile(baseDir), { path: `${baseDir}/${FILES.template}`, role: 'test', content }];
}

/** The rule on the source bus matches the consumed types and targets the queue; the queue's policy admits only it. */
function sourceRuleTest(consumed: readonly string[]): string {
  const rule = codeLiteral(SOURCE_RULE_ID);
  return `
describe('the source bus in the template', () => {
  it(${codeLiteral(TITLES.sourceRule)}, () => {
    const { Resources } = readTemplate();
    expect(Resources[${rule}]?.Type).toBe('AWS::Events::Rule');
    expect(Resources[${rule}]?.Properties).toMatchObject({
      EventBusName: { Ref: 'SourceEventBusName' },
      EventPattern: { 'detail-type': ${JSON.stringify(consumed)} },
      State: 'ENABLED',
      Targets: [{ Arn: { 'Fn::GetAtt': ['Queue', 'Arn'] } }],
    });
    const policy = Resources[${codeLiteral(QUEUE_POLICY_ID)}];
    expect(policy?.Type).toBe('AWS::SQS::QueuePolicy');
    expect(policy?.Properties.Queues).toEqual([{ Ref: 'Queue' }]);
    expect(policy?.Properties.PolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] },
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [${rule}, 'Arn'] } } },
      }),
    ]);
  });
});
`;
}
