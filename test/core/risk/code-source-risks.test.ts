import { describe, expect, it } from '@jest/globals';
import { reasonsOf, riskOf } from './risk-of.js';

// Function and layer code that is not the deploy run's own upload of this change runs code no
// reviewer saw. The deploy run builds the change, uploads the zip and passes `CodeS3Bucket` and
// `CodeS3Key` (src/core/deploy/code-package-plan.ts) when the template declares `CodeS3Key`
// without a default: only that pair is the change's own code.

const OTHER = '999999999999';
const CODE_PARAMETERS = {
  CodeS3Bucket: { Type: 'String', MinLength: 3 },
  CodeS3Key: { Type: 'String', MinLength: 1 },
};
const OWN_OBJECT = { S3Bucket: { Ref: 'CodeS3Bucket' }, S3Key: { Ref: 'CodeS3Key' } };
const ROLE_ARN = { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/worker' };
/** The reasons but the existing role's (judged by existingRoleRisks), to read what the code adds. */
const reasonsBut = (body: Record<string, unknown>) =>
  reasonsOf(body).filter((reason) => !reason.endsWith('.Properties.Role'));

const lambda = (code: unknown, parameters: Record<string, unknown> = CODE_PARAMETERS) => ({
  Parameters: parameters,
  Resources: {
    F: {
      Type: 'AWS::Lambda::Function',
      Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Role: ROLE_ARN, Code: code },
    },
  },
});

describe('AWS::Lambda::Function Code', () => {
  it("the deploy run's own upload (Ref CodeS3Bucket, Ref CodeS3Key) stays low", () => {
    expect(reasonsBut(lambda(OWN_OBJECT))).toEqual([]);
  });

  it('inline code stays low', () => {
    expect(reasonsBut(lambda({ ZipFile: 'exports.handler = async () => 1;' }))).toEqual([]);
  });

  it.each([
    ['a literal bucket of another account', { S3Bucket: `tools-${OTHER}`, S3Key: 'tool.zip' }],
    ['a literal bucket with the own key', { S3Bucket: 'shared-artifacts', S3Key: { Ref: 'CodeS3Key' } }],
    [
      "the own bucket with a literal key (another repository's code in the deployments bucket)",
      { S3Bucket: { Ref: 'CodeS3Bucket' }, S3Key: 'other-org/other-repo/code/root/abc.zip' },
    ],
    [
      'a bucket written with Fn::Sub',
      { S3Bucket: { 'Fn::Sub': 'artifacts-${AWS::AccountId}' }, S3Key: 'x.zip' },
    ],
    [
      'a bucket from an import',
      { S3Bucket: { 'Fn::ImportValue': 'Artifacts' }, S3Key: { Ref: 'CodeS3Key' } },
    ],
    ['the whole Code as an import', { 'Fn::ImportValue': 'SharedCode' }],
    [
      'one Fn::If branch of another account',
      { 'Fn::If': ['C', OWN_OBJECT, { S3Bucket: `tools-${OTHER}`, S3Key: 'tool.zip' }] },
    ],
  ])('%s is unseen-effect at Code', (_name, code) => {
    const body = { ...lambda(code), Conditions: { C: { 'Fn::Equals': ['a', 'b'] } } };
    const at = JSON.stringify(code).includes('Fn::If') ? 'Code.Fn::If[2]' : 'Code';
    expect(reasonsBut(body)).toEqual([`unseen-effect Resources.F.Properties.${at}`]);
  });

  it("the own parameters with a default key are not the deploy run's upload (it packages only without one)", () => {
    const parameters = { ...CODE_PARAMETERS, CodeS3Key: { Type: 'String', Default: 'prebuilt/tool.zip' } };
    expect(reasonsBut(lambda(OWN_OBJECT, parameters))).toEqual(['unseen-effect Resources.F.Properties.Code']);
  });

  it('Refs to undeclared CodeS3Bucket/CodeS3Key parameters are not the upload', () => {
    expect(reasonsBut(lambda(OWN_OBJECT, {}))).toEqual(['unseen-effect Resources.F.Properties.Code']);
  });

  it('the message says whose code it is not', () => {
    const reason = riskOf(lambda({ S3Bucket: `tools-${OTHER}`, S3Key: 'tool.zip' })).reasons.find((found) =>
      found.where.endsWith('.Code'),
    );
    expect(reason?.message).toBe(
      "F (AWS::Lambda::Function) runs code from an S3 object other than the deploy run's upload of this change (CodeS3Bucket, CodeS3Key): code this change does not hold, so what it does cannot be judged.",
    );
  });
});

