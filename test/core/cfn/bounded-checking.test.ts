import { checkTemplateStructure } from '../../../src/core/cfn/check-template-structure.js';
import { closestName } from '../../../src/core/cfn/closest-name.js';
import { nameSuggester } from '../../../src/core/cfn/name-suggester.js';
import { formatTemplateIssue } from '../../../src/core/cfn/template-issue.js';

const entries = <T>(count: number, make: (index: number) => [string, T]): Record<string, T> =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => make(index)));

const bucket = { Type: 'AWS::S3::Bucket' };

describe('CloudFormation quotas', () => {
  it.each([
    ['Resources', 500, { Resources: entries(501, (index) => [`B${index}`, bucket]) }],
    [
      'Parameters',
      200,
      { Parameters: entries(201, (index) => [`P${index}`, { Type: 'String' }]), Resources: { B: bucket } },
    ],
    [
      'Outputs',
      200,
      { Outputs: entries(201, (index) => [`O${index}`, { Value: 'x' }]), Resources: { B: bucket } },
    ],
    [
      'Mappings',
      200,
      { Mappings: entries(201, (index) => [`M${index}`, { k: { v: 'x' } }]), Resources: { B: bucket } },
    ],
  ])(
    'refuses more %s than CloudFormation accepts (%i), and checks nothing else',
    (section, quota, template) => {
      expect(checkTemplateStructure(template).map(formatTemplateIssue)).toEqual([
        `${section}: declares ${(quota + 1).toLocaleString('en-US')} entries, and CloudFormation accepts at most ${quota} in one template; split the template (for example into nested stacks)`,
      ]);
    },
  );

  it('accepts exactly the quota', () => {
    expect(checkTemplateStructure({ Resources: entries(500, (index) => [`B${index}`, bucket]) })).toEqual([]);
  });
});

describe('"did you mean" costs a bounded amount per template', () => {
  it('stops suggesting once its budget of compared candidates is spent', () => {
    const suggest = nameSuggester(5);
    expect(suggest('Bucket1', () => ['Bucket', 'Table'])).toBe('Bucket');
    expect(suggest('Tabel', () => ['Bucket', 'Table'])).toBe('Table');
    // Four compared so far; this lookup would need two more than are left.
    expect(suggest('Bucket1', () => ['Bucket', 'Table'])).toBeUndefined();
    expect(suggest('Bucket1', () => ['Bucket'])).toBeUndefined();
  });

  it('still reports every broken reference after the suggestions run out', () => {
    const resources = entries(400, (index) => [
      `Res${index}`,
      { Type: 'AWS::SNS::Topic', Properties: { TopicName: { Ref: `Res${index}x` } } },
    ]);
    const issues = checkTemplateStructure({ Resources: resources }).map(formatTemplateIssue);
    expect(issues).toHaveLength(400);
    expect(issues[0]).toContain('(did you mean "Res0"?)');
    expect(issues.at(-1)).toMatch(/Ref target "Res399x" is not a parameter, resource or pseudo parameter$/);
  });

  it('finds the same closest names as a full edit-distance table', () => {
    expect(closestName('OrdersTabel', ['OrdersTable', 'OrdersRole'])).toBe('OrdersTable');
    expect(closestName('a'.repeat(250) + 'bc', ['a'.repeat(250) + 'cb', 'a'.repeat(252)])).toBe(
      'a'.repeat(250) + 'cb',
    );
    expect(closestName('abcdef', ['abcxyz'])).toBeUndefined();
    expect(closestName('', ['ab', 'abc'])).toBe('ab');
  });
});
