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
