import { isPlainObject } from '../cfn/is-plain-object.js';

/**
 * Where the value of one template parameter may come from:
 * - `declared`: as the parameter named `name` declares it (`declaration`): its `Default` or one of
 *   its `AllowedValues` — what a stack deployed from the template on its own gets (the deploy run
 *   passes only the code upload's parameters), and what a nested stack gets when its parent passes
 *   nothing for it. The parameter may be another template's: a parent's, whose value it passes on.
 * - `passed`: a literal a parent stack passes in its nested stack's `Parameters`.
 * - `computed`: anything else a parent passes (an intrinsic, a pseudo parameter, a value read from
 *   Parameter Store), only known at deploy time; `why` says what, for reasons.
 */
export type ParameterOrigin =
  | {
      readonly kind: 'declared';
      readonly name: string;
      readonly declaration: Readonly<Record<string, unknown>>;
    }
  | { readonly kind: 'passed'; readonly value: string }
  | { readonly kind: 'computed'; readonly why: string };

/**
 * How a template is deployed, for its parameters: `standalone` when it is judged as a stack of its
 * own (its declarations hold), and, by parameter name, the origins its parents' nested stacks give
 * (`nestedParameterBindings`). A parameter no parent passes has the `declared` origin there.
 */
export interface ParameterBindings {
  readonly standalone: boolean;
  readonly passed: ReadonlyMap<string, readonly ParameterOrigin[]>;
}

/** What `parameterOrigins` reads: a template's `Parameters` section and how the template is deployed. */
export interface ParameterScope {
  /** The template's `Parameters` section (long form), or undefined. */
  readonly parameters: unknown;
  /** How the template is deployed; absent, on its own only (every declaration holds). */
  readonly bindings?: ParameterBindings | undefined;
}

/**
 * Every origin the value of parameter `name` of a template may have: the one place rules ask what a
 * `Ref` to a parameter holds, so that a parameter's `Default` is trusted only where it is the value
 * (a stack on its own, or a nested stack whose parent passes nothing for it) and a parent's passed
 * value is judged where it replaces it (AWS CloudFormation Template Reference,
 * "AWS::CloudFormation::Stack" `Parameters`: "the set value pairs that represent the parameters
 * passed to CloudFormation when this nested stack is created"). Empty when `name` is not a
 * parameter the template declares (a mapping). Pure.
 */
export function parameterOrigins(scope: ParameterScope, name: string): readonly ParameterOrigin[] {
  const declaration = isPlainObject(scope.parameters) ? scope.parameters[name] : undefined;
  if (!isPlainObject(declaration)) return [];
  const own: ParameterOrigin[] =
    scope.bindings === undefined || scope.bindings.standalone
      ? [{ kind: 'declared', name, declaration }]
      : [];
  return [...own, ...(scope.bindings?.passed.get(name) ?? [])];
}

/**
 * The values a parameter's `declared` origin may hold: its `Default` (undefined when it has none: a
 * value chosen at deploy time) and each `AllowedValues` entry (a value set at deploy time must be
 * one of them), as written.
 */
export function declaredValues(declaration: Readonly<Record<string, unknown>>): readonly unknown[] {
  const allowed = Array.isArray(declaration['AllowedValues'])
    ? (declaration['AllowedValues'] as unknown[])
    : [];
  return [declaration['Default'], ...allowed];
}
