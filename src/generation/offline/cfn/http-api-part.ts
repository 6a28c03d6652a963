import { getAtt, ref, sub } from './intrinsics.js';
import type { TemplateMap, TemplateValue } from './intrinsics.js';
import { standardTagMap, standardTags } from './standard-tags.js';
import type { TemplatePart } from './template-part.js';

/** The stage's throttling: requests per second in the steady state, and the burst above it (API Gateway's token bucket). */
export const THROTTLING_RATE_LIMIT = 100;
export const THROTTLING_BURST_LIMIT = 50;

const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  routeKey: '$context.routeKey',
  status: '$context.status',
  sourceIp: '$context.identity.sourceIp',
  latencyMs: '$context.responseLatency',
});

export interface HttpApiPartParams {
  readonly slug: string;
  readonly description: string;
  /** What the API invokes: a function or its alias. A fresh node per call (a shared node becomes a YAML alias). */
  readonly target: () => TemplateValue;
  readonly routes: readonly { readonly logicalId: string; readonly routeKey: string }[];
}

/** An API Gateway HTTP API (payload 2.0) with its routes on one Lambda target, throttled, with access logs, and the URL as an output. */
export function httpApiPart(params: HttpApiPartParams): TemplatePart {
  const { slug } = params;
  const routes: TemplateMap = {};
  for (const route of params.routes) {
    routes[route.logicalId] = {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: ref('HttpApi'),
        RouteKey: route.routeKey,
        Target: sub('integrations/${HttpApiIntegration}'),
      },
    };
  }
  return {
    resources: {
      HttpApi: {
        Type: 'AWS::ApiGatewayV2::Api',
        Properties: {
          Name: sub('${AWS::StackName}-api'),
          ProtocolType: 'HTTP',
          Description: params.description,
          Tags: standardTagMap(slug),
        },
      },
      HttpApiIntegration: {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: {
          ApiId: ref('HttpApi'),
          IntegrationType: 'AWS_PROXY',
          IntegrationUri: params.target(),
          PayloadFormatVersion: '2.0',
        },
      },
      ...routes,
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
          DefaultRouteSettings: {
            ThrottlingBurstLimit: THROTTLING_BURST_LIMIT,
            ThrottlingRateLimit: THROTTLING_RATE_LIMIT,
          },
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
          FunctionName: params.target(),
          Principal: 'apigateway.amazonaws.com',
          SourceArn: sub('arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*'),
        },
      },
    },
    outputs: {
      ApiUrl: {
        Description: 'Base URL of the HTTP API',
        Value: sub('https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}'),
      },
    },
  };
}
