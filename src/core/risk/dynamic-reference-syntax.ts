/**
 * The syntax of a dynamic reference, shared by every reader so that all agree on what is one:
 * `{{resolve:<service>:<name>…}}` (AWS CloudFormation User Guide, "Get values stored in other
 * services using dynamic references"). The guide writes it in lower case with no spaces but does
 * not say CloudFormation refuses other spellings, so `{{`, then spaces, then `resolve` in any case
 * is read as a reference, failing closed.
 */

/**
 * A reference whose service the classifier reads: group 1 the service (any case), group 2 the
 * name up to the next `:` or `}`. Global: use with `matchAll` or `replace`, never `test`.
 */
export const DYNAMIC_REFERENCE = /\{\{\s*resolve\s*:\s*(secretsmanager|ssm-secure|ssm)\s*:([^:}]*)/gi;

/**
 * Anything that may be a reference: `{{` then `resolve` (any case) before the braces close. A text
 * holding one that `DYNAMIC_REFERENCE` does not read is judged as a value only known at deploy time.
 */
export const MAYBE_DYNAMIC_REFERENCE = /\{\{[^}]*resolve/i;

/**
 * A whole text that is one `DYNAMIC_REFERENCE` and nothing else (no text before or after the
 * braces), with an optional `:<version>` (or `:<json-key>:…` for Secrets Manager) after the name:
 * `{{resolve:ssm:<name>}}`, `{{ Resolve : ssm : <name>:3 }}`. Group 1 the service, group 2 the
 * name, group 3 what follows it.
 */
const WHOLE_DYNAMIC_REFERENCE = new RegExp(`^${DYNAMIC_REFERENCE.source}(?::([^}]*))?\\}\\}$`, 'i');

/**
 * The service (lower case), name (spaces around it cut) and what follows the name (`suffix`: a
 * version, a JSON key…; undefined when nothing does) of a text that is exactly one dynamic
 * reference, read with the one syntax every reader shares (`DYNAMIC_REFERENCE`); undefined for
 * any other text, a text holding a reference among other characters included. Pure.
 */
export function wholeDynamicReference(text: string):
  | {
      readonly service: 'secretsmanager' | 'ssm-secure' | 'ssm';
      readonly name: string;
      readonly suffix: string | undefined;
    }
  | undefined {
  const match = WHOLE_DYNAMIC_REFERENCE.exec(text);
  if (match === null) return undefined;
  const service = (match[1] ?? '').toLowerCase() as 'secretsmanager' | 'ssm-secure' | 'ssm';
  return { service, name: (match[2] ?? '').trim(), suffix: match[3] };
}
