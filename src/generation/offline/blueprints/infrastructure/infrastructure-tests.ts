import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import type { FoundationRequirement } from './foundation-requirements.js';

const FIXTURE = `const OUTPUTS = [
  { OutputKey: 'DataBucketName', OutputValue: 'foundation-data-bucket' },
  { OutputKey: 'DataBucketArn', OutputValue: 'arn:aws:s3:::foundation-data-bucket' },
  { OutputKey: 'DataKeyArn', OutputValue: 'arn:aws:kms:ap-southeast-2:123456789012:key/0000' },
  { OutputKey: 'NotificationsTopicArn', OutputValue: 'arn:aws:sns:ap-southeast-2:123456789012:topic' },
];
`;

const STACK_OUTPUTS_TEST = `import { objectKey } from '../src/object-keys';
import { readFoundationOutputs } from '../src/stack-outputs';

${FIXTURE}
describe('readFoundationOutputs', () => {
  it('reads every output into its field', () => {
    expect(readFoundationOutputs(OUTPUTS)).toEqual({
      dataBucketName: 'foundation-data-bucket',
      dataBucketArn: 'arn:aws:s3:::foundation-data-bucket',
      dataKeyArn: 'arn:aws:kms:ap-southeast-2:123456789012:key/0000',
      notificationsTopicArn: 'arn:aws:sns:ap-southeast-2:123456789012:topic',
    });
  });

  it('names every missing output', () => {
    expect(() => readFoundationOutputs(OUTPUTS.slice(0, 2))).toThrow('DataKeyArn is missing; NotificationsTopicArn is missing');
  });

  it('rejects an ARN output that is not an ARN', () => {
    const outputs = OUTPUTS.map((output) => (output.OutputKey === 'DataKeyArn' ? { ...output, OutputValue: 'key-0000' } : output));
    expect(() => readFoundationOutputs(outputs)).toThrow('DataKeyArn is not an ARN');
  });
});

describe('objectKey', () => {
  it('files objects under their area by date', () => {
    expect(objectKey({ area: 'reports', name: 'daily.csv', date: new Date('2030-02-03T10:00:00Z') })).toBe('reports/2030/02/03/daily.csv');
  });

  it('refuses segments that could escape the area', () => {
    for (const name of ['../secrets', 'a/b', '', '.hidden']) {
      expect(() => objectKey({ area: 'reports', name, date: new Date(0) })).toThrow('invalid key segment');
    }
  });
});
`;

/** Jest suites: reading outputs, key layout, and one acceptance check per story. */
export function infrastructureTests(
  baseDir: string,
  requirements: readonly FoundationRequirement[],
): GeneratedFile[] {
  const stories = requirements.map(
    ({ intent, name, needs }) => `  // Story ${intent.number}: ${intent.text}
  it(${codeLiteral(intent.testTitle)}, () => {
    const deployed = readFoundationOutputs(OUTPUTS);
    expect(unmetRequirements(deployed)).not.toContain(${codeLiteral(name)});
    expect(unmetRequirements({ ...deployed, ${codeLiteral(needs[0] ?? 'dataBucketName')}: '' })).toContain(${codeLiteral(name)});
  });
`,
  );
  const requirementsTest = `import { unmetRequirements } from '../src/requirements';
import { readFoundationOutputs } from '../src/stack-outputs';

${FIXTURE}
describe('user stories are met by the deployed foundation', () => {
${stories.join('\n')}});
`;
  return [
    { path: `${baseDir}/test/stack-outputs.test.ts`, role: 'test', content: STACK_OUTPUTS_TEST },
    { path: `${baseDir}/test/requirements.test.ts`, role: 'test', content: requirementsTest },
  ];
}
