import { isPlainObject } from './is-plain-object.js';

/** One intrinsic function call found in a template: `{ Ref: ... }`, `{ 'Fn::X': ... }` or a condition reference. */
export interface IntrinsicCall {
  readonly name: string;
  readonly args: unknown;
  /** Where the call sits, e.g. `Resources.Fn.Properties.Role`. */
  readonly location: string;
}

export interface WalkParams {
  readonly value: unknown;
  readonly location: string;
  readonly visit: (call: IntrinsicCall) => void;
  /** Inside `Conditions` and the operands of `Fn::And`/`Or`/`Not`, `{ Condition: Name }` references a condition. */
  readonly inConditionExpression?: boolean;
}

const CONDITION_OPERATORS = new Set(['Fn::And', 'Fn::Or', 'Fn::Not']);

/** Visits every intrinsic call in a value, however deeply nested, including calls inside other calls' arguments. */
export function walkIntrinsics(params: WalkParams): void {
  const { value, location, visit, inConditionExpression = false } = params;
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      walkIntrinsics({ value: item, location: `${location}[${index}]`, visit, inConditionExpression }),
    );
    return;
  }
  if (!isPlainObject(value)) return;
  const call = asIntrinsicCall(value, location, inConditionExpression);
  if (call !== undefined) {
    visit(call);
    walkIntrinsics({
      value: call.args,
      location: `${location}.${call.name}`,
      visit,
      inConditionExpression: CONDITION_OPERATORS.has(call.name),
    });
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    walkIntrinsics({ value: child, location: `${location}.${key}`, visit });
  }
}

function asIntrinsicCall(
  value: Record<string, unknown>,
  location: string,
  inConditionExpression: boolean,
): IntrinsicCall | undefined {
  const keys = Object.keys(value);
  const [name] = keys;
  if (keys.length !== 1 || name === undefined) return undefined;
  const isCall = name === 'Ref' || name.startsWith('Fn::') || (inConditionExpression && name === 'Condition');
  return isCall ? { name, args: value[name], location } : undefined;
}
