import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseCidrBlock, type CidrBlock } from './cidr-block.js';
import { ingressRules } from './ingress-rules.js';
import { ingressSources } from './ingress-sources.js';
import { openAddressSpace } from './open-address-space.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * Ingress that is open only in sum: the union of the address ranges of every ingress rule in the
 * bundle's templates (security groups' own lists, `AWS::EC2::SecurityGroupIngress` resources,
 * prefix lists of the same template, other firewalls' rules: `ingressRules`), judged with
 * `openAddressSpace` — so 128 rules of `/8` are half the internet, as one `/1` is. All groups count
 * together, whichever group a rule is on: one instance or load balancer may carry several groups,
 * and its ingress is their union (Amazon VPC User Guide, "Security groups": rules of all associated
 * groups are aggregated); a group one stack exports may be attached beside another stack's, so the
 * union is over every template, not each alone. A range that is open alone is reported where it is
 * written (`ingressRisks`) and not again here. `templates` are parsed (long form); one that is not
 * a mapping with `Resources` adds nothing.
 */
export function ingressBreadthRisks(params: {
  templates: readonly { readonly path: string; readonly template: unknown }[];
}): RiskReason[] {
  const blocks: CidrBlock[] = [];
  const owners = new Set<string>();
  const paths = new Set<string>();
  for (const { path, template } of params.templates) {
    if (!isPlainObject(template) || !isPlainObject(template['Resources'])) continue;
    const resources = template['Resources'];
    const context = { parameters: template['Parameters'], resources };
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (!isPlainObject(resource) || typeof resource['Type'] !== 'string') continue;
      const { rules } = ingressRules({
        type: resource['Type'],
        properties: resource['Properties'],
        where: logicalId,
      });
      for (const { rule, where } of rules) {
        if (!isPlainObject(rule)) continue;
        for (const source of ingressSources(rule, where, context)) {
          if (source.kind !== 'addresses') continue;
          for (const text of source.texts) {
            const block = parseCidrBlock(text);
            if (block === undefined) continue;
            if (openAddressSpace([block]) !== undefined) return [];
            blocks.push(block);
            owners.add(params.templates.length === 1 ? logicalId : `${path}#${logicalId}`);
            paths.add(path);
          }
        }
      }
    }
  }
  const open = openAddressSpace(blocks);
  if (open === undefined) return [];
  const ids = [...owners];
  const files = [...paths];
  const where =
    files.length > 1
      ? files.join(', ')
      : `${files[0] ?? ''}#Resources${ids.length === 1 ? `.${ids[0] ?? ''}` : ''}`;
  const size =
    open.family === 4 ? open.count.toLocaleString('en-US') : `about 2^${open.count.toString(2).length - 1}`;
  return [
    {
      code: 'open-ingress',
      where,
      message:
        `The ingress rules of ${ids.join(', ')} together let in ${size} public IPv${open.family} addresses ` +
        `(${blocks.length} ranges), more than one ${open.family === 4 ? '/8' : '/16'} holds: a large share of the internet.`,
    },
  ];
}
