import { isPlainObject } from '../cfn/is-plain-object.js';
import {
  isNamedValue,
  isThisAccount,
  readTemplateValue,
  type TemplateValueContext,
} from './read-template-value.js';

/**
 * An API Gateway AWS service integration URI: `arn:<partition>:apigateway:<region>:<subdomain.>
 * <service>:path|action/<rest>` (Amazon API Gateway REST API Reference, "Integration": uri; API
 * Gateway Developer Guide, "Tutorial: Build a REST API with an AWS integration"). Group 1 the
 * service, group 2 `path` or `action`, group 3 the rest. Lambda's own form is `placeOf`'s.
 */
const SERVICE_INTEGRATION = /^arn:[^:]*:apigateway:[^:]*:(?:[\w-]+\.)?([\w-]+):(path|action)\/(.*)$/s;

/**
 * The request parameters each service's API takes its destination from, when the URI names an
 * action (Amazon SNS API Reference, "Publish": TopicArn, TargetArn, PhoneNumber; Amazon SQS API
 * Reference: QueueUrl; Amazon DynamoDB API Reference: TableName; AWS Step Functions API Reference,
 * "StartExecution": stateMachineArn; Amazon Kinesis Data Streams API Reference, "PutRecord":
 * StreamName, StreamARN; Amazon Data Firehose API Reference, "PutRecord": DeliveryStreamName;
 * Amazon EventBridge API Reference, "PutEvents": EventBusName). A service not listed names its
 * destination where no rule reads.
 */
const DESTINATION_PARAMETERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['sns', ['TopicArn', 'TargetArn', 'PhoneNumber']],
  ['sqs', ['QueueUrl']],
  ['dynamodb', ['TableName']],
  ['states', ['stateMachineArn']],
  ['kinesis', ['StreamName', 'StreamARN']],
  ['firehose', ['DeliveryStreamName']],
  ['events', ['EventBusName']],
]);

export type Place = 'here' | 'unknown' | 'outside';

/**
 * Where an AWS service integration of an API Gateway (REST) method sends each request, or undefined
 * when `uri` is not one (`SERVICE_INTEGRATION`). `here` only for a resource of this template (a
 * placeholder: `Ref`, `Fn::GetAtt` or `Fn::Sub` of its logical id), as the Lambda form is placed:
 * - the path form names its destination in the path: SQS `path/<account>/<queue>` is here when
 *   the account is `AWS::AccountId` and the queue this template's; S3 `path/<bucket>/…` when the
 *   bucket is this template's; any other service's path is not read (`outside`);
 * - the action form takes it from the request: each of the service's `DESTINATION_PARAMETERS` in
 *   the integration's `RequestParameters` (`integration.request.querystring.<name>`, a quoted
 *   static value) and `RequestTemplates` (`"<name>": "<value>"` or `<name>=<value>`; SNS's
 *   `$util.urlEncode('<value>')` is read through) must be placed here, and one must be found (a
 *   template that may name another where the patterns miss it, `valuesIn`, is not read); and `PassthroughBehavior` must be `NEVER`,
 *   or `WHEN_NO_TEMPLATES` with templates, else a caller's own body reaches the service unmapped.
 * A value from the request (`method.request…`, `$input…`), a stage variable or any other `$`
 * expression, or a `{…}` path parameter, is chosen by the caller: `unknown`, as is a value only
 * known at deploy time. Pure; never throws.
 */
