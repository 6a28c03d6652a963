import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { readTemplateFile } from '../../project/read-template-file.js';
import { DEAD_LETTER_REDRIVE_ACTIONS } from './integration-template.js';
import { FILES, TITLES } from './integration-test-titles.js';

/**
 * Generated `test/template.test.ts` (and the reader it uses): what the template promises about dead
 * letters — the alarm fires on the first one, and the redrive policy lets an operator replay them.
 */
export function integrationTemplateTests(baseDir: string): GeneratedFile[] {
  const content = `import { readTemplate } from './read-template';

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
`;
  return [readTemplateFile(baseDir), { path: `${baseDir}/${FILES.template}`, role: 'test', content }];
}
