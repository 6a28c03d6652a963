import { isRecord } from '../request/is-record.js';
import { isCredentialParameter } from '../secrets/is-credential-parameter.js';
import { expandForEach } from './expand-for-each.js';
import {
  EVERY_ATTRIBUTE,
  nestedStackSecretAttributes,
  type NestedJudging,
  type NestedTemplates,
} from './nested-stack-secrets.js';
import { noEchoParameters } from './no-echo-parameters.js';
import { NO_OUTPUTS, type OutputNames } from './output-names.js';
import { outputsReferencing } from './outputs-referencing.js';
import { parseTemplate } from './parse-template.js';
import { subVariables } from './sub-variables.js';

/**
 * Resource attributes (`Fn::GetAtt`) whose value is a credential, by resource type, each from the
 * type's *Return values* in the AWS CloudFormation Template Reference. Only values that ARE the
 * secret: an ARN or id naming where a secret is kept (`AWS::SecretsManager::Secret`'s `Ref`,
 * `AWS::RDS::DBCluster`'s `MasterUserSecret.SecretArn`) and a key's id (`AWS::IAM::AccessKey`'s
 * `Ref`, `AWS::AppSync::ApiKey`'s `ApiKeyId`) are not.
 */
export const SECRET_ATTRIBUTES: Readonly<Record<string, { attributes: readonly string[]; source: string }>> =
  {
    'AWS::IAM::AccessKey': {
      attributes: ['SecretAccessKey'],
      source:
        'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-accesskey.html',
    },
    'AWS::Cognito::UserPoolClient': {
      attributes: ['ClientSecret'],
      source:
        'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolclient.html',
    },
    'AWS::AppSync::ApiKey': {
      attributes: ['ApiKey'],
      source:
        'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-appsync-apikey.html',
    },
    // `Value`: "The stream-key value", e.g. `sk_us-west-2_abcdABCDefgh…`: whoever holds it broadcasts on the channel.
    'AWS::IVS::StreamKey': {
      attributes: ['Value'],
      source:
        'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ivs-streamkey.html',
    },
    // `StreamKey`: "Ingest-key value for the RTMP(S) protocol" (IVS Real-Time API, IngestConfiguration:
    // https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_IngestConfiguration.html), a
    // read-only property of the resource, which CloudFormation returns by `Fn::GetAtt`.
    'AWS::IVS::IngestConfiguration': {
      attributes: ['StreamKey'],
      source:
        'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ivs-ingestconfiguration.html',
    },
  };

/**
 * Custom resources (`Custom::<name>`, `AWS::CloudFormation::CustomResource`) return whatever their
 * provider puts in `Data`, and CloudFormation shows it in Outputs as it is: a provider that
 * generates a password (`!GetAtt Generator.Password`) is a common pattern. Their attributes count
 * as secret when their name is a credential's (`isCredentialParameter`: `Password`, `Secret`,
 * `ApiKey`, `Token`, `…PrivateKey`), compared without case, `-`, `_` or `.`. Source:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-customresource.html
 */