export function serviceIntegrationPlace(params: {
  uri: string;
  integration: unknown;
  context: TemplateValueContext;
  placeOf: (text: string) => Place;
}): Place | undefined {
  const match = SERVICE_INTEGRATION.exec(params.uri);
  const [, service = '', form = '', rest = ''] = match ?? [];
  // Lambda's form names the function it invokes, and is placed as that function (`placeOf`).
  if (match === null || service === 'lambda') return undefined;
  if (/[{$]/.test(rest)) return 'unknown';
  if (form === 'path') return pathPlace(service, rest);
  const names = DESTINATION_PARAMETERS.get(service);
  if (names === undefined) return 'outside';
  const integration = isPlainObject(params.integration) ? params.integration : {};
  const values = destinationValues({ integration, names, context: params.context });
  if (values === undefined) return 'unknown';
  if (values.length === 0) return 'unknown';
  const places = values.map((value) => destinationValuePlace(value, params.placeOf));
  return places.includes('outside') ? 'outside' : places.includes('unknown') ? 'unknown' : 'here';
}

/** SQS `<account>/<queue>` and S3 `<bucket>/<key>` paths; any other path is not read. */
function pathPlace(service: string, rest: string): Place {
  const [first = '', second = ''] = rest.split('/');
  if (service === 's3') return isNamedValue(first) && !isThisAccount(first) ? 'here' : 'outside';
  if (service !== 'sqs') return 'outside';
  if (isThisAccount(first)) return isNamedValue(second) && !isThisAccount(second) ? 'here' : 'outside';
  return isNamedValue(first) ? 'unknown' : 'outside';
}

/**
 * Every value given to one of `names` by the integration's request parameters and templates;
 * undefined when the caller's body may pass through unmapped, or a value is only known at deploy time.
 */
function destinationValues(params: {
  integration: Record<string, unknown>;
  names: readonly string[];
  context: TemplateValueContext;
}): string[] | undefined {
  const { integration, names, context } = params;
  const templates = isPlainObject(integration['RequestTemplates']) ? integration['RequestTemplates'] : {};
  const passthrough = readTemplateValue(integration['PassthroughBehavior'] ?? 'WHEN_NO_MATCH', context);
  const closed = (text: string): boolean =>
    text === 'NEVER' || (text === 'WHEN_NO_TEMPLATES' && Object.keys(templates).length > 0);
  if (!passthrough.known || !passthrough.texts.every(closed)) return undefined;
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const values: string[] = [];
  const parameters = isPlainObject(integration['RequestParameters']) ? integration['RequestParameters'] : {};
  for (const [key, value] of Object.entries(parameters)) {
    const name = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
    if (!wanted.has(name)) continue;
    const read = readTemplateValue(value, context);
    if (!read.known) return undefined;
    // A static value is quoted ('…'); anything else is mapped from the request.
    values.push(...read.texts.map((text) => /^'([^']*)'$/.exec(text)?.[1] ?? '$'));
  }
  for (const template of Object.values(templates)) {
    const read = readTemplateValue(template, context);
    if (!read.known) return undefined;
    for (const text of read.texts) values.push(...valuesIn(text, names));
  }
  return values;
}

/** The values a mapping template gives `names`, as `"<name>": "<value>"` or `<name>=<value>`, in any case. */
function valuesIn(text: string, names: readonly string[]): string[] {
  const found: string[] = [];
  for (const name of names) {
    const pattern = new RegExp(`["']?${name}["']?\\s*[:=]\\s*("[^"]*"|'[^']*'|[^&\\s,}]*)`, 'gi');
    for (const match of text.matchAll(pattern)) found.push((match[1] ?? '').replace(/^(["'])(.*)\1$/s, '$2'));
  }
  // A name the patterns above may miss is not read: an escape, a key computed by a directive
  // (`#set`) or from the request (`"$input.params('k')": …`), the caller's raw body, which may
  // add keys of its own (escaped or encoded it cannot), or DynamoDB's tables named as keys (`RequestItems`).
  if (
    /\\u/i.test(text) ||
    /#\{?[a-z]/i.test(text) ||
    /"[^"]*\$[^"]*"\s*:/.test(text) ||
    /\$input\.body/.test(
      text.replace(/\$util\.(escapeJavaScript|urlEncode|base64Encode)\(\$input\.body\)/g, ''),
    ) ||
    /RequestItems/i.test(text)
  )
    found.push('$');
  return found;
}

/**
 * A destination value's place, as the integration names it (a queue URL, an ARN, a name):
 * `$util.urlEncode('…')` (SNS) is read through; any other `$` or `{` is the caller's (`unknown`); a
 * placeholder of this template is `here`, `AWS::AccountId` alone is not a destination (`outside`);
 * an SQS queue URL is placed as the path form's `<account>/<queue>`; an ARN by `placeOf`; any other
 * literal (a name, a URL) is not known to be this template's (`outside`). Pure; never throws.
 */
export function destinationValuePlace(value: string, placeOf: (text: string) => Place): Place {
  const inner = /^\$util\.urlEncode\((["'])([^"']*)\1\)$/.exec(value.trim())?.[2] ?? value.trim();
  if (/[{$]/.test(inner) || inner === '') return 'unknown';
  if (isNamedValue(inner)) return isThisAccount(inner) ? 'outside' : 'here';
  const queue = /^https:\/\/sqs\.[^/]+\/([^/]+)\/([^/]+)$/.exec(inner);
  if (queue !== null) return pathPlace('sqs', `${queue[1]}/${queue[2]}`);
  return inner.startsWith('arn:') ? placeOf(inner) : 'outside';
}
