import { describe, expect, it } from '@jest/globals';
import { reasonsOf, riskOf } from './risk-of.js';

// Settings and types no rule judges yet go to a person, never low (REVIEWED_RESOURCE_TYPES is an
// allowlist): SAM function event sources, policies, layers and deployment hooks; Step Functions
// state machines (a definition may invoke any ARN); ECS task definitions (task role, privileged
// containers, host networking); and API Gateway REST methods, public without authorization like an
// HTTP API route.

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
const samFunction = (properties: Record<string, unknown>, withRole = true) => ({
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    FnRole: ROLE,
    Hook: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        CodeUri: 'hooks/',
        Handler: 'i.h',
        Runtime: 'nodejs22.x',
        Role: { 'Fn::GetAtt': ['FnRole', 'Arn'] },
      },
    },
    Fn: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        CodeUri: 'src/',
        Handler: 'index.handler',
        Runtime: 'nodejs22.x',
        ...(withRole ? { Role: { 'Fn::GetAtt': ['FnRole', 'Arn'] } } : {}),
        ...properties,
      },
    },
  },
});
const reasonsAt = (body: Record<string, unknown>, id: string) =>
  reasonsOf(body).filter(
    (reason) => /^Resources\.[^.]+/.exec(reason.split(' ')[1] ?? '')?.[0] === `Resources.${id}`,
  );

describe('AWS::Serverless::Function settings no rule judges', () => {
  it.each([
    [
      'an Api event without authorization',
      {
        Events: {
          Get: { Type: 'Api', Properties: { Path: '/', Method: 'get', Auth: { Authorizer: 'NONE' } } },
        },
      },
      'Events',
    ],
    [
      "an SQS event source on another account's queue",
      { Events: { Q: { Type: 'SQS', Properties: { Queue: `arn:aws:sqs:us-east-1:${OTHER}:orders` } } } },
      'Events',
    ],
    [
      "a Kinesis event source on another account's stream",
      {
        Events: {
          K: {
            Type: 'Kinesis',
            Properties: { Stream: `arn:aws:kinesis:us-east-1:${OTHER}:stream/s`, StartingPosition: 'LATEST' },
          },
        },
      },
      'Events',
    ],
    [
      'a layer of another account',
      { Layers: [`arn:aws:lambda:us-east-1:${OTHER}:layer:tools:3`] },
      'Layers[0]',
    ],
    [
      'deployment hooks',
      {
        AutoPublishAlias: 'live',
        DeploymentPreference: { Type: 'Canary10Percent5Minutes', Hooks: { PreTraffic: { Ref: 'Hook' } } },
      },
      'DeploymentPreference',
    ],
  ])('%s is unseen-effect at that property', (_name, properties, at) => {
    expect(riskOf(samFunction(properties)).level).toBe('high');
    expect(reasonsAt(samFunction(properties), 'Fn')).toEqual([`unseen-effect Resources.Fn.Properties.${at}`]);
  });

  it('the same settings on a function without a role are listed beside its implicit role', () => {
    const layers = { Layers: [`arn:aws:lambda:us-east-1:${OTHER}:layer:tools:3`] };
    expect(reasonsAt(samFunction(layers, false), 'Fn')).toEqual([
      'implicit-iam-role Resources.Fn',
      'unseen-effect Resources.Fn.Properties.Layers[0]',
    ]);
  });

  it('Policies (SAM uses them for the role it creates) are judged like IAM: implicit role, and the templates unreviewed', () => {
    const body = samFunction(
      { Policies: [{ SQSPollerPolicy: { QueueName: 'orders' } }, 'AmazonS3FullAccess'] },
      false,
    );
    expect(reasonsAt(body, 'Fn')).toEqual([
      'implicit-iam-role Resources.Fn',
      'unseen-effect Resources.Fn.Properties.Policies',
    ]);
  });

  it('inline policy statements in Policies are read like an IAM policy (wildcards found)', () => {
    const body = samFunction(
      { Policies: [{ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }] },
      false,
    );
    expect(reasonsAt(body, 'Fn')).toEqual([
      'implicit-iam-role Resources.Fn',
      'wildcard-action Resources.Fn.Properties.Policies[0].Statement[0].Action',
      'wildcard-resource Resources.Fn.Properties.Policies[0].Statement[0].Resource',
      'unseen-effect Resources.Fn.Properties.Policies',
    ]);
  });
});

