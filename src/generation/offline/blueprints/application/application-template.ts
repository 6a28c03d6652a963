import type { BlueprintInput } from '../../blueprint-input.js';
import { getAtt, ref, sub } from '../../cfn/intrinsics.js';
import type { TemplateMap } from '../../cfn/intrinsics.js';
import { lambdaFunctionPart } from '../../cfn/lambda-function-part.js';
import { renderTemplate } from '../../cfn/render-template.js';
import { isProduction, standardParameters } from '../../cfn/standard-parameters.js';
import { standardTagMap, standardTags } from '../../cfn/standard-tags.js';
import { trafficShiftingPart } from '../../cfn/traffic-shifting-part.js';
import type { ApiRoute } from './api-routes.js';

const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  routeKey: '$context.routeKey',
  status: '$context.status',
  sourceIp: '$context.identity.sourceIp',
  latencyMs: '$context.responseLatency',
});

/** HTTP API → Lambda (alias when shifting traffic) → encrypted, retained DynamoDB table. */
export function applicationTemplate(input: BlueprintInput, routes: readonly ApiRoute[]): string {
  const { slug, pascal } = input.names;
  const shifting = trafficShiftingPart({
    functionId: 'ApiFunction',
    slug,
    ...(input.strategy === undefined ? {} : { strategy: input.strategy }),
  });
  const routeResources: TemplateMap = {};
  for (const route of [{ logicalId: 'RouteGetHealth', routeKey: 'GET /health' }, ...routes]) {
    routeResources[route.logicalId] = {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: ref('HttpApi'),
        RouteKey: route.routeKey,
        Target: sub('integrations/${HttpApiIntegration}'),
      },
    };
  }
  return renderTemplate({
    description: `${pascal}: HTTP API on Lambda and DynamoDB (application blueprint, implementation-agent)`,
    parts: [
      standardParameters({ environment: input.environment, withFunctionCode: true }),
      {
        resources: {
          ItemsTable: {
            Type: 'AWS::DynamoDB::Table',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {
              BillingMode: 'PAY_PER_REQUEST',
              AttributeDefinitions: [
                { AttributeName: 'collection', AttributeType: 'S' },
                { AttributeName: 'id', AttributeType: 'S' },
              ],
              KeySchema: [
                { AttributeName: 'collection', KeyType: 'HASH' },
                { AttributeName: 'id', KeyType: 'RANGE' },
              ],
              SSESpecification: { SSEEnabled: true },
              PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
              DeletionProtectionEnabled: isProduction(input.environment),
              Tags: standardTags(slug),
            },
          },
        },
        outputs: {
          ItemsTableName: { Description: 'DynamoDB table holding the items', Value: ref('ItemsTable') },
          ItemsTableArn: { Description: 'ARN of the items table', Value: getAtt('ItemsTable', 'Arn') },
        },
      },
      lambdaFunctionPart({
        id: 'ApiFunction',
        slug,
        description: `${pascal} HTTP API handler`,
        handler: 'handler.handler',
        environment: { TABLE_NAME: ref('ItemsTable') },
        statements: [
          {
            Effect: 'Allow',
            Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
            Resource: getAtt('ItemsTable', 'Arn'),
          },
        ],
      }),
      shifting.part,
      {
        resources: {
          HttpApi: {
            Type: 'AWS::ApiGatewayV2::Api',
            Properties: {
              Name: sub('${AWS::StackName}-api'),
              ProtocolType: 'HTTP',
              Description: `${pascal} HTTP API`,
              Tags: standardTagMap(slug),
            },
          },
          HttpApiIntegration: {
            Type: 'AWS::ApiGatewayV2::Integration',
            Properties: {
              ApiId: ref('HttpApi'),
              IntegrationType: 'AWS_PROXY',
              IntegrationUri: shifting.invokeArn(),
              PayloadFormatVersion: '2.0',
            },
          },
          ...routeResources,
          HttpApiAccessLogs: {
            Type: 'AWS::Logs::LogGroup',
            Properties: { RetentionInDays: ref('LogRetentionDays'), Tags: standardTags(slug) },
          },
          HttpApiStage: {
            Type: 'AWS::ApiGatewayV2::Stage',
            Properties: {
              ApiId: ref('HttpApi'),
              StageName: '$default',
              AutoDeploy: true,
              DefaultRouteSettings: { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 100 },
              AccessLogSettings: {
                DestinationArn: getAtt('HttpApiAccessLogs', 'Arn'),
                Format: ACCESS_LOG_FORMAT,
              },
              Tags: standardTagMap(slug),
            },
          },
          HttpApiInvokePermission: {
            Type: 'AWS::Lambda::Permission',
            Properties: {
              Action: 'lambda:InvokeFunction',
              FunctionName: shifting.invokeArn(),
              Principal: 'apigateway.amazonaws.com',
              SourceArn: sub(
                'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*',
              ),
            },
          },
        },
        outputs: {
          ApiUrl: {
            Description: 'Base URL of the HTTP API',
            Value: sub('https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}'),
          },
        },
      },
    ],
  });
}
