import { checkTemplateStructure } from '../../../src/core/cfn/check-template-structure.js';
import { parseTemplate } from '../../../src/core/cfn/parse-template.js';
import { formatTemplateIssue } from '../../../src/core/cfn/template-issue.js';

function issuesIn(conditions: string): string[] {
  const parsed = parseTemplate(
    `Parameters:\n  Stage:\n    Type: String\nConditions:\n${conditions.replace(/^/gm, '  ')}\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n`,
  );
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.message}`);
  return checkTemplateStructure(parsed.template).map(formatTemplateIssue);
}

const cycle = (location: string, loop: string) =>
  `Conditions.${location}: circular dependency ${loop}; CloudFormation cannot evaluate conditions that refer to themselves`;

describe('condition cycles', () => {
  it.each([
    ['a condition that needs itself through Fn::Not', 'A: !Not [!Condition A]', [cycle('A', 'A → A')]],
    [
      'two conditions through Fn::And and Fn::Or',
      'A: !And [!Condition B, !Equals [!Ref Stage, prod]]\nB: !Or [!Condition A, !Equals [!Ref Stage, dev]]',
      [cycle('A', 'A → B → A')],
    ],
    [
      'three conditions, reported from the alphabetically first',
      'C: !Not [!Condition A]\nA: !Not [!Condition B]\nB: !Not [!Condition C]',
      [cycle('A', 'A → B → C → A')],
    ],
    ['a bare Condition reference', 'A:\n  Condition: B\nB:\n  Condition: A', [cycle('A', 'A → B → A')]],
    [
      'long-form functions in JSON style',
      'A: { "Fn::Not": [{ "Condition": "B" }] }\nB: { "Fn::And": [{ "Condition": "A" }, { "Condition": "A" }] }',
      [cycle('A', 'A → B → A')],
    ],
    [
      'two separate cycles',
      'A: !Not [!Condition A]\nB: !Not [!Condition C]\nC: !Not [!Condition B]',
      [cycle('A', 'A → A'), cycle('B', 'B → C → B')],
    ],
    [
      'an Fn::If naming the condition it belongs to',
      'A: !If [A, true, false]',
      [expect.stringContaining(cycle('A', 'A → A'))],
    ],
  ])('refuses %s', (_label, conditions, expected) => {
    expect(issuesIn(conditions)).toEqual(expect.arrayContaining(expected));
    expect(issuesIn(conditions).filter((issue) => issue.includes('circular'))).toHaveLength(expected.length);
  });

  it.each([
    [
      'conditions that share a dependency',
      'A: !And [!Condition B, !Condition C]\nB: !Not [!Condition D]\nC: !Not [!Condition D]\nD: !Equals [!Ref Stage, prod]',
    ],
    ['a chain', 'A: !Not [!Condition B]\nB: !Not [!Condition C]\nC: !Equals [!Ref Stage, prod]'],
  ])('accepts %s', (_label, conditions) => {
    expect(issuesIn(conditions)).toEqual([]);
  });

  it('does not count a Condition key inside Fn::Equals, which is a value there, not a reference', () => {
    const issues = issuesIn('A: !Equals [{ Condition: A }, x]');
    expect(issues.filter((issue) => issue.includes('circular'))).toEqual([]);
  });

  it('still reports references to undefined conditions beside a cycle', () => {
    expect(issuesIn('A: !And [!Condition A, !Condition Missing]')).toEqual([
      expect.stringContaining('condition "Missing" is not defined in Conditions'),
      cycle('A', 'A → A'),
    ]);
  });

  it('answers for a chain of 3,000 conditions without overflowing the stack', () => {
    const count = 3_000;
    const chain = Array.from({ length: count }, (_, index) => `C${index}: !Not [!Condition C${index + 1}]`);
    const closed = [...chain, `C${count}: !Not [!Condition C0]`].join('\n');
    const open = [...chain, `C${count}: !Equals [!Ref Stage, prod]`].join('\n');
    expect(issuesIn(open)).toEqual([]);
    const [issue, ...rest] = issuesIn(closed);
    expect(rest).toEqual([]);
    expect(issue).toMatch(/^Conditions\.C0: circular dependency C0 → C1 → C2 → /);
  });
});
