import { isPlainObject } from '../cfn/is-plain-object.js';
import { hasDuplicateJsonKeys } from './has-duplicate-json-keys.js';
import { policyText } from './rebuild-policy-text.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/**
 * `unresolved-value` for each JSON text in a resource's properties (a `Json` property written as
 * text, plain or built with `Fn::Sub`/`Fn::Join`) that names a key twice in one object
 * (`hasDuplicateJsonKeys`): the classifier reads the last one (`JSON.parse`), the service may read
 * the first, so what the text does is ambiguous. `where` is `<file>#Resources.<Id>.Properties.<path>`.
 */
export function jsonTextRisks(params: ResourceRiskInput): RiskReason[] {
  const reasons: RiskReason[] = [];
  const visit = (value: unknown, at: string): void => {
    const text = typeof value === 'string' ? value : policyText(value)?.text;
    if (text !== undefined && /^\s*[[{]/.test(text)) {
      if (hasDuplicateJsonKeys(text))
        reasons.push({
          code: 'unresolved-value',
          where: `${params.where}.${at}`,
          message: `${params.logicalId} (${params.type}) has a JSON text that names a key twice in one object: which value the service reads is its parser's choice.`,
        });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${at}[${index}]`));
    else if (isPlainObject(value))
      for (const [key, inner] of Object.entries(value)) visit(inner, `${at}.${key}`);
  };
  visit(params.properties, 'Properties');
  return reasons;
}
