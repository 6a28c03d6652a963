import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseCidrBlock, type CidrBlock } from './cidr-block.js';
import { ingressSources } from './ingress-sources.js';
import { isOwnResource } from './is-own-resource.js';
import { openAddressSpace } from './open-address-space.js';
import { publicAddressCount } from './public-address-count.js';
import type { TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

const GROUP_TYPES: ReadonlySet<string> = new Set(['AWS::EC2::SecurityGroup']);

/**
 * An `AWS::EC2::SecurityGroupIngress` that adds internet addresses to a security group this
 * template does not make (by id, name or parameter): the group's other rules are not in the change,
 * so how much of the internet it lets in together cannot be judged (`ingressBreadthRisks` only
 * sees this template's rules), and many small changes could add up to an open group. Private
 * ranges (`publicAddressCount`) are not flagged, nor ranges open on their own (`ingressRisks`).
 */
export function existingGroupIngressRisks(params: {
  type: string;
  properties: unknown;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  if (params.type !== 'AWS::EC2::SecurityGroupIngress' || !isPlainObject(params.properties)) return [];
  const properties = params.properties;
  const group = properties['GroupId'] ?? properties['GroupName'];
  if (isOwnResource(group, params.context, GROUP_TYPES)) return [];
  const where = `${params.where}.Properties`;
  const texts = ingressSources(properties, where, params.context).flatMap((source) =>
    source.kind === 'addresses' ? source.texts : [],
  );
  const blocks = texts.map(parseCidrBlock).filter((block): block is CidrBlock => block !== undefined);
  // Open on its own: `ingressRisks` says so already.
  if (openAddressSpace(blocks) !== undefined) return [];
  if (publicAddressCount(blocks, 4) + publicAddressCount(blocks, 6) === 0n) return [];
  return [
    {
      code: 'unseen-effect',
      where,
      message: `Adds ingress from internet addresses (${texts.join(', ')}) to a security group this change does not make; its other rules are not shown, so what it lets in together cannot be judged.`,
    },
  ];
}
