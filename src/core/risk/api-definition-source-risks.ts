import { isPlainObject } from '../cfn/is-plain-object.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/**
 * API types that import their routes from an OpenAPI document in S3 (AWS CloudFormation Template
 * Reference, "AWS::ApiGateway::RestApi" and "AWS::ApiGatewayV2::Api" `BodyS3Location`).
 */
const BODY_S3_TYPES: ReadonlySet<string> = new Set(['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api']);

/**
 * `unseen-effect` for an API whose OpenAPI document is an S3 object (`BodyS3Location`): the routes,
 * integrations (where requests are sent), authorizers and resource policy it holds are not in this
 * change, and whoever can write the object changes them. An inline `Body` is in the change (its
 * authorization is still not read: a public-access rule). `where` is
 * `<file>#Resources.<Id>.Properties.BodyS3Location`.
 */
export function apiDefinitionSourceRisks(params: ResourceRiskInput): RiskReason[] {
  if (!BODY_S3_TYPES.has(params.type) || !isPlainObject(params.properties)) return [];
  const location = params.properties['BodyS3Location'];
  if (location === undefined || (isPlainObject(location) && location['Ref'] === 'AWS::NoValue')) return [];
  return [
    {
      code: 'unseen-effect',
      where: `${params.where}.Properties.BodyS3Location`,
      message: `${params.logicalId} (${params.type}) takes its routes, integrations and authorization from an OpenAPI document in S3 that this change does not hold: what the API does cannot be judged.`,
    },
  ];
}
