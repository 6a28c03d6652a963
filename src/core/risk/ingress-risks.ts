import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseCidrBlock } from './cidr-block.js';
import { ingressRules } from './ingress-rules.js';
import { ingressSources, type IngressSource } from './ingress-sources.js';
import { openAddressSpace } from './open-address-space.js';
import { isNamedValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * Security group ingress rules (`ingressRules`) that each alone let in (a large share of) the
 * internet (`openAddressSpace`: `0.0.0.0/0`, `0.0.0.0/1`, `::/0`…), and every source the template
 * does not show: a CIDR or rule list only known at deploy time, a text that is not a CIDR, a
 * prefix list made elsewhere — each treated as open. The union of many narrower rules is judged
 * across the template by `ingressBreadthRisks`.
 */
export function ingressRisks(params: {
  type: string;
  properties: unknown;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  const { rules, computedLists } = ingressRules(params);
  const reasons: RiskReason[] = computedLists.map((where) => ({
    code: 'unresolved-value',
    where,
    message: 'The ingress rules are only known when the stack is deployed; treated as open to the internet.',
  }));
  for (const { rule, where } of rules) {
    if (!isPlainObject(rule))
      reasons.push({
        code: 'unresolved-value',
        where,
        message: 'An ingress rule only known when the stack is deployed; treated as open to the internet.',
      });
    else
      for (const source of ingressSources(rule, where, params.context))
        reasons.push(...sourceRisks(source, describePorts(rule)));
  }
  return reasons;
}

function sourceRisks(source: IngressSource, ports: string): RiskReason[] {
  const { field, where } = source;
  if (source.kind === 'unknown')
    return [
      {
        code: 'unresolved-value',
        where,
        message: `Ingress ${field} depends on ${source.why}; treated as open to the internet.`,
      },
    ];
  if (source.kind === 'other-account')
    return [
      {
        code: 'open-ingress',
        where,
        message: `Opens ${ports} to a security group of account ${source.accounts.join(' or ')}: whatever that account puts in it comes in.`,
      },
    ];
  if (source.kind === 'prefix-list')
    return [
      {
        code: 'unseen-effect',
        where,
        message: `Opens ${ports} to prefix list ${source.name}, whose addresses this change does not show; treated as open to the internet.`,
      },
    ];
  if (source.texts.some(isNamedValue))
    return [
      {
        code: 'unresolved-value',
        where,
        message: `Ingress ${field} comes from another resource's value, which cannot be read as a CIDR; treated as open to the internet.`,
      },
    ];
  const texts = source.texts;
  const unreadable = texts.filter((text) => parseCidrBlock(text) === undefined);
  if (unreadable.length > 0)
    return [
      {
        code: 'unresolved-value',
        where,
        message: `Ingress ${field} "${unreadable.join('", "')}" is not a CIDR the classifier can read; treated as open to the internet.`,
      },
    ];
  const open = texts.filter((text) => {
    const block = parseCidrBlock(text);
    return block !== undefined && openAddressSpace([block]) !== undefined;
  });
  return open.length === 0
    ? []
    : [
        {
          code: 'open-ingress',
          where,
          message: `Opens ${ports} to the internet or a large share of it (${open.join(', ')}).`,
        },
      ];
}

/** `port 22`, `ports 8000-8080`, or `ingress` when the rule's ports are not plain numbers. */
export function describePorts(rule: Record<string, unknown>): string {
  const from = rule['FromPort'];
  const to = rule['ToPort'];
  if (typeof from === 'number' && typeof to === 'number')
    return from === to ? `port ${from}` : `ports ${from}-${to}`;
  return 'ingress';
}
