import { describe, expect, it } from '@jest/globals';
import { rewriteValuesAt } from '../../../src/core/cfn/rewrite-values-at.js';
import { localIncludes } from '../../../src/core/deploy/local-includes.js';

// Review #10n: the `AWS::Include` transform's local `Location`, which `aws cloudformation package`
// uploads (its `include_transform_export_handler`), reached CloudFormation as a local path.
const include = (Location: unknown) => ({
  'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location } },
});

describe('localIncludes', () => {
  it('finds every AWS::Include naming a local file, anywhere in the template, lists too', () => {
    const template = {
      Resources: {
        ...include('snippets/resources.yaml'),
        Fn: { Type: 'AWS::Lambda::Function', Properties: include('../shared/fn.yaml') },
      },
      Outputs: { List: { Value: { 'Fn::Join': ['', [include('out.yaml')]] } } },
    };
    expect(localIncludes({ templatePath: 'infra/template.yaml', template })).toEqual([
      {
        at: ['Resources', 'Fn::Transform', 'Parameters', 'Location'],
        location: 'snippets/resources.yaml',
        path: 'infra/snippets/resources.yaml',
      },
      {
        at: ['Resources', 'Fn', 'Properties', 'Fn::Transform', 'Parameters', 'Location'],
        location: '../shared/fn.yaml',
        path: 'shared/fn.yaml',
      },
      {
        at: ['Outputs', 'List', 'Value', 'Fn::Join', '1', '0', 'Fn::Transform', 'Parameters', 'Location'],
        location: 'out.yaml',
        path: 'infra/out.yaml',
      },
    ]);
  });

  it('leaves out an S3 or https location, a computed one, another transform, and names a path leaving the repository', () => {
    const template = {
      A: include('s3://b/k.yaml'),
      B: include('https://example.com/k.yaml'),
      C: include({ 'Fn::Sub': 's3://${B}/k.yaml' }),
      D: { 'Fn::Transform': { Name: 'AWS::Other', Parameters: { Location: 'x.yaml' } } },
      E: include('../../outside.yaml'),
    };
    expect(localIncludes({ templatePath: 'template.yaml', template })).toEqual([
      {
        at: ['E', 'Fn::Transform', 'Parameters', 'Location'],
        location: '../../outside.yaml',
        path: undefined,
      },
    ]);
  });
});

describe('rewriteValuesAt', () => {
  it('replaces a YAML value in place, comments and short forms kept', () => {
    const text = `Resources:\n  Fn::Transform:\n    Name: AWS::Include\n    Parameters:\n      Location: snippets/r.yaml # shared\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '\${AWS::StackName}-b'\n`;
    const result = rewriteValuesAt(text, [
      { at: ['Resources', 'Fn::Transform', 'Parameters', 'Location'], value: 's3://b/k.yaml' },
    ]);
    expect(result).toEqual({ ok: true, text: text.replace('snippets/r.yaml', '"s3://b/k.yaml"') });
  });

  it('refuses a place the template does not hold, or a value given through an alias', () => {
    expect(rewriteValuesAt('A: 1\n', [{ at: ['B'], value: 2 }]).ok).toBe(false);
    expect(rewriteValuesAt('X: &x a.yaml\nA: *x\n', [{ at: ['A'], value: 's3://b/k' }]).ok).toBe(false);
  });

  it('writes a JSON template again from its parsed value', () => {
    const result = rewriteValuesAt('{"A": {"B": ["x", "y"]}}', [{ at: ['A', 'B', '1'], value: 'z' }]);
    expect(result).toEqual({ ok: true, text: `${JSON.stringify({ A: { B: ['x', 'z'] } }, null, 2)}\n` });
  });
});
