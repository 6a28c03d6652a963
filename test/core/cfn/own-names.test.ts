import { checkTemplateStructure } from '../../../src/core/cfn/check-template-structure.js';
import { parseTemplate } from '../../../src/core/cfn/parse-template.js';
import { formatTemplateIssue } from '../../../src/core/cfn/template-issue.js';

function issuesIn(text: string): string[] {
  const parsed = parseTemplate(text);
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.message}`);
  return checkTemplateStructure(parsed.template).map(formatTemplateIssue);
}

/** A sound template with one mapping and one condition; `properties` go under the bucket's Properties. */
function withBucket(properties: string, attributes = ''): string {
  return `Parameters:
  Stage:
    Type: String
Mappings:
  Sizes:
    prod:
      Memory: '1024'
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
${attributes.replace(/^/gm, '    ')}
    Properties:
${properties.replace(/^/gm, '      ')}
`;
}

const OBJECT_MEMBERS = [
  'toString',
  'constructor',
  'hasOwnProperty',
  'valueOf',
  '__proto__',
  '__defineGetter__',
];

describe('template names resolve to the template’s own entries only', () => {
  it('accepts the sound template the cases below start from', () => {
    expect(issuesIn(withBucket('BucketName: !FindInMap [Sizes, prod, Memory]'))).toEqual([]);
  });

  it.each(OBJECT_MEMBERS)('Ref to `%s` is not a parameter or resource', (name) => {
    expect(issuesIn(withBucket(`BucketName: !Ref ${JSON.stringify(name)}`))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Resources\\.Bucket\\.Properties\\.BucketName: Ref target "${escape(name)}" is not a parameter`,
        ),
      ),
    ]);
  });

  it.each(OBJECT_MEMBERS)('Fn::GetAtt on `%s` is not a resource', (name) => {
    expect(issuesIn(withBucket(`BucketName: !GetAtt [${JSON.stringify(name)}, Arn]`))).toEqual([
      `Resources.Bucket.Properties.BucketName: Fn::GetAtt target "${name}" is not a resource`,
    ]);
  });

  it.each(OBJECT_MEMBERS)('DependsOn `%s` is not a resource', (name) => {
    expect(issuesIn(withBucket('BucketName: x', `DependsOn: ${JSON.stringify(name)}`))).toEqual([
      `Resources.Bucket.DependsOn: DependsOn target "${name}" is not a resource`,
    ]);
  });

  it.each(OBJECT_MEMBERS)('a resource Condition `%s` is not defined', (name) => {
    expect(issuesIn(withBucket('BucketName: x', `Condition: ${JSON.stringify(name)}`))).toEqual([
      `Resources.Bucket.Condition: condition ${JSON.stringify(name)} is not defined in Conditions`,
    ]);
  });

  it.each(OBJECT_MEMBERS)('Fn::If on `%s` is not a condition', (name) => {
    expect(issuesIn(withBucket(`BucketName: !If [${JSON.stringify(name)}, a, b]`))).toEqual([
      expect.stringMatching(
        /^Resources\.Bucket\.Properties\.BucketName: Fn::If condition ".*" is not defined in Conditions/,
      ),
    ]);
  });

  it.each(OBJECT_MEMBERS)(
    'Fn::Sub placeholder `${%s}` names nothing, with or without a variable map',
    (name) => {
      const issues = issuesIn(
        withBucket(
          `BucketName: !Sub "\${${name}}"\nTags:\n  - Key: k\n    Value: !Sub ["\${${name}}", { Other: x }]`,
        ),
      );
      expect(issues).toHaveLength(2);
      for (const issue of issues)
        expect(issue).toContain(`Fn::Sub variable "\${${name}}" is not a parameter`);
    },
  );

  it.each(OBJECT_MEMBERS)('Fn::FindInMap map `%s` is not in Mappings', (name) => {
    expect(issuesIn(withBucket(`BucketName: !FindInMap [${JSON.stringify(name)}, prod, Memory]`))).toEqual([
      expect.stringContaining(`Fn::FindInMap map "${name}" is not defined in Mappings`),
    ]);
  });

  it.each(OBJECT_MEMBERS)('Fn::FindInMap top-level key `%s` is not in the map', (name) => {
    expect(issuesIn(withBucket(`BucketName: !FindInMap [Sizes, ${JSON.stringify(name)}, Memory]`))).toEqual([
      expect.stringContaining(`Fn::FindInMap map "Sizes" has no key "${name}"`),
    ]);
  });

  it.each(OBJECT_MEMBERS)('Fn::FindInMap second-level key `%s` is not in the map', (name) => {
    expect(issuesIn(withBucket(`BucketName: !FindInMap [Sizes, prod, ${JSON.stringify(name)}]`))).toEqual([
      expect.stringContaining(`Fn::FindInMap map "Sizes" has no key "prod.${name}"`),
    ]);
  });

  it('suggests the key a misspelt Fn::FindInMap key meant', () => {
    expect(issuesIn(withBucket('BucketName: !FindInMap [Sizes, prd, Memory]'))).toEqual([
      'Resources.Bucket.Properties.BucketName: Fn::FindInMap map "Sizes" has no key "prd" (did you mean "prod"?)',
    ]);
    expect(issuesIn(withBucket('BucketName: !FindInMap [Sizes, prod, memory]'))).toEqual([
      'Resources.Bucket.Properties.BucketName: Fn::FindInMap map "Sizes" has no key "prod.memory" (did you mean "Memory"?)',
    ]);
  });

  it('leaves keys to the DefaultValue of AWS::LanguageExtensions, but not the map', () => {
    const template = (map: string) =>
      `Transform: AWS::LanguageExtensions\n${withBucket(`BucketName: !FindInMap [${map}, toString, constructor, { DefaultValue: small }]`)}`;
    expect(issuesIn(template('Sizes'))).toEqual([]);
    expect(issuesIn(template('toString'))).toEqual([
      expect.stringContaining('map "toString" is not defined'),
    ]);
  });

  it('resolves names that are Object members when the template declares them', () => {
    const template = `Mappings:
  constructor:
    toString:
      valueOf: 'yes'
Resources:
  hasOwnProperty:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !FindInMap [constructor, toString, valueOf]
  Other:
    Type: AWS::S3::Bucket
    DependsOn: hasOwnProperty
    Properties:
      BucketName: !Ref hasOwnProperty
`;
    expect(issuesIn(template)).toEqual([]);
  });

  it.each([
    [
      'JSON',
      '{"Resources": {"__proto__": {"Type": "AWS::S3::Bucket"}, "Other": {"Type": "AWS::S3::Bucket", "DependsOn": "__proto__"}}}',
    ],
    [
      'YAML',
      'Resources:\n  __proto__: { Type: AWS::S3::Bucket }\n  Other: { Type: AWS::S3::Bucket, DependsOn: __proto__ }\n',
    ],
  ])('keeps a resource named `__proto__` (%s) and refuses its logical ID', (_label, text) => {
    expect(issuesIn(text)).toEqual([
      'Resources.__proto__: logical ID "__proto__" must contain only letters A-Z, a-z and digits 0-9',
    ]);
  });

  it('refuses `__proto__` as a parameter or output ID, in JSON', () => {
    const text =
      '{"Parameters": {"__proto__": {"Type": "String"}}, "Resources": {"B": {"Type": "AWS::S3::Bucket"}}, "Outputs": {"__proto__": {"Value": "x"}}}';
    expect(issuesIn(text)).toEqual([
      'Parameters.__proto__: logical ID "__proto__" must contain only letters A-Z, a-z and digits 0-9',
      'Outputs.__proto__: logical ID "__proto__" must contain only letters A-Z, a-z and digits 0-9',
    ]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
