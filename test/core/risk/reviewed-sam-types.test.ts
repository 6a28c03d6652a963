import { reasonsOf } from './risk-of.js';

// SAM resources on the reviewed list (REVIEWED_RESOURCE_TYPES): a realistic resource is judged in
// full (no unseen-effect), each property that can send data out or let others in is read by a
// rule, and a property left out on purpose is still unseen-effect.

const OTHER = '999999999999';
const ROLE = {
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: {
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    },
  },
};
const FUNCTION = {
  Type: 'AWS::Serverless::Function',
  Properties: {
    FunctionName: 'orders-api',
    CodeUri: 'src/',
    Handler: 'index.handler',
    Runtime: 'nodejs22.x',
    Architectures: ['arm64'],
    MemorySize: 256,
    Timeout: 10,
    Tracing: 'Active',
    Role: { 'Fn::GetAtt': ['FnRole', 'Arn'] },
    Environment: { Variables: { TABLE: { Ref: 'Table' } } },
    AutoPublishAlias: 'live',
    DeadLetterQueue: { Type: 'SQS', TargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] } },
    EventInvokeConfig: {
      MaximumRetryAttempts: 1,
      DestinationConfig: { OnFailure: { Type: 'SQS', Destination: { 'Fn::GetAtt': ['Dlq', 'Arn'] } } },
    },
    FunctionUrlConfig: { AuthType: 'AWS_IAM', Cors: { AllowOrigins: ['https://example.com'] } },
    Tags: { team: 'orders' },
  },
};
const functionWith = (properties: Record<string, unknown>) => ({
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    FnRole: ROLE,
    Dlq: { Type: 'AWS::SQS::Queue', Properties: {} },
    Fn: { ...FUNCTION, Properties: { ...FUNCTION.Properties, ...properties } },
  },
});
const reasonsAtFn = (properties: Record<string, unknown>) =>
  reasonsOf(functionWith(properties)).filter((reason) => reason.split(' ')[1]?.startsWith('Resources.Fn.'));

describe('AWS::Serverless::Function', () => {
  it('a realistic function with its own role, queue and IAM-signed URL has nothing of its own to review', () => {
    // The role is IAM (a person reviews it); the function itself is judged in full.
    expect(reasonsOf(functionWith({}))).toEqual(['iam-resource Resources.FnRole']);
  });

  it('a dead-letter queue of another account is data-egress', () => {
    expect(
      reasonsAtFn({ DeadLetterQueue: { Type: 'SNS', TargetArn: `arn:aws:sns:us-east-1:${OTHER}:t` } }),
    ).toEqual(['data-egress Resources.Fn.Properties.DeadLetterQueue.TargetArn']);
  });

  it.each(['OnSuccess', 'OnFailure'])('an %s destination in another account is data-egress', (when) => {
    expect(
      reasonsAtFn({
        EventInvokeConfig: {
          DestinationConfig: {
            [when]: { Type: 'Lambda', Destination: `arn:aws:lambda:us-east-1:${OTHER}:function:f` },
          },
        },
      }),
    ).toEqual([
      `data-egress Resources.Fn.Properties.EventInvokeConfig.DestinationConfig.${when}.Destination`,
    ]);
  });

  it('a destination given as a parameter is only known at deploy time', () => {
    const body = functionWith({ DeadLetterQueue: { Type: 'SQS', TargetArn: { Ref: 'DlqArn' } } });
    expect(
      reasonsOf({ ...body, Parameters: { DlqArn: { Type: 'String' } } }).filter((r) =>
        r.startsWith('unresolved-value Resources.Fn'),
      ),
    ).toEqual(['unresolved-value Resources.Fn.Properties.DeadLetterQueue.TargetArn']);
  });

  it('a function URL without auth is a broad Lambda permission', () => {
    expect(reasonsAtFn({ FunctionUrlConfig: { AuthType: 'NONE' } })).toEqual([
      'broad-lambda-permission Resources.Fn.Properties.FunctionUrlConfig.AuthType',
    ]);
  });

  it('an existing role named by ARN is unseen-effect at Role', () => {
    expect(reasonsAtFn({ Role: `arn:aws:iam::${OTHER}:role/admin` })).toEqual([
      'unseen-effect Resources.Fn.Properties.Role',
    ]);
  });

  it.each([
    [
      'Events (an API, a schedule, a queue of any account)',
      { Events: { Get: { Type: 'Api', Properties: { Path: '/', Method: 'get' } } } },
      'Events',
    ],
    [
      'Layers (code from any account)',
      { Layers: [`arn:aws:lambda:us-east-1:${OTHER}:layer:x:1`] },
      'Layers[0]',
    ],
    ['Policies (templates and managed names)', { Policies: ['AmazonS3FullAccess'] }, 'Policies'],
    [
      'DeploymentPreference (hook functions)',
      { DeploymentPreference: { Type: 'AllAtOnce' } },
      'DeploymentPreference',
    ],
    [
      'an unknown key inside FunctionUrlConfig',
      { FunctionUrlConfig: { AuthType: 'AWS_IAM', Other: 1 } },
      'FunctionUrlConfig.Other',
    ],
    [
      'an unknown key inside DeadLetterQueue',
      { DeadLetterQueue: { Type: 'SQS', TargetArn: 'x', Other: 1 } },
      'DeadLetterQueue.Other',
    ],
  ])('%s is still unseen-effect', (_name, properties, at) => {
    expect(reasonsAtFn(properties)).toContain(`unseen-effect Resources.Fn.Properties.${at}`);
  });

  // The implicit role is about the role SAM adds: the person approving it must still see what else
  // the function sets that no rule judged (a layer of another account, event sources).
  it('a function without a role is high for its implicit role, and its unreviewed keys are still listed', () => {
    const { Role: _role, ...rest } = FUNCTION.Properties;
    expect(
      reasonsOf({
        Resources: {
          Dlq: { Type: 'AWS::SQS::Queue' },
          Fn: { ...FUNCTION, Properties: { ...rest, Layers: ['x'] } },
        },
      }),
    ).toEqual(['implicit-iam-role Resources.Fn', 'unseen-effect Resources.Fn.Properties.Layers[0]']);
  });
});

