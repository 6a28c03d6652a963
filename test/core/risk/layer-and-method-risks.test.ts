import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

// Lambda layers are code a function runs; an API Gateway (REST) method is a door into the account.
// Both are on the reviewed list, each with the rules that judge what can be unsafe in it.

const OTHER = '999999999999';
const CODE_PARAMETERS = { CodeS3Bucket: { Type: 'String' }, CodeS3Key: { Type: 'String' } };
const OWN_CODE = { S3Bucket: { Ref: 'CodeS3Bucket' }, S3Key: { Ref: 'CodeS3Key' } };
const LAYER = { Type: 'AWS::Lambda::LayerVersion', Properties: { LayerName: 'tools', Content: OWN_CODE } };
const SAM_LAYER = { Type: 'AWS::Serverless::LayerVersion', Properties: { ContentUri: 'layers/tools' } };
const fn = (layers: unknown) => ({
  Type: 'AWS::Lambda::Function',
  Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', Role: 'r', Code: OWN_CODE, Layers: layers },
});

describe('Lambda layers', () => {
  it('control: a function using layers this template builds (Ref, GetAtt, SAM) is judged low for its layers', () => {
    const reasons = reasonsOf({
      Parameters: CODE_PARAMETERS,
      Resources: {
        Tools: LAYER,
        SamTools: SAM_LAYER,
        Fn: fn([{ Ref: 'Tools' }, { 'Fn::GetAtt': ['Tools', 'LayerVersionArn'] }, { Ref: 'SamTools' }]),
      },
    });
    expect(reasons.filter((reason) => /Tools|Layers/.test(reason))).toEqual([]);
  });

  it.each([
    ["another account's layer ARN", `arn:aws:lambda:us-east-1:${OTHER}:layer:x:1`],
    [
      "this account's layer by ARN, built elsewhere",
      { 'Fn::Sub': 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:layer:x:1' },
    ],
    ['a parameter', { Ref: 'LayerArn' }],
    ['an import', { 'Fn::ImportValue': 'shared-layer' }],
    ['a resource that is no layer', { Ref: 'Fn' }],
  ])('%s is unseen-effect at the item', (_name, layer) => {
    const reasons = reasonsOf({
      Parameters: { ...CODE_PARAMETERS, LayerArn: { Type: 'String' } },
      Resources: { Tools: LAYER, Fn: fn([{ Ref: 'Tools' }, layer]) },
    });
    expect(reasons).toContain('unseen-effect Resources.Fn.Properties.Layers[1]');
    expect(reasons).not.toContain('unseen-effect Resources.Fn.Properties.Layers[0]');
  });

  it('every Fn::If branch is judged; a list computed at deploy time is one reason', () => {
    const chosen = { 'Fn::If': ['Prod', { Ref: 'Tools' }, `arn:aws:lambda:us-east-1:${OTHER}:layer:x:1`] };
    expect(
      reasonsOf({
        Parameters: CODE_PARAMETERS,
        Conditions: { Prod: { 'Fn::Equals': ['a', 'b'] } },
        Resources: { Tools: LAYER, Fn: fn([chosen]) },
      }),
    ).toContain('unseen-effect Resources.Fn.Properties.Layers[0].Fn::If[2]');
    expect(
      reasonsOf({
        Parameters: { ...CODE_PARAMETERS, Layers: { Type: 'CommaDelimitedList' } },
        Resources: { Fn: fn({ Ref: 'Layers' }) },
      }),
    ).toContain('unseen-effect Resources.Fn.Properties.Layers');
  });

  it("a layer's own content from another bucket is code this change does not hold", () => {
    const foreign = { ...LAYER, Properties: { Content: { S3Bucket: 'their-bucket', S3Key: 'x.zip' } } };
    expect(reasonsOf({ Parameters: CODE_PARAMETERS, Resources: { Tools: foreign } })).toEqual([
      'unseen-effect Resources.Tools.Properties.Content',
    ]);
  });

  it('SAM functions and Globals are judged the same way', () => {
    const reasons = reasonsOf({
      Transform: 'AWS::Serverless-2016-10-31',
      Globals: { Function: { Layers: [`arn:aws:lambda:us-east-1:${OTHER}:layer:x:1`] } },
      Resources: {
        Tools: SAM_LAYER,
        Fn: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            Handler: 'index.handler',
            Runtime: 'nodejs22.x',
            CodeUri: 'src',
            Role: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/x' },
            Layers: [{ Ref: 'Tools' }, 'arn:aws:lambda:us-east-1:999999999999:layer:y:2'],
          },
        },
      },
    });
    expect(reasons).toContain('unseen-effect Globals.Function.Layers[0]');
    expect(reasons).toContain('unseen-effect Resources.Fn.Properties.Layers[1]');
    expect(reasons).not.toContain('unseen-effect Resources.Fn.Properties.Layers[0]');
  });
});

