import { subVariables } from '../../../src/core/cfn/sub-variables.js';

describe('subVariables', () => {
  it('lists placeholders in order and skips ${!Literal} escapes', () => {
    expect(subVariables('arn:${AWS::Partition}:s3:::${Bucket}/${!NotMe}/${Role.Arn}')).toEqual([
      'AWS::Partition',
      'Bucket',
      'Role.Arn',
    ]);
  });

  it('reports an empty placeholder as an empty name and ignores text without any', () => {
    expect(subVariables('x ${} y')).toEqual(['']);
    expect(subVariables('plain $text {braces}')).toEqual([]);
  });
});
