import { isPlainObject } from '../cfn/is-plain-object.js';
import { readSettingValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * A Lambda function URL with `AuthType: NONE` lets anyone on the internet call the function
 * without signing requests (AWS Lambda Developer Guide, "Control access to Lambda function URLs"),
 * whether the function is in this template or an existing one named by ARN. Read on
 * `AWS::Lambda::Url` and on a SAM function's `FunctionUrlConfig` (which SAM turns into one); an
 * auth type only known at deploy time counts as `NONE`.
 */
export function functionUrlRisks(params: {
  type: string;
  properties: unknown;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const found =
    params.type === 'AWS::Lambda::Url'
      ? { config: properties, at: `${params.where}.Properties.AuthType` }
      : params.type === 'AWS::Serverless::Function' && properties['FunctionUrlConfig'] !== undefined
        ? {
            config: properties['FunctionUrlConfig'],
            at: `${params.where}.Properties.FunctionUrlConfig.AuthType`,
          }
        : undefined;
  if (found === undefined) return [];
  const authType = readSettingValue(
    isPlainObject(found.config) ? found.config['AuthType'] : found.config,
    params.context,
  );
  if (!authType.known)
    return [
      {
        code: 'unresolved-value',
        where: found.at,
        message: `The function URL's AuthType depends on ${authType.why}; treated as public.`,
      },
    ];
  return authType.texts.includes('NONE')
    ? [
        {
          code: 'broad-lambda-permission',
          where: found.at,
          message: 'Makes a function URL anyone on the internet can call without signing in (AuthType NONE).',
        },
      ]
    : [];
}
