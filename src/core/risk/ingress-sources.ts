import { isPlainObject } from '../cfn/is-plain-object.js';
import { resourceType } from './free-value-types.js';
import {
  isNamedValue,
  isThisAccount,
  readTemplateValue,
  type TemplateValue,
  type TemplateValueContext,
} from './read-template-value.js';

/** Where one ingress rule lets traffic in from, as far as the template shows it. */
export type IngressSource =
  /** CIDR texts as written (for a prefix list of this template, its entries). */
  | {
      readonly kind: 'addresses';
      readonly field: string;
      readonly where: string;
      readonly texts: readonly string[];
    }
  /** A value only known at deploy time; `why` says which. */
  | { readonly kind: 'unknown'; readonly field: string; readonly where: string; readonly why: string }
  /** A managed prefix list made outside this template: its entries are not in the change. */
  | { readonly kind: 'prefix-list'; readonly field: string; readonly where: string; readonly name: string }
  /** Another account's security group (`SourceSecurityGroupOwnerId`): whatever it puts in it comes in. */
  | {
      readonly kind: 'other-account';
      readonly field: string;
      readonly where: string;
      readonly accounts: readonly string[];
    };

/**
 * The sources of one ingress rule (`where` is the rule's location): `CidrIp`, `CidrIpv6`,
 * `SourcePrefixListId` and `SourceSecurityGroupOwnerId` (AWS CloudFormation Template Reference,
 * "AWS::EC2::SecurityGroup Ingress").
 * A prefix list made by this template (`AWS::EC2::PrefixList`) is read through its `Entries`;
 * any other (an id, a parameter, an AWS-managed list) can hold any address, even `0.0.0.0/0`.
 */
export function ingressSources(
  rule: Record<string, unknown>,
  where: string,
  context: TemplateValueContext,
): IngressSource[] {
  const sources: IngressSource[] = [];
  for (const field of ['CidrIp', 'CidrIpv6'] as const) {
    if (!(field in rule)) continue;
    const at = `${where}.${field}`;
    const value = vpcRange(rule[field], context) ?? readTemplateValue(rule[field], context);
    sources.push(
      value.known
        ? { kind: 'addresses', field, where: at, texts: value.texts }
        : { kind: 'unknown', field, where: at, why: value.why },
    );
  }
  if ('SourcePrefixListId' in rule)
    sources.push(prefixListSource(rule['SourcePrefixListId'], `${where}.SourcePrefixListId`, context));
  if ('SourceSecurityGroupOwnerId' in rule) {
    const owner = ownerSource(
      rule['SourceSecurityGroupOwnerId'],
      `${where}.SourceSecurityGroupOwnerId`,
      context,
    );
    if (owner !== undefined) sources.push(owner);
  }
  return sources;
}

/**
 * A source group's owner account: none when it is this account (`AWS::AccountId`, a placeholder), the
 * accounts named otherwise (a literal id may be another's: the template cannot say it is this one).
 */
function ownerSource(
  value: unknown,
  where: string,
  context: TemplateValueContext,
): IngressSource | undefined {
  const field = 'SourceSecurityGroupOwnerId';
  const owner = readTemplateValue(value, context);
  if (!owner.known) return { kind: 'unknown', field, where, why: owner.why };
  // Only AWS::AccountId is known to be this account: a resource's name may be any account's id.
  if (owner.texts.some((text) => isNamedValue(text) && !isThisAccount(text)))
    return { kind: 'unknown', field, where, why: "another resource's name or attribute" };
  const accounts = owner.texts.filter((text) => !isThisAccount(text));
  return accounts.length === 0 ? undefined : { kind: 'other-account', field, where, accounts };
}

function prefixListSource(value: unknown, where: string, context: TemplateValueContext): IngressSource {
  const field = 'SourcePrefixListId';
  const id = referencedResource(value);
  const resource = id === undefined ? undefined : context.resources?.[id];
  if (!isPlainObject(resource) || resource['Type'] !== 'AWS::EC2::PrefixList') {
    const name = readTemplateValue(value, context);
    return {
      kind: 'prefix-list',
      field,
      where,
      name: name.known ? name.texts.join(', ') : 'a computed prefix list',
    };
  }
  const entries = isPlainObject(resource['Properties']) ? resource['Properties']['Entries'] : undefined;
  if (!Array.isArray(entries))
    return { kind: 'unknown', field, where, why: `the entries of prefix list ${id}, which are computed` };
  const cidrs = readTemplateValue(
    entries.map((entry: unknown) => (isPlainObject(entry) ? entry['Cidr'] : entry)),
    context,
  );
  return cidrs.known
    ? { kind: 'addresses', field, where, texts: cidrs.texts }
    : { kind: 'unknown', field, where, why: `an entry of prefix list ${id} (${cidrs.why})` };
}