function isCustomResourceType(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

/** How deep a value is walked; past it the value counts as reading a secret (fails closed). */
const MAX_DEPTH = 64;

/** Which attribute names of a resource are secret: `has`, as a set's. */
interface SecretAttributeNames {
  has(attribute: string): boolean;
}

/** The template's resources that have secret attributes: logical id → those attributes (or every one). */
type SecretResources = ReadonlyMap<string, SecretAttributeNames | typeof EVERY_ATTRIBUTE>;

const CREDENTIAL_NAMES: SecretAttributeNames = { has: isCredentialParameter };

/**
 * The names of the template's outputs whose `Value` reads a secret attribute of one of its
 * resources (`SECRET_ATTRIBUTES`: `!GetAtt Key.SecretAccessKey`, `${Client.ClientSecret}` in an
 * `Fn::Sub`, through any intrinsic; a custom resource's attribute named like a credential,
 * `!GetAtt Generator.Password`), or reads a resource whose definition does (an SSM parameter
 * handed the key, read back by `!GetAtt Param.Value`: which attribute gives a property back is the
 * type's business, so any read of such a resource counts). An attribute chosen by an intrinsic on
 * a resource with secret attributes counts, and so does a value too deep to walk. These are
 * withheld like outputs echoing a NoEcho parameter: CloudFormation shows outputs as they are, and
 * a 40-character secret key is no form a scanner knows. A template that does not parse has none.
 * `Fn::ForEach` loops in `Resources` and `Outputs` are expanded (`expandForEach`); a loop that
 * cannot be expanded fails closed: in `Resources`, a read of a name the template does not declare
 * (a resource the loop may make) counts; in `Outputs`, every output name the template does not
 * declare counts. A nested stack's output that carries a secret (`nestedStackSecretAttributes`:
 * its child template read from `nested`, levels bounded) is a secret attribute of the nested stack
 * resource (`!GetAtt Child.Outputs.Secret`), and every output of a child that cannot be read or
 * judged is (fails closed). Pure.
 */
export function outputsReadingSecretAttributes(
  template: string,
  nested: NestedTemplates | 'not-followed' = new Map(),
): OutputNames {
  // `not-followed`: the template's own secret attributes only, nested stacks' outputs not counted.
  if (nested === 'not-followed')
    return readingSecretAttributes(template, {
      templates: new Map(),
      depth: 0,
      memo: new Map(),
      follow: false,
    });
  return readingSecretAttributes(template, { templates: nested, depth: 0, memo: new Map(), follow: true });
}

/**
 * The outputs of a (nested) template that carry a secret to whoever reads them: those reading a
 * secret attribute (`outputsReadingSecretAttributes`, its own nested stacks judged one level
 * deeper) or referring to one of its NoEcho parameters (`outputsReferencing`). Pure.
 */
function secretOutputsOf(template: string, judging: Judging): OutputNames {
  const attributes = readingSecretAttributes(template, judging);
  const noEcho = outputsReferencing(template, noEchoParameters(template));
  const named = new Set([...attributes.named, ...noEcho.named]);
  // Unknown names on either side: the caller withholds every output of this template.
  const declared = attributes.declared ?? noEcho.declared;
  return declared === undefined ? { named } : { named, declared };
}

/** Nested judging, and whether nested stacks are followed at all. */
interface Judging extends NestedJudging {
  readonly follow: boolean;
}

function readingSecretAttributes(template: string, judging: Judging): OutputNames {
  const parsed = parseTemplate(template);
  if (!parsed.ok || !isRecord(parsed.template)) return NO_OUTPUTS;
  const { Resources: resources, Outputs: outputs, Parameters: parameters } = parsed.template;
  if (!isRecord(resources) || !isRecord(outputs)) return NO_OUTPUTS;
  const expanded = expandForEach(resources);
  const secretResources = new Map<string, SecretAttributeNames | typeof EVERY_ATTRIBUTE>();
  for (const [name, definition] of expanded.entries) {
    const type = isRecord(definition) ? definition['Type'] : undefined;
    if (typeof type !== 'string') continue;
    if (Object.hasOwn(SECRET_ATTRIBUTES, type))
      secretResources.set(name, new Set(SECRET_ATTRIBUTES[type]?.attributes));
    else if (isCustomResourceType(type)) secretResources.set(name, CREDENTIAL_NAMES);
    const nestedSecrets = judging.follow
      ? nestedStackSecretAttributes(definition, judging, secretOutputsOf)
      : undefined;
    if (nestedSecrets !== undefined && (nestedSecrets === EVERY_ATTRIBUTE || nestedSecrets.size > 0))
      secretResources.set(name, nestedSecrets);
  }
  if (secretResources.size === 0 && expanded.complete) return NO_OUTPUTS;
  const declared = new Set([
    ...(isRecord(parameters) ? Object.keys(parameters) : []),
    ...expanded.entries.map(([name]) => name),
  ]);
  const carrying = carryingResources(
    expanded.entries,
    secretResources,
    expanded.complete ? undefined : declared,
  );
  const expandedOutputs = expandForEach(outputs);
  const reading = new Set(
    expandedOutputs.entries
      .filter(([, output]) => isRecord(output) && readsSecret(output['Value'], secretResources, carrying, 0))
      .map(([name]) => name),
  );
  if (expandedOutputs.complete) return { named: reading };
  return { named: reading, declared: new Set(expandedOutputs.entries.map(([name]) => name)) };
}

/** Names that carry a secret: `has`, as a set's. */
interface Carrying {
  has(name: string): boolean;
}

/**
 * The resources whose definition reads a secret attribute, directly or through another such
 * resource. With `declared` (the template's names, when a loop was not expanded), every name not
 * declared nor a pseudo parameter (`AWS::Region`) counts as carrying: the loop may make it.
 */
function carryingResources(
  entries: readonly (readonly [string, unknown])[],
  secrets: SecretResources,
  declared?: ReadonlySet<string>,
): Carrying {
  const found = new Set<string>();
  const carrying: Carrying = {
    has: (name) => found.has(name) || (declared !== undefined && !declared.has(name) && !name.includes('::')),
  };
  // Each pass adds at least one resource or ends: at most one pass per resource.
  for (let pass = 0; pass <= entries.length; pass += 1) {
    const size = found.size;
    for (const [name, definition] of entries)
      if (!found.has(name) && readsSecret(definition, secrets, carrying, 0)) found.add(name);
    if (found.size === size) break;
  }
  return carrying;
}

function readsSecret(value: unknown, secrets: SecretResources, carrying: Carrying, depth: number): boolean {
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(value)) return value.some((item) => readsSecret(item, secrets, carrying, depth + 1));
  if (!isRecord(value)) return false;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string' && carrying.has(inner)) return true;
    if (key === 'Fn::GetAtt' && getAttReadsSecret(inner, secrets, carrying)) return true;
    if (key === 'Fn::Sub' && subReadsSecret(inner, secrets, carrying)) return true;
    if (readsSecret(inner, secrets, carrying, depth + 1)) return true;
  }
  return false;
}

