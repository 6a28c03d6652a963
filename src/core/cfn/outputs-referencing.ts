import { isRecord } from '../request/is-record.js';
import { parseTemplate } from './parse-template.js';
import { subVariables } from './sub-variables.js';

/**
 * How deep an output's value is walked; past it the output counts as referencing (fails closed).
 * CloudFormation templates nest intrinsics a few levels; a deeper one is no ordinary template.
 */
const MAX_DEPTH = 64;

/**
 * The names of the template's outputs whose `Value` refers to one of `parameters`, anywhere under
 * any intrinsic: `Ref`, a `${Name}` placeholder of `Fn::Sub` (its string or a variable's value),
 * and through `Fn::Base64`, `Fn::Select`, `Fn::Split`, `Fn::Join`, `Fn::If`… CloudFormation
 * evaluates those, so the output's value may carry the parameter's value transformed (base64,
 * pieces of it) where no substring test finds it. Not followed: resources' attributes
 * (`Fn::GetAtt`), whose values are the resource's. A template that does not parse has none. Pure.
 */
export function outputsReferencing(template: string, parameters: ReadonlySet<string>): ReadonlySet<string> {
  if (parameters.size === 0) return new Set();
  const parsed = parseTemplate(template);
  if (!parsed.ok || !isRecord(parsed.template)) return new Set();
  const outputs = parsed.template['Outputs'];
  if (!isRecord(outputs)) return new Set();
  return new Set(
    Object.entries(outputs)
      .filter(([, output]) => isRecord(output) && refersTo(output['Value'], parameters, false, 0))
      .map(([name]) => name),
  );
}

function refersTo(value: unknown, names: ReadonlySet<string>, inSub: boolean, depth: number): boolean {
  if (depth > MAX_DEPTH) return true;
  if (typeof value === 'string')
    return inSub && subVariables(value).some((name) => names.has(name.split('.')[0] ?? name));
  if (Array.isArray(value)) return value.some((item) => refersTo(item, names, inSub, depth + 1));
  if (!isRecord(value)) return false;
  return Object.entries(value).some(([key, inner]) => {
    if (key === 'Ref')
      return typeof inner === 'string' ? names.has(inner) : refersTo(inner, names, inSub, depth + 1);
    if (key === 'Fn::GetAtt') return false;
    return refersTo(inner, names, inSub || key === 'Fn::Sub', depth + 1);
  });
}