const DEFINITION = {
  StartAt: 'Call',
  States: {
    Call: { Type: 'Task', Resource: `arn:aws:lambda:us-east-1:${OTHER}:function:anything`, End: true },
  },
};

describe('Step Functions state machines', () => {
  it('a state machine (its definition may invoke any ARN) is unseen-effect as a type not reviewed', () => {
    const body = {
      Resources: {
        SfnRole: ROLE,
        S: {
          Type: 'AWS::StepFunctions::StateMachine',
          Properties: {
            RoleArn: { 'Fn::GetAtt': ['SfnRole', 'Arn'] },
            DefinitionString: JSON.stringify(DEFINITION),
          },
        },
      },
    };
    expect(reasonsAt(body, 'S')).toEqual(['unseen-effect Resources.S']);
  });

  it('a SAM state machine without a role: implicit role, and the type not reviewed', () => {
    const body = {
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: { S: { Type: 'AWS::Serverless::StateMachine', Properties: { Definition: DEFINITION } } },
    };
    expect(reasonsAt(body, 'S')).toEqual(['implicit-iam-role Resources.S', 'unseen-effect Resources.S']);
  });
});

describe('ECS task definitions', () => {
  it.each([
    ['a privileged container', { ContainerDefinitions: [{ Name: 'c', Image: 'nginx', Privileged: true }] }],
    ['host networking', { NetworkMode: 'host', ContainerDefinitions: [{ Name: 'c', Image: 'nginx' }] }],
  ])('%s is unseen-effect as a type not reviewed', (_name, properties) => {
    expect(
      reasonsOf({ Resources: { T: { Type: 'AWS::ECS::TaskDefinition', Properties: properties } } }),
    ).toEqual(['unseen-effect Resources.T']);
  });

  it('a task role not made by the template is named where it is', () => {
    const body = {
      Resources: {
        T: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: { TaskRoleArn: `arn:aws:iam::${OTHER}:role/admin`, ContainerDefinitions: [] },
        },
      },
    };
    expect(riskOf(body).level).toBe('high');
    expect(reasonsOf(body)).toContain('unseen-effect Resources.T.Properties.TaskRoleArn');
  });
});

describe('API Gateway REST methods, judged like HTTP API routes', () => {
  const method = (authorization: Record<string, unknown>, integration: Record<string, unknown>) => ({
    Resources: {
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a' } },
      M: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: { Ref: 'Api' },
          ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
          HttpMethod: 'GET',
          ...authorization,
          Integration: integration,
        },
      },
    },
  });
  const PROXY = {
    Type: 'AWS_PROXY',
    IntegrationHttpMethod: 'POST',
    Uri: 'arn:aws:apigateway:us-east-1:lambda:path/x',
  };

  it.each([
    ['AuthorizationType NONE', { AuthorizationType: 'NONE' }],
    ['AuthorizationType left out (NONE by default)', {}],
  ])('%s is public-access, like an HTTP API route', (_name, authorization) => {
    expect(reasonsOf(method(authorization, PROXY))).toContain(
      'public-access Resources.M.Properties.AuthorizationType',
    );
    const route = {
      Resources: {
        R: {
          Type: 'AWS::ApiGatewayV2::Route',
          Properties: { ApiId: { Ref: 'Api' }, RouteKey: 'GET /', ...authorization },
        },
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'HTTP' } },
      },
    };
    expect(reasonsOf(route)).toEqual(['public-access Resources.R.Properties.AuthorizationType']);
  });

  it('a signed (AWS_IAM) method, or a MOCK one, on this template’s API is reviewed: no reason at the method but its backend', () => {
    const atMethod = (body: Record<string, unknown>) =>
      reasonsOf(body).filter((reason) => reason.includes('Resources.M'));
    // The proxy's function is named by a literal ARN: where requests go is not known to be this account.
    expect(atMethod(method({ AuthorizationType: 'AWS_IAM' }, PROXY))).toEqual([
      'data-egress Resources.M.Properties.Integration.Uri',
    ]);
    expect(atMethod(method({ AuthorizationType: 'NONE' }, { Type: 'MOCK' }))).toEqual([]);
  });
});
