import { isPlainObject } from '../cfn/is-plain-object.js';
import { destinationRisks, httpApiServiceIntegrationRisks } from './data-egress-risks.js';
import { httpApiIntegrationRisks, OPENAPI_TLS_KEYS } from './http-api-integration-risks.js';
import { ifBranches } from './if-branches.js';
import { isOwnResource } from './is-own-resource.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/**
 * The property holding an inline OpenAPI document, by type (AWS CloudFormation Template Reference,
 * "AWS::ApiGateway::RestApi" and "AWS::ApiGatewayV2::Api" `Body`; AWS SAM Developer Guide,
 * "AWS::Serverless::Api" and "AWS::Serverless::HttpApi" `DefinitionBody`).
 */
const DOCUMENT_PROPERTY: ReadonlyMap<string, string> = new Map([
  ['AWS::ApiGateway::RestApi', 'Body'],
  ['AWS::ApiGatewayV2::Api', 'Body'],
  ['AWS::Serverless::Api', 'DefinitionBody'],
  ['AWS::Serverless::HttpApi', 'DefinitionBody'],
]);

/** How deep the document is searched, and how many integrations are read (bounded work on untrusted text). */
const MAX_DEPTH = 16;
const MAX_INTEGRATIONS = 1_000;

/**
 * The integrations an API's inline OpenAPI document defines (API Gateway Developer Guide, "OpenAPI
 * extensions": `x-amazon-apigateway-integration` on an operation, and the reusable
 * `x-amazon-apigateway-integrations` of an HTTP API's `components`), each judged as an integration
 * resource is: its `uri` is a data destination (`destinationRisks`, with its `requestParameters`,
 * `requestTemplates` and `passthroughBehavior`), an HTTP API service integration by the destination
 * its `integrationSubtype`'s parameters name, its `credentials` and a VPC link's `connectionId` must
 * be resources of this template (`unseen-effect` naming them), and a `connectionType`,
 * `responseParameters` and `tlsConfig` as `httpApiIntegrationRisks` reads them. A document that is not an object
 * as written (`Fn::Transform` including one from S3, any intrinsic), or more integrations than
 * `MAX_INTEGRATIONS`, is `unseen-effect` at the property. An integration (or the reusable map)
 * written as `Fn::If` is judged on each branch (`ifBranches`). Who may call the routes is judged apart
 * (a public-access rule). `where` is `<file>#Resources.<Id>.Properties.<property>.<path>`. Pure.
 */
export function openApiIntegrationRisks(params: ResourceRiskInput): RiskReason[] {
  const property = DOCUMENT_PROPERTY.get(params.type);
  const document =
    property === undefined || !isPlainObject(params.properties) ? undefined : params.properties[property];
  if (property === undefined || document === undefined) return [];
  const subject = `${params.logicalId} (${params.type})`;
  const at = `${params.where}.Properties.${property}`;
  const unseen = (why: string): RiskReason[] => [
    {
      code: 'unseen-effect',
      where: at,
      message: `${subject} defines its API in an OpenAPI document that ${why}: its integrations cannot be judged.`,
    },
  ];
  if (
    !isPlainObject(document) ||
    Object.keys(document).some((key) => key === 'Ref' || key.startsWith('Fn::'))
  )
    return unseen('is computed or included (an intrinsic function, a transform)');
  const integrations = findIntegrations(document, at);
  if (integrations === undefined)
    return unseen(`holds more than ${MAX_INTEGRATIONS} integrations, or nests past ${MAX_DEPTH} levels`);
  return integrations.flatMap(({ integration, where }) =>
    integrationRisks({ ...params, subject, integration, where }),
  );
}

function integrationRisks(
  params: ResourceRiskInput & { subject: string; integration: unknown; where: string },
): RiskReason[] {
  const { subject, where, context } = params;
  if (!isPlainObject(params.integration))
    return [
      {
        code: 'unseen-effect',
        where,
        message: `${subject} has an integration that is computed (not an object as written); where it sends requests cannot be judged.`,
      },
    ];
  const integration = params.integration;
  const reasons: RiskReason[] = [];
  if (integration['uri'] !== undefined)
    reasons.push(
      ...destinationRisks({
        subject,
        where: `${where}.uri`,
        value: integration['uri'],
        integration: {
          RequestParameters: integration['requestParameters'],
          RequestTemplates: integration['requestTemplates'],
          PassthroughBehavior: integration['passthroughBehavior'],
        },
        context,
      }),
    );
  if (integration['integrationSubtype'] !== undefined)
    reasons.push(
      ...httpApiServiceIntegrationRisks({
        subject,
        where: `${where}.integrationSubtype`,
        properties: {
          IntegrationSubtype: integration['integrationSubtype'],
          RequestParameters: integration['requestParameters'],
        },
        context,
      }),
    );
  for (const key of ['credentials', 'connectionId'])
    if (integration[key] !== undefined && !isOwnResource(integration[key], context))
      reasons.push({
        code: 'unseen-effect',
        where: `${where}.${key}`,
        message: `${subject} has an integration whose ${key === 'credentials' ? 'credentials name an IAM role' : 'VPC link is one'} this change does not make: what it may do there cannot be judged.`,
      });
  reasons.push(
    ...httpApiIntegrationRisks({
      subject,
      where: (key) => `${where}.${key}`,
      settings: {
        connectionType: integration['connectionType'],
        connectionId: integration['connectionId'],
        uri: integration['uri'],
        responseParameters: integration['responseParameters'],
        tlsConfig: integration['tlsConfig'],
        tlsKeys: OPENAPI_TLS_KEYS,
      },
      context,
    }),
  );
  return reasons;
}

/** Every integration object of the document with where it is; undefined past the bounds. */
function isNoValue(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).length === 1 && value['Ref'] === 'AWS::NoValue';
}

function findIntegrations(
  document: Record<string, unknown>,
  at: string,
): { integration: unknown; where: string }[] | undefined {
  const found: { integration: unknown; where: string }[] = [];
  let bounded = true;
  // CloudFormation resolves intrinsics inside the document: each `Fn::If` branch may be the one
  // deployed, so each is judged; `AWS::NoValue` removes the integration.
  const add = (integration: unknown, where: string): void => {
    for (const branch of ifBranches(integration, where))
      if (!isNoValue(branch.value)) found.push({ integration: branch.value, where: branch.at });
  };
  const visit = (value: unknown, where: string, depth: number): void => {
    if (!bounded) return;
    if (depth > MAX_DEPTH || found.length > MAX_INTEGRATIONS) {
      bounded = false;
      return;
    }
    if (Array.isArray(value))
      return value.forEach((item, index) => visit(item, `${where}[${index}]`, depth + 1));
    if (!isPlainObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'x-amazon-apigateway-integration') add(child, `${where}.${key}`);
      else if (key === 'x-amazon-apigateway-integrations') {
        // Reusable integrations by name, each `Fn::If` branch of the map read as a map; a computed
        // map is one integration that cannot be read.
        for (const branch of ifBranches(child, `${where}.${key}`)) {
          if (isNoValue(branch.value)) continue;
          if (!isPlainObject(branch.value)) found.push({ integration: branch.value, where: branch.at });
          else
            for (const [name, integration] of Object.entries(branch.value))
              add(integration, `${branch.at}.${name}`);
        }
      } else visit(child, `${where}.${key}`, depth + 1);
    }
  };
  visit(document, at, 0);
  return bounded && found.length <= MAX_INTEGRATIONS ? found : undefined;
}
