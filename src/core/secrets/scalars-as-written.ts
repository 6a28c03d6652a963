import { isScalar, parseDocument, visit } from 'yaml';
import { cloudFormationTags } from '../cfn/cloudformation-tags.js';
import { MAX_YAML_ALIASES } from '../untrusted/parse-structured-text.js';

/**
 * `template` (what `parseTemplate` read from `text`) with every number and boolean as its text is
 * written (`0012345`, `1e3`, `0x1F`, `True`): the parser reads `0012345` as 12345 and
 * `1234567890123456789012` as 1.2345678901234568e+21, but a parameter's `Default`, a mapping's
 * value or a `!Join` item reaches the stack as the text, and the secrets scan must read that. The
 * text is read again (as YAML, which JSON is too) only when the template holds such a value; a
 * text that does not read back the same way keeps `template`. Pure; bounded as `parseTemplate`
 * (which already read `text`: its size, nesting and aliases).
 */
export function withScalarsAsWritten(text: string, template: unknown): unknown {
  if (!holdsNonString(template)) return template;
  const document = parseDocument(text, { uniqueKeys: false, customTags: [...cloudFormationTags] });
  if (document.errors.length > 0) return template;
  visit(document, {
    Scalar: (_key, node) => {
      if (
        isScalar(node) &&
        (typeof node.value === 'number' || typeof node.value === 'boolean') &&
        typeof node.source === 'string' &&
        node.source !== ''
      )
        node.value = node.source;
    },
  });
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown;
  } catch {
    return template;
  }
}

/** Whether `value` holds a number or boolean anywhere (each object once: YAML aliases share them). */
function holdsNonString(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((item) => holdsNonString(item, seen));
}
