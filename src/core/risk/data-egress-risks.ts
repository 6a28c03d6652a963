import { isPlainObject } from '../cfn/is-plain-object.js';
import { DATA_EGRESS_DESTINATIONS } from './data-egress-destinations.js';
import {
  isNamedValue,
  isThisAccount,
  readTemplateValue,
  type TemplateValueContext,
} from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';
import { httpApiServiceIntegrationPlace } from './http-api-service-integration-place.js';
import { serviceIntegrationPlace, type Place } from './service-integration-place.js';
import { valuesAtPath } from './values-at-path.js';

/**
 * Data sent where this account does not hold it (`DATA_EGRESS_DESTINATIONS`): a destination that
 * is not a resource of this template (`Ref`/`Fn::GetAtt`) nor an ARN in this account
 * (`${AWS::AccountId}`) — a URL, an email address, a phone number, an ARN naming an account id
 * (which may be another's; the template cannot say it is this one) — is `data-egress`; one only
 * known at deploy time, or an ARN whose account position is built from anything but
 * `AWS::AccountId` (a resource's freely chosen name, say), is `unresolved-value`. A destination
 * inside a `Json` property written as text (`RedrivePolicy`) is read as the object (`valuesAtPath`). An account-wide log subscription policy
 * (`AWS::Logs::AccountPolicy`, `SUBSCRIPTION_FILTER_POLICY`) sends every log group of the account,
 * not only this template's, and is `data-egress` wherever it sends. An HTTP API AWS service
 * integration (`IntegrationSubtype`) is placed by the destination its request parameters name
 * (`httpApiServiceIntegrationPlace`).
 */
export function dataEgressRisks(params: ResourceRiskInput): RiskReason[] {
  const { logicalId, type, context } = params;
  const properties = isPlainObject(params.properties) ? params.properties : {};
  if (type === 'AWS::Logs::AccountPolicy') return accountPolicyRisks(params, properties);
  const reasons: RiskReason[] =
    type === 'AWS::ApiGatewayV2::Integration'
      ? httpApiServiceIntegrationRisks({
          subject: `${logicalId} (${type})`,
          where: `${params.where}.Properties.IntegrationSubtype`,
          properties,
          context,
        })
      : [];
  for (const path of DATA_EGRESS_DESTINATIONS.get(type) ?? [])
    for (const { value, at } of valuesAtPath(properties, path)) {
      if (value === undefined) continue;
      const integration = type === 'AWS::ApiGatewayV2::Integration' ? properties : properties['Integration'];
      reasons.push(
        ...destinationRisks({
          subject: `${logicalId} (${type})`,
          where: `${params.where}.Properties.${at}`,
          value,
          integration,
          context,
        }),
      );
    }
  return reasons;
}

/**
 * The reasons for one data destination `value` (`where` it is, `subject` naming the resource):
 * `unresolved-value` when it is only known at deploy time or its account may be another's,
 * `data-egress` when it is outside the account (`placeOf`). An API Gateway AWS service
 * integration URI is placed by what it names, in the URI or in the request `integration` maps
 * (`serviceIntegrationPlace`: `RequestParameters`, `RequestTemplates`, `PassthroughBehavior`).
 */
export function destinationRisks(params: {
  subject: string;
  where: string;
  value: unknown;
  integration: unknown;
  context: TemplateValueContext;
}): RiskReason[] {
  const { subject, where, context } = params;
  const read = readTemplateValue(params.value, context);
  if (!read.known)
    return [
      {
        code: 'unresolved-value',
        where,
        message: `${subject} sends data to ${read.why}; treated as outside the account.`,
      },
    ];
  const place = (text: string): Place =>
    serviceIntegrationPlace({ uri: text, integration: params.integration, context, placeOf }) ??
    placeOf(text);
  const outside = read.texts.filter((text) => place(text) === 'outside');
  const unknown = read.texts.filter((text) => place(text) === 'unknown');
  const reasons: RiskReason[] = [];
  if (unknown.length > 0)
    reasons.push({
      code: 'unresolved-value',
      where,
      message: unknown.some((text) => SERVICE_INTEGRATION_URI.test(text))
        ? `${subject} is an AWS service integration whose destination is chosen by the caller's request, built from a resource's name, or named where no rule reads; it may be another account's.`
        : `${subject} sends data to an ARN whose account is built from a resource's name or attribute, not from AWS::AccountId; it may name another account.`,
    });
  if (outside.length > 0)
    reasons.push({
      code: 'data-egress',
      where,
      message: `${subject} sends data to ${outside.join(' or ')}, outside this account (or in an account the template names by its id).`,
    });
  return reasons;
}

