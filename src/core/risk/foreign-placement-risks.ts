import { isPlainObject } from '../cfn/is-plain-object.js';
import { isOwnResource } from './is-own-resource.js';
import { isNamedValue, isThisAccount, readTemplateValue } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/**
 * Properties that place a resource on something that may exist already, and the types of this
 * template that count as its own (AWS CloudFormation Template Reference, "AWS::Events::Rule"
 * `EventBusName`: "the name or ARN of the event bus", `default` when left out; "AWS::KMS::Alias"
 * `TargetKeyId`: a key id or ARN, "the alias and its associated KMS key must be in the same AWS
 * account and Region"). A rule on a bus sees every event put on it; an alias decides which key
 * encrypts whatever names it.
 */
const PLACEMENTS: ReadonlyMap<string, { readonly property: string; readonly own: ReadonlySet<string> }> =
  new Map([
    ['AWS::Events::Rule', { property: 'EventBusName', own: new Set(['AWS::Events::EventBus']) }],
    ['AWS::KMS::Alias', { property: 'TargetKeyId', own: new Set(['AWS::KMS::Key', 'AWS::KMS::ReplicaKey']) }],
  ]);

/**
 * An EventBridge rule's bus or a KMS alias's key, judged by the account it is in: the `default`
 * bus, a name or key id (always this account's), a resource of this template, or an ARN built with
 * `${AWS::AccountId}` is this account's and adds nothing; an ARN with a literal account id (the
 * template cannot show it is this one) is `unseen-effect` — the bus's events or the key's policy are
 * another account's choice, outside this change; one only known at deploy time (a parameter, an
 * import), or an ARN whose account is a resource's freely chosen name, is `unresolved-value`.
 * Every `Fn::If` branch is read. `where` is `<file>#Resources.<Id>.Properties.<property>`.
 */
export function foreignPlacementRisks(params: ResourceRiskInput): RiskReason[] {
  const placement = PLACEMENTS.get(params.type);
  const properties = isPlainObject(params.properties) ? params.properties : {};
  if (placement === undefined) return [];
  const value = properties[placement.property];
  if (value === undefined || isOwnResource(value, params.context, placement.own)) return [];
  const where = `${params.where}.Properties.${placement.property}`;
  const subject = `${params.logicalId} (${params.type}) ${placement.property}`;
  const read = readTemplateValue(value, params.context);
  if (!read.known)
    return [
      {
        code: 'unresolved-value',
        where,
        message: `${subject} depends on ${read.why}; it may be another account's.`,
      },
    ];
  const accounts = read.texts.map(accountOf);
  const foreign = read.texts.filter((_text, index) => accounts[index] === 'other');
  if (foreign.length > 0)
    return [
      {
        code: 'unseen-effect',
        where,
        message: `${subject} names ${foreign.join(' or ')}, in an account the template names by its id: what that account does with it cannot be judged.`,
      },
    ];
  if (accounts.includes('unknown'))
    return [
      {
        code: 'unresolved-value',
        where,
        message: `${subject} is an ARN whose account is built from a resource's name or attribute, not from AWS::AccountId; it may name another account.`,
      },
    ];
  return [];
}

/** `this`: a name, key id, placeholder or `${AWS::AccountId}` ARN; `other`: a literal account id; `unknown`: a resource's name in the account position. */
function accountOf(text: string): 'this' | 'other' | 'unknown' {
  if (!text.startsWith('arn:')) return 'this';
  const account = text.split(':')[4] ?? '';
  if (isThisAccount(account)) return 'this';
  return isNamedValue(account) ? 'unknown' : 'other';
}
