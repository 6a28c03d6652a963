import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseCidrBlock, type CidrBlock } from './cidr-block.js';
import { ingressRules } from './ingress-rules.js';
import { ingressSources } from './ingress-sources.js';
import { openAddressSpace } from './open-address-space.js';
import type { TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * Ingress that is open only in sum: the union of the address ranges of every ingress rule in the
 * template (security groups' own lists, `AWS::EC2::SecurityGroupIngress` resources, prefix lists
 * of this template), judged with `openAddressSpace` — so 128 rules of `/8` are half the internet,
 * as one `/1` is. All groups count together, whichever group a rule is on: one instance or load
 * balancer may carry several groups, and its ingress is their union (Amazon VPC User Guide,
 * "Security groups": rules of all associated groups are aggregated). A range that is open alone
 * is reported where it is written (`ingressRisks`) and not again here.
 */
export function ingressBreadthRisks(params: { path: string; context: TemplateValueContext }): RiskReason[] {
  const blocks: CidrBlock[] = [];
  const owners = new Set<string>();
  for (const [logicalId, resource] of Object.entries(params.context.resources ?? {})) {
    if (!isPlainObject(resource) || typeof resource['Type'] !== 'string') continue;
    const { rules } = ingressRules({
      type: resource['Type'],
      properties: resource['Properties'],
      where: logicalId,
    });
    for (const { rule, where } of rules) {
      if (!isPlainObject(rule)) continue;
      for (const source of ingressSources(rule, where, params.context)) {
        if (source.kind !== 'addresses') continue;
        for (const text of source.texts) {
          const block = parseCidrBlock(text);
          if (block === undefined) continue;
          if (openAddressSpace([block]) !== undefined) return [];
          blocks.push(block);
          owners.add(logicalId);
        }
      }
    }
  }
  const open = openAddressSpace(blocks);
  if (open === undefined) return [];
  const ids = [...owners];
  const size =
    open.family === 4 ? open.count.toLocaleString('en-US') : `about 2^${open.count.toString(2).length - 1}`;
  return [
    {
      code: 'open-ingress',
      where: `${params.path}#Resources${ids.length === 1 ? `.${ids[0] ?? ''}` : ''}`,
      message:
        `The ingress rules of ${ids.join(', ')} together let in ${size} public IPv${open.family} addresses ` +
        `(${blocks.length} ranges), more than one ${open.family === 4 ? '/8' : '/16'} holds: a large share of the internet.`,
    },
  ];
}
