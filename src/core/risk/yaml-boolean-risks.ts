import { isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { RiskReason } from './risk-assessment.js';

/** The YAML 1.1 boolean words that YAML 1.2 reads as text (YAML 1.1 "Boolean Language-Independent Type"). */
const YAML_11_BOOLEAN = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/**
 * `unresolved-value` for each plain (unquoted, untagged) scalar under `Resources` of a YAML
 * template that YAML 1.1 reads as a boolean and YAML 1.2 as a word (`yes`, `on`, `off`…): the
 * classifier parses YAML 1.2, so a Boolean property written `yes` is a text to its rules (none
 * sees `true`), while a YAML 1.1 reader takes it as true. Which one CloudFormation applies is not
 * written down, so the value is ambiguous. A JSON text (or one that is not YAML) has none.
 * `where` is `<file>#Resources.<Id>.<path>`.
 */
export function yamlBooleanRisks(params: { path: string; content: string }): RiskReason[] {
  if (/^\s*[[{]/.test(params.content)) return [];
  const document = parseDocument(params.content, { strict: false, uniqueKeys: false });
  if (document.errors.length > 0) return [];
  const reasons: RiskReason[] = [];
  visit(document, {
    Scalar(_key, node, ancestors) {
      if (node.type !== 'PLAIN' || node.tag !== undefined || typeof node.value !== 'string') return;
      if (!YAML_11_BOOLEAN.test(node.value)) return;
      const parent = ancestors[ancestors.length - 1];
      if (isPair(parent) && parent.key === node) return;
      const at = pathOf(ancestors, node);
      if (at[0] !== 'Resources') return;
      reasons.push({
        code: 'unresolved-value',
        where: `${params.path}#${at.join('.')}`,
        message: `"${node.value}" is a boolean to a YAML 1.1 reader and a word to YAML 1.2 (how the classifier reads it): the setting is ambiguous.`,
      });
    },
  });
  return reasons;
}

/** Keys (and `[index]`) from the document's root down to `node`. */
function pathOf(ancestors: readonly unknown[], node: unknown): string[] {
  const path: string[] = [];
  for (const [index, ancestor] of ancestors.entries()) {
    const child = ancestors[index + 1] ?? node;
    if (isPair(ancestor) && isScalar(ancestor.key)) path.push(String(ancestor.key.value));
    else if (isSeq(ancestor)) path[path.length - 1] += `[${ancestor.items.indexOf(child as never)}]`;
  }
  return path;
}