describe('AWS::Serverless::SimpleTable', () => {
  const table = (extra: Record<string, unknown>, attributes: Record<string, unknown>) => ({
    Resources: {
      Table: {
        Type: 'AWS::Serverless::SimpleTable',
        ...attributes,
        Properties: {
          TableName: 'orders',
          PrimaryKey: { Name: 'id', Type: 'String' },
          SSESpecification: { SSEEnabled: true },
          Tags: { team: 'orders' },
          ...extra,
        },
      },
    },
  });
  const retained = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };

  it('a retained table is low', () => {
    expect(reasonsOf(table({}, retained))).toEqual([]);
  });

  it('a table deleted with the stack (the default policy) is stateful-delete-policy', () => {
    expect(reasonsOf(table({}, {}))).toEqual([
      'stateful-delete-policy Resources.Table.DeletionPolicy',
      'stateful-delete-policy Resources.Table.UpdateReplacePolicy',
    ]);
  });

  it('an unlisted property (or key of PrimaryKey) is unseen-effect', () => {
    expect(reasonsOf(table({ StreamSpecification: { StreamViewType: 'NEW_IMAGE' } }, retained))).toEqual([
      'unseen-effect Resources.Table.Properties.StreamSpecification',
    ]);
    expect(reasonsOf(table({ PrimaryKey: { Name: 'id', Type: 'String', Extra: 1 } }, retained))).toEqual([
      'unseen-effect Resources.Table.Properties.PrimaryKey.Extra',
    ]);
  });
});

describe('AWS::Serverless::LayerVersion', () => {
  const layer = (extra: Record<string, unknown>) => ({
    Resources: {
      Layer: {
        Type: 'AWS::Serverless::LayerVersion',
        Properties: {
          LayerName: 'shared',
          ContentUri: 'layers/shared/',
          CompatibleRuntimes: ['nodejs22.x'],
          RetentionPolicy: 'Retain',
          ...extra,
        },
      },
    },
  });

  it('a layer of this template is low', () => {
    expect(reasonsOf(layer({}))).toEqual([]);
  });

  it('sharing it with another account (a layer version permission) grants access', () => {
    const body = layer({});
    const shared = {
      Resources: {
        ...body.Resources,
        Share: {
          Type: 'AWS::Lambda::LayerVersionPermission',
          Properties: {
            Action: 'lambda:GetLayerVersion',
            LayerVersionArn: { Ref: 'Layer' },
            Principal: OTHER,
          },
        },
      },
    };
    expect(reasonsOf(shared)).toContain('resource-policy Resources.Share');
  });

  it('an unlisted property is unseen-effect', () => {
    expect(reasonsOf(layer({ Other: 'x' }))).toEqual(['unseen-effect Resources.Layer.Properties.Other']);
  });
});