/** `Fn::GetAtt` as `Resource.Attribute` or `[Resource, Attribute]`; an attribute not written out counts. */
function getAttReadsSecret(value: unknown, secrets: SecretResources, carrying: Carrying): boolean {
  const [resource, attribute]: unknown[] =
    typeof value === 'string' ? splitAtFirstDot(value) : Array.isArray(value) ? value : [];
  if (typeof resource !== 'string') return true; // a resource chosen by an intrinsic: fail closed
  if (carrying.has(resource)) return true;
  const attributes = secrets.get(resource);
  if (attributes === undefined) return false;
  return typeof attribute !== 'string' || isSecretAttribute(attributes, attribute);
}

/** An `Fn::Sub` string (or `[string, variables]`) naming `${Resource.SecretAttribute}` or a carrying resource. */
function subReadsSecret(value: unknown, secrets: SecretResources, carrying: Carrying): boolean {
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value[0] : undefined;
  if (typeof text !== 'string') return false;
  return subVariables(text).some((variable) => {
    const [resource, attribute] = splitAtFirstDot(variable);
    if (carrying.has(resource)) return true;
    const attributes = secrets.get(resource);
    return attribute !== undefined && attributes !== undefined && isSecretAttribute(attributes, attribute);
  });
}

function isSecretAttribute(
  attributes: SecretAttributeNames | typeof EVERY_ATTRIBUTE,
  attribute: string,
): boolean {
  return attributes === EVERY_ATTRIBUTE || attributes.has(attribute);
}

/** `Resource.Attribute` (an attribute may hold dots: `Endpoint.Address`) as its two parts. */
function splitAtFirstDot(text: string): [string, string | undefined] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text, undefined] : [text.slice(0, dot), text.slice(dot + 1)];
}
