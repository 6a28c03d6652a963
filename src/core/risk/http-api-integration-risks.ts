import { isPlainObject } from '../cfn/is-plain-object.js';
import { isOwnResource } from './is-own-resource.js';
import { isNamedValue, readTemplateValue, type TemplateValueContext } from './read-template-value.js';
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
  /** A private integration's TLS settings (`TlsConfig`), when the integration has them. */
  readonly tlsConfig?: unknown;
  /** How `tlsConfig`'s keys are spelled: a resource's `TlsConfig` or an OpenAPI document's `tlsConfig`. */
  readonly tlsKeys?: TlsKeys;
}

/** The key names of a TLS configuration. */
export interface TlsKeys {
  readonly serverName: string;
  readonly skipVerification: string | undefined;
}

/** `AWS::ApiGatewayV2::Integration` `TlsConfig` (AWS CloudFormation Template Reference): `ServerNameToVerify` only. */
const RESOURCE_TLS_KEYS: TlsKeys = { serverName: 'ServerNameToVerify', skipVerification: undefined };

/**
 * An OpenAPI integration's `tlsConfig` (API Gateway Developer Guide,
 * "x-amazon-apigateway-integration.tlsConfig object": `serverNameToVerify`, `insecureSkipVerification`).
 */
export const OPENAPI_TLS_KEYS: TlsKeys = {
  serverName: 'serverNameToVerify',
  skipVerification: 'insecureSkipVerification',
};

/** A DNS host name, a wildcard's `*.` allowed first (RFC 1123 labels; API Gateway checks the backend's certificate for it). */
const HOST_NAME = /^(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * What an API integration reaches through a VPC link, and how it rewrites responses (AWS
 * CloudFormation Template Reference, "AWS::ApiGatewayV2::Integration"; API Gateway Developer Guide,
 * "Working with private integrations for HTTP APIs"):
 * - `ConnectionType` `VPC_LINK` (or one only known at deploy time) sends each request into a
 *   private network: the listener or Cloud Map service its URI names must be a resource of this
 *   template (`isOwnResource`), else a service the change does not show is made reachable from the
 *   API (`unseen-effect` at the URI); the VPC link itself is judged where it is named (`ConnectionId`);
 * - `ResponseParameters` must be status codes mapping to the documented header and status-code
 *   changes (`RESPONSE_KEY`); any other shape is not read (`unseen-effect` naming it);
 * - `TlsConfig` verifies a host name known before deploying (`tlsConfigRisks`).
 * `where(key)` names the setting's place; `subject` the resource. Pure; never throws.
 */
export function httpApiIntegrationRisks(params: {
  subject: string;
  where: (key: 'uri' | 'responseParameters' | 'tlsConfig') => string;
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
  reasons.push(
    ...tlsConfigRisks({
      subject,
      where: params.where('tlsConfig'),
      tls: settings.tlsConfig,
      keys: settings.tlsKeys ?? RESOURCE_TLS_KEYS,
      context,
    }),
  );
  return reasons;
}

/**
 * A private integration's `TlsConfig` (AWS CloudFormation Template Reference,
 * "AWS::ApiGatewayV2::Integration TlsConfig": with it, API Gateway calls the backend over HTTPS and
 * accepts only a certificate for `ServerNameToVerify`; an OpenAPI document's `tlsConfig` spells it
 * `serverNameToVerify`, `keys`): the name must be a host name known before deploying (`HOST_NAME`,
 * or a name this template makes: a load balancer's `DNSName`). One chosen at deploy time (a
 * parameter, an import) is `unresolved-value`: which certificate, and so which server, the API
 * trusts with its requests is not in the change; any other text (a URL, an address with a port),
 * an OpenAPI `insecureSkipVerification` that may be anything but `false` (no certificate check at
 * all), or a TLS configuration that is not an object of those settings, is `unseen-effect`.
 */
function tlsConfigRisks(params: {
  subject: string;
  where: string;
  tls: unknown;
  keys: TlsKeys;
  context: TemplateValueContext;
}): RiskReason[] {
  const { subject, where, tls, keys } = params;
  if (tls === undefined) return [];
  const known = [keys.serverName, keys.skipVerification];
  if (!isPlainObject(tls) || Object.keys(tls).some((key) => !known.includes(key)))
    return [
      {
        code: 'unseen-effect',
        where,
        message: `${subject} sets TlsConfig to ${JSON.stringify(tls).slice(0, 100)}, not a ${keys.serverName} alone; how it checks its backend is not reviewed.`,
      },
    ];
  return [
    ...skipVerificationRisks({ ...params, tls }),
    ...serverNameRisks({ ...params, name: tls[keys.serverName] }),
  ];
}

/** `unseen-effect` when an OpenAPI `insecureSkipVerification` may be other than `false`. */
function skipVerificationRisks(params: {
  subject: string;
  where: string;
  tls: Record<string, unknown>;
  keys: TlsKeys;
  context: TemplateValueContext;
}): RiskReason[] {
  const key = params.keys.skipVerification;
  if (key === undefined || params.tls[key] === undefined) return [];
  const skip = readTemplateValue(params.tls[key], params.context);
  if (skip.known && skip.texts.every((text) => text === 'false')) return [];
  return [
    {
      code: 'unseen-effect',
      where: `${params.where}.${key}`,
      message: `${params.subject} may skip checking its backend's certificate (${key}): any server that answers is trusted with the API's requests.`,
    },
  ];
}

/** The rule on the name the backend's certificate is checked for (see `tlsConfigRisks`). */
function serverNameRisks(params: {
  subject: string;
  where: string;
  name: unknown;
  keys: TlsKeys;
  context: TemplateValueContext;
}): RiskReason[] {
  const { subject, keys } = params;
  if (params.name === undefined) return [];
  const name = readTemplateValue(params.name, params.context);
  if (!name.known)
    return [
      {
        code: 'unresolved-value',
        where: `${params.where}.${keys.serverName}`,
        message: `${subject} verifies its backend's certificate for a name that depends on ${name.why}: which server the API trusts with its requests is chosen at deploy time.`,
      },
    ];
  const odd = name.texts.find((text) => !isNamedValue(text) && !HOST_NAME.test(text));
  return odd === undefined
    ? []
    : [
        {
          code: 'unseen-effect',
          where: `${params.where}.${keys.serverName}`,
          message: `${subject} verifies its backend's certificate for ${JSON.stringify(odd.slice(0, 100))}, which is not a host name: what API Gateway accepts is not reviewed.`,
        },
      ];
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

/** Each setting's property on an `AWS::ApiGatewayV2::Integration`. */
const INTEGRATION_PROPERTY = {
  uri: 'IntegrationUri',
  responseParameters: 'ResponseParameters',
  tlsConfig: 'TlsConfig',
} as const;

/** `httpApiIntegrationRisks` for an `AWS::ApiGatewayV2::Integration` resource (`IntegrationUri`, `ResponseParameters`, `TlsConfig`). */
export function integrationResourceRisks(params: ResourceRiskInput): RiskReason[] {
  if (params.type !== 'AWS::ApiGatewayV2::Integration' || !isPlainObject(params.properties)) return [];
  const properties = params.properties;
  return httpApiIntegrationRisks({
    subject: `${params.logicalId} (${params.type})`,
    where: (key) => `${params.where}.Properties.${INTEGRATION_PROPERTY[key]}`,
    settings: {
      connectionType: properties['ConnectionType'],
      connectionId: properties['ConnectionId'],
      uri: properties['IntegrationUri'],
      responseParameters: properties['ResponseParameters'],
      tlsConfig: properties['TlsConfig'],
    },
    context: params.context,
  });
}
