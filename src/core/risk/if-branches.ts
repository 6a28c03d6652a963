import { isPlainObject } from '../cfn/is-plain-object.js';

/**
 * Every value an `Fn::If` may take (nested ones too), each with where it is (`<at>.Fn::If[1]`);
 * any other value is its own one branch. `Ref: AWS::NoValue` stays as written, for callers to
 * read as no value.
 */
export function ifBranches(value: unknown, at: string): { value: unknown; at: string }[] {
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return [{ value, at }];
  const choice = value['Fn::If'];
  if (!Array.isArray(choice) || choice.length !== 3) return [{ value, at }];
  return [...ifBranches(choice[1], `${at}.Fn::If[1]`), ...ifBranches(choice[2], `${at}.Fn::If[2]`)];
}
