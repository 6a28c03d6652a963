import { isRecord } from '../request/is-record.js';
import { parseTemplate } from './parse-template.js';

/**
 * The names of the template's parameters declared `NoEcho: true` (or `'true'`, as YAML may write
 * it): values CloudFormation itself never shows back (AWS CloudFormation User Guide, "Parameters":
 * NoEcho). Pure; a template that does not parse, or has no `Parameters` section, has none.
 */
export function noEchoParameters(template: string): ReadonlySet<string> {
  const parsed = parseTemplate(template);
  if (!parsed.ok || !isRecord(parsed.template)) return new Set();
  const declared = parsed.template['Parameters'];
  if (!isRecord(declared)) return new Set();
  return new Set(
    Object.entries(declared)
      .filter(
        ([, definition]) => isRecord(definition) && String(definition['NoEcho']).toLowerCase() === 'true',
      )
      .map(([name]) => name),
  );
}
