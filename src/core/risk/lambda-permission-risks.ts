import { isPlainObject } from '../cfn/is-plain-object.js';
import {
  isNamedValue,
  isThisAccount,
  readSettingValue,
  readTemplateValue,
  type TemplateValueContext,
} from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * An `AWS::Lambda::Permission` is narrow only when it lets one AWS service in on behalf of one
 * source (`SourceArn` or `SourceAccount`): a service principal without one lets any account's use
 * of that service invoke the function (the confused deputy; AWS Lambda Developer Guide, "Using
 * resource-based policies in Lambda"). `*`, an account, or a public function URL is broad.
 */
export function lambdaPermissionRisks(params: {
  properties: unknown;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const where = `${params.where}.Properties`;
  const reason = (message: string, at = 'Principal'): RiskReason => ({
    code: 'broad-lambda-permission',
    where: `${where}.${at}`,
    message,
  });
  const authType = readSettingValue(properties['FunctionUrlAuthType'], params.context);
  if (properties['FunctionUrlAuthType'] !== undefined && !authType.known)
    return [
      {
        code: 'unresolved-value',
        where: `${where}.FunctionUrlAuthType`,
        message: `FunctionUrlAuthType depends on ${authType.why}; treated as public.`,
      },
    ];
  if (authType.known && authType.texts.includes('NONE'))
    return [reason('Makes the function URL public (FunctionUrlAuthType NONE).', 'FunctionUrlAuthType')];
  const principal = readTemplateValue(properties['Principal'], params.context);
  if (!principal.known)
    return [
      {
        code: 'unresolved-value',
        where: `${where}.Principal`,
        message: `Principal depends on ${principal.why}; treated as broad.`,
      },
    ];
  const scope = sourceScope(properties, params.context);
  if (scope.foreign !== undefined)
    return [reason(`Lets a source in another account (${scope.foreign}) invoke the function.`, scope.at)];
  const scoped = scope.scoped;
  for (const text of principal.texts) {
    if (text === '*') return [reason('Lets anyone invoke the function (Principal "*").')];
    if (!/\.amazonaws\.com(\.cn)?$|\.amazon\.com$/.test(text))
      return [reason(`Lets the account or role "${text}" invoke the function.`)];
    if (!scoped)
      return [
        reason(
          `Lets the service "${text}" invoke the function for any source (no SourceArn or SourceAccount).`,
        ),
      ];
  }
  return [];
}

/** Left out, `Ref: AWS::NoValue`, or an `Fn::If` with such a branch (nested ones too). */
function mayBeAbsent(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isPlainObject(value)) return false;
  if (value['Ref'] === 'AWS::NoValue') return true;
  const choice = value['Fn::If'];
  return Array.isArray(choice) && choice.length === 3 && (mayBeAbsent(choice[1]) || mayBeAbsent(choice[2]));
}

/**
 * How `SourceArn` and `SourceAccount` scope a permission, read by value: `Ref: AWS::NoValue` (alone or
 * as an `Fn::If` branch) is no scope once deployed, and an account id written as a literal (in `SourceAccount` or in the ARN's
 * account position) may be another account's (`foreign`, with where it is). An ARN with no
 * account (an S3 bucket) or one from `AWS::AccountId` or a resource of this template scopes it.
 */
function sourceScope(
  properties: Record<string, unknown>,
  context: TemplateValueContext,
): { scoped: boolean; foreign?: string; at?: string } {
  let scoped = false;
  for (const name of ['SourceArn', 'SourceAccount'] as const) {
    const value = properties[name];
    if (mayBeAbsent(value)) continue;
    scoped = true;
    const read = readTemplateValue(value, context);
    if (!read.known) continue;
    for (const text of read.texts) {
      const account = name === 'SourceAccount' ? text : text.split(':')[4];
      if (account === undefined || account === '' || isNamedValue(account) || isThisAccount(account))
        continue;
      if (name === 'SourceArn' && isNamedValue(text)) continue;
      return { scoped, foreign: text, at: name };
    }
  }
  return { scoped };
}
