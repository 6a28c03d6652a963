import { isPlainObject } from '../cfn/is-plain-object.js';
import { readTemplateValue, type TemplateValueContext } from './read-template-value.js';
import { destinationValuePlace, type Place } from './service-integration-place.js';

/**
 * The request parameters each HTTP API AWS service integration subtype takes its destination from
 * (Amazon API Gateway Developer Guide, "Integration subtype reference" for HTTP APIs:
 * EventBridge-PutEvents `EventBusName` — absent, the account's default bus; SQS-SendMessage,
 * -ReceiveMessage, -DeleteMessage, -PurgeQueue `QueueUrl`; Kinesis-PutRecord `StreamName`;
 * StepFunctions-StartExecution, -StartSyncExecution `StateMachineArn`, -StopExecution
 * `ExecutionArn`). A subtype not listed (AppConfig-GetConfiguration, or one AWS adds) names its
 * destination where no rule reads.
 */
const SUBTYPE_DESTINATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['EventBridge-PutEvents', ['EventBusName']],
  ['SQS-SendMessage', ['QueueUrl']],
  ['SQS-ReceiveMessage', ['QueueUrl']],
  ['SQS-DeleteMessage', ['QueueUrl']],
  ['SQS-PurgeQueue', ['QueueUrl']],
  ['Kinesis-PutRecord', ['StreamName']],
  ['StepFunctions-StartExecution', ['StateMachineArn']],
  ['StepFunctions-StartSyncExecution', ['StateMachineArn']],
  ['StepFunctions-StopExecution', ['ExecutionArn']],
]);

/**
 * Where an HTTP API AWS service integration (`AWS::ApiGatewayV2::Integration` with an
 * `IntegrationSubtype`, AWS CloudFormation Template Reference; API Gateway Developer Guide,
 * "Creating AWS service integrations for HTTP APIs") sends each request, or undefined when
 * `properties` names no subtype (its `IntegrationUri`, if any, is placed as a data destination).
 * The destination is the subtype's parameter in `RequestParameters` (`SUBTYPE_DESTINATIONS`,
 * matched in any case): `here` only when every value it may take is a resource of this template
 * (a placeholder, or a queue URL or ARN built from one in this account, as a REST API action is
 * placed: `destinationValuePlace`). `unknown` when the parameter is missing (EventBridge's default
 * bus is not this template's), chosen by the caller (`$request…`, `$context…`,
 * `$stageVariables…`), only known at deploy time, redirected by a `Region` parameter (the same
 * name in another region is not this template's resource), or the subtype is not one listed.
 * `outside` for a literal destination or another account's ARN. Pure; never throws.
 */
export function httpApiServiceIntegrationPlace(params: {
  properties: Record<string, unknown>;
  context: TemplateValueContext;
  placeOf: (text: string) => Place;
}): Place | undefined {
  const { properties, context } = params;
  if (properties['IntegrationSubtype'] === undefined) return undefined;
  const subtype = readTemplateValue(properties['IntegrationSubtype'], context);
  if (!subtype.known) return 'unknown';
  const places = subtype.texts.map((text) => subtypePlace(text, properties['RequestParameters'], params));
  return places.includes('outside') ? 'outside' : places.includes('unknown') ? 'unknown' : 'here';
}

function subtypePlace(
  subtype: string,
  requestParameters: unknown,
  params: { context: TemplateValueContext; placeOf: (text: string) => Place },
): Place {
  const names = SUBTYPE_DESTINATIONS.get(subtype);
  if (names === undefined || !isPlainObject(requestParameters)) return 'unknown';
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const places: Place[] = [];
  for (const [key, value] of Object.entries(requestParameters)) {
    const name = key.toLowerCase();
    if (name === 'region') return 'unknown';
    if (!wanted.has(name)) continue;
    const read = readTemplateValue(value, params.context);
    if (!read.known) return 'unknown';
    places.push(...read.texts.map((text) => destinationValuePlace(text, params.placeOf)));
  }
  if (places.length === 0) return 'unknown';
  return places.includes('outside') ? 'outside' : places.includes('unknown') ? 'unknown' : 'here';
}
