import { reasonsOf, riskOf } from './risk-of.js';

// Review #9c: `findPolicyDocuments` finds a policy document by shape — an object with `Statement`,
// or a string under a `…Policy…` property holding `"Statement"`. A document written as one JSON
// string inside `Fn::Sub` (the common way to put `${Bucket}` in it) or built with `Fn::Join` is
// neither: the string sits under the `Fn::Sub` / `Fn::Join` key, not a policy property, so a
// bucket policy giving everyone (`Principal: "*"`) read access is not seen and the template is low.
// CloudFormation accepts a JSON string for these `Json`-typed properties (Template Reference,
// AWS::S3::BucketPolicy `PolicyDocument`: Type Json), and resolves the intrinsic first.

const PUBLIC_READ =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::${Bucket}/*"}]}';

const bucketPolicy = (document: unknown) => ({
  Resources: {
    // The template's own bucket: only the policy decides the level (an existing one is high anyway).
    Files: {
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { BucketName: 'orders-files' },
    },
    Policy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: { Bucket: { Ref: 'Files' }, PolicyDocument: document },
    },
  },
});

describe('review #9c attacks: policy documents written as intrinsic strings', () => {
  it('control: the same document as an object is high', () => {
    expect(riskOf(bucketPolicy(JSON.parse(PUBLIC_READ.replace('${Bucket}', 'orders-files')))).level).toBe(
      'high',
    );
  });

  it('control: the same document as a plain JSON string is high', () => {
    expect(riskOf(bucketPolicy(PUBLIC_READ.replace('${Bucket}', 'orders-files'))).level).toBe('high');
  });

  it('FAULT: a bucket policy for everyone written as one Fn::Sub string is high', () => {
    expect(riskOf(bucketPolicy({ 'Fn::Sub': PUBLIC_READ })).level).toBe('high');
  });

  it('FAULT: a bucket policy for everyone written as Fn::Sub with variables is high', () => {
    expect(riskOf(bucketPolicy({ 'Fn::Sub': [PUBLIC_READ, { Bucket: 'orders-files' }] })).level).toBe('high');
  });

  it('FAULT: a queue policy for everyone built with Fn::Join is high', () => {
    expect(
      riskOf({
        Resources: {
          Policy: {
            Type: 'AWS::SQS::QueuePolicy',
            Properties: {
              Queues: ['https://sqs.ap-southeast-2.amazonaws.com/123456789012/orders'],
              PolicyDocument: {
                'Fn::Join': [
                  '',
                  ['{"Statement":[{"Effect":"Allow","Principal":"*",', '"Action":"sqs:*","Resource":"*"}]}'],
                ],
              },
            },
          },
        },
      }).level,
    ).toBe('high');
  });

  it('a Fn::Sub policy whose variable sits outside a string cannot be rebuilt: unresolved (fail closed)', () => {
    const text =
      '{"Statement":[{"Effect":"Allow","Principal":${Who},"Action":"s3:GetObject","Resource":"*"}]}';
    expect(reasonsOf(bucketPolicy({ 'Fn::Sub': text }))).toContain(
      'unresolved-value Resources.Policy.Properties.PolicyDocument',
    );
  });

  it('a Fn::Sub principal read from a parameter is unresolved, not taken as a name', () => {
    const text =
      '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"${Who}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::${Bucket}/*"}]}';
    expect(
      reasonsOf({ Parameters: { Who: { Type: 'String' } }, ...bucketPolicy({ 'Fn::Sub': text }) }),
    ).toContain('unresolved-value Resources.Policy.Properties.PolicyDocument.Statement[0].Principal');
  });

  it('a Fn::Join policy scoped to one bucket and one account is judged, not called unreadable', () => {
    const document = {
      'Fn::Join': [
        '',
        [
          '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},',
          '"Action":"s3:GetObject","Resource":"arn:aws:s3:::',
          { Ref: 'AWS::StackName' },
          '/*"}]}',
        ],
      ],
    };
    expect(reasonsOf(bucketPolicy(document))).toEqual([
      'resource-policy Resources.Policy.Properties.PolicyDocument',
    ]);
  });

  it('a policy chosen with Fn::If between Fn::Sub strings keeps its property name and is judged', () => {
    const document = { 'Fn::If': ['IsOpen', { 'Fn::Sub': PUBLIC_READ }, { Ref: 'AWS::NoValue' }] };
    expect(reasonsOf(bucketPolicy(document))).toContain(
      'wildcard-principal Resources.Policy.Properties.PolicyDocument.Fn::If[1].Statement[0].Principal',
    );
  });

  it('a policy name written with Fn::Sub is not a policy document (only the role itself is a reason)', () => {
    expect(
      reasonsOf({
        Resources: {
          Role: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: {
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: { Service: 'lambda.amazonaws.com' },
                    Action: 'sts:AssumeRole',
                  },
                ],
              },
              Policies: [
                {
                  PolicyName: { 'Fn::Sub': '${AWS::StackName}-read' },
                  PolicyDocument: {
                    Statement: [
                      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::orders/*' },
                    ],
                  },
                },
              ],
            },
          },
        },
      }),
    ).toEqual(['iam-resource Resources.Role']);
  });
});
