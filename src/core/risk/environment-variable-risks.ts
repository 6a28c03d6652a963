import { isPlainObject } from '../cfn/is-plain-object.js';
import { codeLoadingVariableRisks } from './code-loading-environment-risks.js';
import { ifBranches } from './if-branches.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';
import { trafficRedirectVariableRisks } from './traffic-redirect-environment-risks.js';
import { valuesAtPath } from './values-at-path.js';

/** Function types whose `Environment.Variables` the Lambda runtime reads before the handler. */
const FUNCTION_TYPES: ReadonlySet<string> = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/** One environment variable a function sets, as each variable rule reads it. */
export interface EnvironmentVariable {
  readonly name: string;
  /** The value as written (a string, or an intrinsic). */
  readonly setting: unknown;
  /** `<file>#Resources.<Id>.Properties.Environment.Variables.<NAME>`. */
  readonly where: string;
  /** `<LogicalId> (<Type>)`, for messages. */
  readonly subject: string;
  readonly resource: ResourceRiskInput;
}

/** The rules every variable is judged by: what it makes the runtime load, and where it sends traffic. */
const VARIABLE_RULES: readonly ((variable: EnvironmentVariable) => RiskReason[])[] = [
  codeLoadingVariableRisks,
  trafficRedirectVariableRisks,
];

/**
 * The environment of a Lambda function (or SAM function, or SAM `Globals.Function`), variable by
 * variable, through `VARIABLE_RULES` (`codeLoadingVariableRisks`, `trafficRedirectVariableRisks`).
 * Each `Fn::If` branch is read; `Variables` computed as a whole (another intrinsic) is one
 * `unresolved-value`, since it may name any variable. `where` is
 * `<file>#Resources.<Id>.Properties.Environment.Variables[.<NAME>]`. Pure; never throws.
 */
export function environmentVariableRisks(params: ResourceRiskInput): RiskReason[] {
  if (!FUNCTION_TYPES.has(params.type)) return [];
  const subject = `${params.logicalId} (${params.type})`;
  return valuesAtPath(params.properties, ['Environment', 'Variables'])
    .flatMap((written) => ifBranches(written.value, written.at))
    .flatMap(({ value, at }) => {
      const where = `${params.where}.Properties.${at}`;
      if (value === undefined || (isPlainObject(value) && value['Ref'] === 'AWS::NoValue')) return [];
      if (!isPlainObject(value) || Object.keys(value).some((key) => key === 'Ref' || key.startsWith('Fn::')))
        return [
          {
            code: 'unresolved-value' as const,
            where,
            message: `${subject} computes its environment variables at deploy time; they may make the runtime load code this change does not show, or send its traffic elsewhere.`,
          },
        ];
      return Object.entries(value).flatMap(([name, setting]) =>
        VARIABLE_RULES.flatMap((rule) =>
          rule({ name, setting, where: `${where}.${name}`, subject, resource: params }),
        ),
      );
    });
}