describe('Globals.Function, copied into every function', () => {
  const withGlobals = (globals: Record<string, unknown>) => ({
    ...functionWith({}),
    Globals: { Function: globals },
  });

  it('reviewed settings in Globals keep a reviewed function judged in full', () => {
    expect(reasonsOf(withGlobals({ Runtime: 'nodejs22.x', Timeout: 30, Tracing: 'Active' }))).toEqual([
      'iam-resource Resources.FnRole',
    ]);
  });

  it('layers in Globals are unseen-effect there (each function would get them)', () => {
    expect(reasonsOf(withGlobals({ Layers: [`arn:aws:lambda:us-east-1:${OTHER}:layer:x:1`] }))).toContain(
      'unseen-effect Globals.Function.Layers[0]',
    );
  });

  it('a dead-letter queue of another account in Globals is data-egress there', () => {
    expect(
      reasonsOf(
        withGlobals({ DeadLetterQueue: { Type: 'SQS', TargetArn: `arn:aws:sqs:us-east-1:${OTHER}:q` } }),
      ),
    ).toContain('data-egress Globals.Function.DeadLetterQueue.TargetArn');
  });
});

describe.each([
  ['AWS::Serverless::Api', 'AccessLogSetting', { DefaultAuthorizer: 'AWS_IAM' }],
  [
    'AWS::Serverless::HttpApi',
    'AccessLogSettings',
    { DefaultAuthorizer: 'AWS_IAM', EnableIamAuthorizer: true },
  ],
])('%s', (type, logs, auth) => {
  const api = (extra: Record<string, unknown>) => ({
    Transform: 'AWS::Serverless-2016-10-31',
    Resources: {
      // No retention: with no base read, a finite one may shorten an existing group's (data-expiry).
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: {} },
      Api: {
        Type: type,
        Properties: {
          Name: 'orders',
          StageName: 'v1',
          Auth: auth,
          [logs]: { DestinationArn: { 'Fn::GetAtt': ['Logs', 'Arn'] }, Format: '$context.requestId' },
          Tags: { team: 'orders' },
          ...extra,
        },
      },
    },
  });

  it('an IAM-authorized API logging to its own log group is low', () => {
    expect(reasonsOf(api({}))).toEqual([]);
  });

  it('no default authorizer is public-access', () => {
    expect(reasonsOf(api({ Auth: {} })).map((r) => r.split(' ')[0])).toEqual(['public-access']);
  });

  it('DefinitionBody (an OpenAPI document) has its integrations judged, and its routes count as callable by anyone', () => {
    expect(reasonsOf(api({ DefinitionBody: { openapi: '3.0.1' } }))).toEqual([
      'public-access Resources.Api.Properties.DefinitionBody',
    ]);
  });

  it('access logs to another account are data-egress', () => {
    expect(
      reasonsOf(
        api({ [logs]: { DestinationArn: `arn:aws:logs:us-east-1:${OTHER}:log-group:x`, Format: 'x' } }),
      ),
    ).toEqual([`data-egress Resources.Api.Properties.${logs}.DestinationArn`]);
  });

  it.each([
    [
      'Auth.Authorizers (a Lambda authorizer or identity provider)',
      { Auth: { ...auth, Authorizers: {} } },
      'Auth.Authorizers',
    ],
    ['Domain (a custom domain)', { Domain: { DomainName: 'api.example.com' } }, 'Domain'],
  ])('%s is unseen-effect', (_name, extra, at) => {
    expect(reasonsOf(api(extra))).toContain(`unseen-effect Resources.Api.Properties.${at}`);
  });
});

it('a SAM API resource policy letting in another account is still resource-policy', () => {
  expect(
    reasonsOf({
      Resources: {
        Api: {
          Type: 'AWS::Serverless::Api',
          Properties: {
            StageName: 'v1',
            Auth: { DefaultAuthorizer: 'AWS_IAM', ResourcePolicy: { AwsAccountWhitelist: [OTHER] } },
          },
        },
      },
    }),
  ).toEqual(['resource-policy Resources.Api.Properties.Auth.ResourcePolicy']);
});