describe('AWS::Lambda::LayerVersion Content', () => {
  it('a layer from another bucket is unseen-effect at Content (besides the type being unreviewed)', () => {
    const body = {
      Parameters: CODE_PARAMETERS,
      Resources: {
        L: {
          Type: 'AWS::Lambda::LayerVersion',
          Properties: { Content: { S3Bucket: `x-${OTHER}`, S3Key: 'l.zip' } },
        },
      },
    };
    expect(reasonsBut(body)).toContain('unseen-effect Resources.L.Properties.Content');
  });
});

const sam = (resources: Record<string, unknown>, globals?: Record<string, unknown>) => ({
  Transform: 'AWS::Serverless-2016-10-31',
  Parameters: CODE_PARAMETERS,
  ...(globals === undefined ? {} : { Globals: globals }),
  Resources: resources,
});
const samFunction = (properties: Record<string, unknown>) => ({
  Fn: {
    Type: 'AWS::Serverless::Function',
    Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', Role: ROLE_ARN, ...properties },
  },
});
const samLayer = (contentUri: unknown) => ({
  L: {
    Type: 'AWS::Serverless::LayerVersion',
    Properties: { LayerName: 'shared', ContentUri: contentUri, RetentionPolicy: 'Retain' },
  },
});

describe('AWS::Serverless::Function CodeUri and ImageUri, AWS::Serverless::LayerVersion ContentUri', () => {
  it.each([
    ['a local path (in the repository)', 'src/'],
    ['the own upload as a mapping', { Bucket: { Ref: 'CodeS3Bucket' }, Key: { Ref: 'CodeS3Key' } }],
    ['the own upload as an S3 URI', { 'Fn::Sub': 's3://${CodeS3Bucket}/${CodeS3Key}' }],
  ])('CodeUri as %s stays low', (_name, codeUri) => {
    expect(reasonsBut(sam(samFunction({ CodeUri: codeUri })))).toEqual([]);
    expect(reasonsBut(sam(samLayer(codeUri)))).toEqual([]);
  });

  it.each([
    ['an S3 URI of another bucket', `s3://tools-${OTHER}/tool.zip`],
    ['an https URL', 'https://example.com/tool.zip'],
    ['a mapping with another bucket', { Bucket: `tools-${OTHER}`, Key: 'tool.zip' }],
    [
      'a mapping with the own bucket and a literal key',
      { Bucket: { Ref: 'CodeS3Bucket' }, Key: 'other/abc.zip' },
    ],
    ['an S3 URI built from something else', { 'Fn::Sub': 's3://tools-${AWS::AccountId}/${CodeS3Key}' }],
  ])('CodeUri as %s is unseen-effect', (_name, codeUri) => {
    expect(reasonsBut(sam(samFunction({ CodeUri: codeUri })))).toEqual([
      'unseen-effect Resources.Fn.Properties.CodeUri',
    ]);
    expect(reasonsBut(sam(samLayer(codeUri)))).toEqual(['unseen-effect Resources.L.Properties.ContentUri']);
  });

  it('a CodeUri of another bucket in Globals.Function is unseen-effect there (copied into every function)', () => {
    expect(
      reasonsBut(sam(samFunction({}), { Function: { CodeUri: `s3://tools-${OTHER}/tool.zip` } })),
    ).toEqual(['unseen-effect Globals.Function.CodeUri']);
  });

  it("an ImageUri from another account's registry is unseen-effect; one written with AWS::AccountId stays low", () => {
    const image = (uri: unknown) =>
      sam(samFunction({ PackageType: 'Image', ImageUri: uri, Handler: undefined, Runtime: undefined }));
    expect(reasonsBut(image(`${OTHER}.dkr.ecr.us-east-1.amazonaws.com/tools:latest`))).toEqual([
      'unseen-effect Resources.Fn.Properties.ImageUri',
    ]);
    expect(
      reasonsBut(image({ 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/tools:1.0' })),
    ).toEqual([]);
  });
});