describe('API Gateway (REST) methods', () => {
  const method = (properties: Record<string, unknown>) => ({
    Type: 'AWS::ApiGateway::Method',
    Properties: {
      RestApiId: { Ref: 'Api' },
      ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
      HttpMethod: 'GET',
      AuthorizationType: 'AWS_IAM',
      Integration: { Type: 'MOCK', RequestTemplates: { 'application/json': '{"statusCode": 200}' } },
      ...properties,
    },
  });
  const reasonsAt = (properties: Record<string, unknown>) =>
    reasonsOf({
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a' } },
        Get: method(properties),
      },
    }).filter((reason) => reason.includes('Resources.Get'));

  it('control: a signed (AWS_IAM) method on this template’s API with a mock integration has no reason of its own', () => {
    expect(reasonsAt({})).toEqual([]);
  });

  it('AuthorizationType NONE (or left out) lets anyone call it: public-access, as the rules say, unless a MOCK', () => {
    const lambda = {
      Type: 'AWS_PROXY',
      IntegrationHttpMethod: 'POST',
      Uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:${OTHER}:function:x/invocations`,
    };
    expect(reasonsAt({ AuthorizationType: 'NONE', Integration: lambda })).toContain(
      'public-access Resources.Get.Properties.AuthorizationType',
    );
    expect(reasonsAt({ AuthorizationType: 'NONE' })).toEqual([]);
  });

  it('an integration sending requests elsewhere is data egress; backend credentials and VPC links are not reviewed', () => {
    expect(
      reasonsAt({
        Integration: {
          Type: 'HTTP_PROXY',
          IntegrationHttpMethod: 'ANY',
          Uri: 'https://collector.example/in',
        },
      }),
    ).toEqual(['data-egress Resources.Get.Properties.Integration.Uri']);
    expect(
      reasonsAt({ Integration: { Type: 'AWS', Uri: 'x', Credentials: 'arn:aws:iam::*:user/*' } }).some(
        (reason) => reason.endsWith('Integration.Credentials'),
      ),
    ).toBe(true);
  });

  it("a Lambda integration is placed as the function it invokes: this template's is here, another account's is egress", () => {
    const invoking = (functionArn: unknown) =>
      reasonsAt({
        Integration: {
          Type: 'AWS_PROXY',
          IntegrationHttpMethod: 'POST',
          Uri: {
            'Fn::Sub': [
              'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Target}/invocations',
              { Target: functionArn },
            ],
          },
        },
      }).filter((reason) => reason.endsWith('Integration.Uri'));
    expect(invoking({ 'Fn::GetAtt': ['Fn', 'Arn'] })).toEqual([]);
    expect(invoking({ 'Fn::Sub': 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:mine' })).toEqual(
      [],
    );
    expect(invoking(`arn:aws:lambda:us-east-1:${OTHER}:function:x`)).toEqual([
      'data-egress Resources.Get.Properties.Integration.Uri',
    ]);
    expect(invoking('https://collector.example/in')).toEqual([
      'data-egress Resources.Get.Properties.Integration.Uri',
    ]);
  });

  it("a method on another stack's API is outside the target", () => {
    expect(
      reasonsAt({ RestApiId: 'a1b2c3d4e5' }).some((reason) => reason.endsWith('Properties.RestApiId')),
    ).toBe(true);
  });
});