/**
 * The CIDR of a VPC or subnet of this template (`Fn::GetAtt Vpc.CidrBlock`, or one item of its
 * `Ipv6CidrBlocks` or `CidrBlockAssociations` by `Fn::Select`), read from the resource, since a VPC
 * may be given public address space (Amazon VPC User Guide, "VPC CIDR blocks": private ranges are
 * recommended, not required), whose hosts are on the internet; the texts then count like literals
 * (`publicAddressCount` leaves private ranges out). Undefined when `value` names no such range.
 */
function vpcRange(value: unknown, context: TemplateValueContext): TemplateValue | undefined {
  const select = isPlainObject(value) ? value['Fn::Select'] : undefined;
  const inner = Array.isArray(select) && select.length === 2 ? select[1] : value;
  const attribute = isPlainObject(inner) ? inner['Fn::GetAtt'] : undefined;
  const [id, name] = Array.isArray(attribute)
    ? attribute
    : typeof attribute === 'string'
      ? attribute.split('.')
      : [];
  if (typeof id !== 'string' || typeof name !== 'string') return undefined;
  const type = resourceType(context.resources, id);
  if (type !== 'AWS::EC2::VPC' && type !== 'AWS::EC2::Subnet') return undefined;
  if (name === 'CidrBlock') return ipv4Block(id, context);
  if (name === 'Ipv6CidrBlocks') return ipv6Blocks(id, context);
  if (name === 'CidrBlockAssociations')
    return unknownRange(`${id}.CidrBlockAssociations, association ids, not CIDR blocks`);
  return undefined;
}

/** A VPC's or subnet's `CidrBlock`; unknown when IPAM allocates it (`Ipv4IpamPoolId`) or it is computed. */
function ipv4Block(id: string, context: TemplateValueContext): TemplateValue {
  const cidr = propertiesOf(id, context)['CidrBlock'];
  if (cidr === undefined) return unknownRange(`${id}.CidrBlock, allocated when the stack is deployed`);
  const read = readTemplateValue(cidr, context);
  return read.known ? read : unknownRange(`${id}.CidrBlock, ${read.why}`);
}

/**
 * A VPC's IPv6 blocks: those of its `AWS::EC2::VPCCidrBlock` resources here. One Amazon provides
 * (`AmazonProvidedIpv6CidrBlock`, no pool) is a /56 of Amazon's space that only this VPC is given,
 * so no internet host sends from it: nothing to count. A block of one's own (`Ipv6CidrBlock`) is
 * read; a pool's (`Ipv6Pool`, `Ipv6IpamPoolId`) or none declared here (added elsewhere) is unknown.
 * A subnet's are its VPC's (its block lies inside them).
 */
function ipv6Blocks(id: string, context: TemplateValueContext): TemplateValue {
  const properties = propertiesOf(id, context);
  if (resourceType(context.resources, id) === 'AWS::EC2::Subnet') {
    const vpc = referencedResource(properties['VpcId']);
    return vpc !== undefined && resourceType(context.resources, vpc) === 'AWS::EC2::VPC'
      ? ipv6Blocks(vpc, context)
      : unknownRange(`the IPv6 blocks of ${id}'s VPC, not made in this template`);
  }
  const blocks = Object.keys(context.resources ?? {}).filter(
    (other) =>
      resourceType(context.resources, other) === 'AWS::EC2::VPCCidrBlock' &&
      referencedResource(propertiesOf(other, context)['VpcId']) === id,
  );
  const texts: string[] = [];
  for (const block of blocks) {
    const association = propertiesOf(block, context);
    if ('Ipv6Pool' in association || 'Ipv6IpamPoolId' in association)
      return unknownRange(`the IPv6 block ${block} takes from a pool`);
    if ('Ipv6CidrBlock' in association) {
      const read = readTemplateValue(association['Ipv6CidrBlock'], context);
      if (!read.known) return unknownRange(`${block}.Ipv6CidrBlock, ${read.why}`);
      texts.push(...read.texts);
    } else if (association['AmazonProvidedIpv6CidrBlock'] !== true && !('CidrBlock' in association))
      return unknownRange(`the IPv6 block ${block} associates`);
  }
  return blocks.length === 0
    ? unknownRange(`the IPv6 blocks of ${id}, none of which this template associates`)
    : { known: true, texts };
}

function propertiesOf(id: string, context: TemplateValueContext): Record<string, unknown> {
  const resource = context.resources?.[id];
  const properties = isPlainObject(resource) ? resource['Properties'] : undefined;
  return isPlainObject(properties) ? properties : {};
}

function unknownRange(why: string): TemplateValue {
  return { known: false, why };
}

/** The logical id a `Ref` or `Fn::GetAtt` names, if it is one of those. */
function referencedResource(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  if (typeof value['Ref'] === 'string') return value['Ref'];
  const attribute = value['Fn::GetAtt'];
  const target = Array.isArray(attribute)
    ? attribute[0]
    : typeof attribute === 'string'
      ? attribute.split('.')[0]
      : undefined;
  return typeof target === 'string' ? target : undefined;
}