/** An API Gateway AWS service integration URI other than Lambda's (`serviceIntegrationPlace`). */
const SERVICE_INTEGRATION_URI = /^arn:[^:]*:apigateway:[^:]*:(?!lambda:)[^:]*:(path|action)\//;

/**
 * An API Gateway integration calling a Lambda function: `arn:<partition>:apigateway:<region>:lambda:
 * path/2015-03-31/functions/<function ARN>/invocations` (Amazon API Gateway Developer Guide, "Set
 * up a Lambda proxy integration"); group 1 is the function, whose place is the integration's. The
 * ARN's own fifth field is the service (`lambda`), not an account.
 */
const LAMBDA_INTEGRATION =
  /^arn:[^:]*:apigateway:[^:]*:lambda:path\/\d{4}-\d{2}-\d{2}\/functions\/(.+)\/invocations$/;

/**
 * `here`: a resource of this template (a placeholder), or an ARN whose account is this one:
 * written as `${AWS::AccountId}`, or left empty on a resource AWS owns (an SSM document such as
 * `AWS-RunShellScript`). `unknown`: an ARN whose account is another resource's name or attribute
 * (a freely chosen name may be another account's id). `outside`: a literal account id, an S3
 * bucket (its ARN names no account: the bucket may be anyone's) and anything that is not an ARN
 * are not known to be here. A Lambda integration's URI is placed as the function it invokes
 * (`LAMBDA_INTEGRATION`); another AWS service integration's by `serviceIntegrationPlace`.
 */
export function placeOf(text: string): Place {
  if (isNamedValue(text)) return 'here';
  const invoked = LAMBDA_INTEGRATION.exec(text)?.[1];
  if (invoked !== undefined) return placeOf(invoked);
  const [prefix, , service, , account] = text.split(':');
  if (prefix !== 'arn' || account === undefined) return 'outside';
  if (isThisAccount(account) || (account === '' && service !== 's3')) return 'here';
  return isNamedValue(account) ? 'unknown' : 'outside';
}

/**
 * An HTTP API service integration's destination (`httpApiServiceIntegrationPlace`: `properties`
 * holds `IntegrationSubtype` and `RequestParameters`), judged at its subtype (`where`).
 */
export function httpApiServiceIntegrationRisks(params: {
  subject: string;
  where: string;
  properties: Record<string, unknown>;
  context: TemplateValueContext;
}): RiskReason[] {
  const { properties, where } = params;
  const place = httpApiServiceIntegrationPlace({ properties, context: params.context, placeOf });
  if (place === undefined || place === 'here') return [];
  const subject = `${params.subject} is an AWS service integration`;
  return [
    place === 'unknown'
      ? {
          code: 'unresolved-value',
          where,
          message: `${subject} whose destination is missing, chosen by the caller's request, redirected to another region, or named where no rule reads; it may be another account's.`,
        }
      : {
          code: 'data-egress',
          where,
          message: `${subject} sending each request to a destination that is not this template's resource (a literal, or an account the template names by its id).`,
        },
  ];
}

function accountPolicyRisks(params: ResourceRiskInput, properties: Record<string, unknown>): RiskReason[] {
  const kind = readTemplateValue(properties['PolicyType'], params.context);
  if (kind.known && !kind.texts.includes('SUBSCRIPTION_FILTER_POLICY')) return [];
  return [
    {
      code: 'data-egress',
      where: `${params.where}.Properties.PolicyType`,
      message: `${params.logicalId} (${params.type}) subscribes every log group of the account, not only this template's, to a destination.`,
    },
  ];
}
