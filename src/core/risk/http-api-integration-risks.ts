import { isPlainObject } from '../cfn/is-plain-object.js';
import { isOwnResource } from './is-own-resource.js';
import { readTemplateValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/**
 * An HTTP API integration's response parameter mapping key (Amazon API Gateway Developer Guide,
 * "Transforming API requests and responses": `append:header.<name>`, `overwrite:header.<name>`,
 * `remove:header.<name>`, `overwrite:statuscode`), under a status code (`200`, `5XX`…).
 */
const RESPONSE_KEY = /^((append|overwrite|remove):header\.[!#$%&'*+.^_`|~0-9A-Za-z-]+|overwrite:statuscode)$/;
const STATUS_CODE = /^[1-5]([0-9]{2}|XX)$/i;

/** One integration's settings, as an `AWS::ApiGatewayV2::Integration` or an OpenAPI integration names them. */
export interface IntegrationSettings {
  readonly connectionType: unknown;
  readonly connectionId: unknown;
  readonly uri: unknown;
  readonly responseParameters: unknown;
}

/**
 * What an API integration reaches through a VPC link, and how it rewrites responses (AWS
 * CloudFormation Template Reference, "AWS::ApiGatewayV2::Integration"; API Gateway Developer Guide,
 * "Working with private integrations for HTTP APIs"):
 * - `ConnectionType` `VPC_LINK` (or one only known at deploy time) sends each request into a
 *   private network: the listener or Cloud Map service its URI names must be a resource of this
 *   template (`isOwnResource`), else a service the change does not show is made reachable from the
 *   API (`unseen-effect` at the URI); the VPC link itself is judged where it is named (`ConnectionId`);
 * - `ResponseParameters` must be status codes mapping to the documented header and status-code
 *   changes (`RESPONSE_KEY`); any other shape is not read (`unseen-effect` naming it).
 * `where(key)` names the setting's place; `subject` the resource. Pure; never throws.
 */
export function httpApiIntegrationRisks(params: {
  subject: string;
  where: (key: 'uri' | 'responseParameters') => string;
  settings: IntegrationSettings;
  context: TemplateValueContext;
}): RiskReason[] {
  const { subject, settings, context } = params;
  const reasons: RiskReason[] = [];
  const type = readTemplateValue(settings.connectionType ?? 'INTERNET', context);
  const privateLink = !type.known || type.texts.some((text) => text !== 'INTERNET');
  if (privateLink && settings.uri !== undefined && !isOwnResource(settings.uri, context))
    reasons.push({
      code: 'unseen-effect',
      where: params.where('uri'),
      message: `${subject} reaches into a private network through a VPC link, to a listener or service this template does not make: what it exposes there cannot be judged.`,
    });
  const unread = unreadResponseParameter(settings.responseParameters);
  if (unread !== undefined)
    reasons.push({
      code: 'unseen-effect',
      where: params.where('responseParameters'),
      message: `${subject} maps its responses with ${JSON.stringify(unread).slice(0, 100)}, which is not a status code's header or status-code change; its effect is not reviewed.`,
    });
  return reasons;
}

/** The first key of `value` that is not a reviewed response mapping, or undefined when all are (or none is given). */
function unreadResponseParameter(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) return 'a computed value';
  for (const [status, mapping] of Object.entries(value)) {
    if (!STATUS_CODE.test(status) || !isPlainObject(mapping)) return status;
    const key = Object.keys(mapping).find((name) => !RESPONSE_KEY.test(name));
    if (key !== undefined) return `${status}.${key}`;
  }
  return undefined;
}

/** `httpApiIntegrationRisks` for an `AWS::ApiGatewayV2::Integration` resource (`IntegrationUri`, `ResponseParameters`). */
export function integrationResourceRisks(params: ResourceRiskInput): RiskReason[] {
  if (params.type !== 'AWS::ApiGatewayV2::Integration' || !isPlainObject(params.properties)) return [];
  const properties = params.properties;
  return httpApiIntegrationRisks({
    subject: `${params.logicalId} (${params.type})`,
    where: (key) => `${params.where}.Properties.${key === 'uri' ? 'IntegrationUri' : 'ResponseParameters'}`,
    settings: {
      connectionType: properties['ConnectionType'],
      connectionId: properties['ConnectionId'],
      uri: properties['IntegrationUri'],
      responseParameters: properties['ResponseParameters'],
    },
    context: params.context,
  });
}
