import { isPlainObject } from '../cfn/is-plain-object.js';

/** The text of a policy written as `Fn::Sub` or `Fn::Join`, and the variables its `${…}` name. */
export interface PolicyText {
  readonly text: string;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The JSON text a `Fn::Sub` (`"…"` or `["…", {vars}]`) or `Fn::Join` (`[separator, [parts]]`)
 * stands for, with each part that is not a literal written as a `${__partN}` variable, so the text
 * can be parsed as a policy and its values judged as `Fn::Sub` values (AWS CloudFormation User
 * Guide, "Fn::Sub", "Fn::Join"). Undefined for any other value or a malformed intrinsic.
 */
export function policyText(value: unknown): PolicyText | undefined {
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return undefined;
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') return { text: sub, variables: undefined };
  if (Array.isArray(sub) && typeof sub[0] === 'string')
    return { text: sub[0], variables: isPlainObject(sub[1]) ? sub[1] : undefined };
  const join = value['Fn::Join'];
  if (!Array.isArray(join) || typeof join[0] !== 'string' || !Array.isArray(join[1])) return undefined;
  const variables: Record<string, unknown> = {};
  const parts = join[1].map((part: unknown, index) => {
    // A literal `${` in Fn::Join is not a variable: `${!…}` keeps it literal when read as Fn::Sub.
    if (typeof part === 'string') return part.replaceAll('${', '${!');
    variables[`__part${index}`] = part;
    return `\${__part${index}}`;
  });
  return { text: parts.join(join[0]), variables };
}

/**
 * The long-form policy document a policy text stands for: its JSON parsed, and every string holding
 * a `${…}` turned back into a `Fn::Sub` so deploy-time values are judged as such. Undefined when the
 * text is not JSON once written out (a variable outside a string, a broken part): such a policy
 * cannot be read and must be treated as broad by the caller.
 */
export function rebuildPolicyDocument(policy: PolicyText): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy.text) as unknown;
  } catch {
    return undefined;
  }
  const restore = (value: unknown): unknown => {
    if (typeof value === 'string')
      return value.includes('${')
        ? { 'Fn::Sub': policy.variables === undefined ? value : [value, policy.variables] }
        : value;
    if (Array.isArray(value)) return value.map(restore);
    if (isPlainObject(value))
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, restore(child)]));
    return value;
  };
  return restore(parsed);
}
