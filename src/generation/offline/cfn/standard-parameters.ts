import { notEquals, ref } from './intrinsics.js';
import type { TemplatePart } from './template-part.js';
import { isProductionName } from '../../../core/config/is-production-name.js';

export interface StandardParametersParams {
  readonly environment: string;
  /** Stacks with Lambda functions take the code location, log retention and an alarm topic. */
  readonly withFunctionCode: boolean;
  /** The default of LogRetentionDays (`logRetentionDefault`: the days the request asks); else `logRetentionDays(environment)`. */
  readonly logDays?: number;
}

export const ENVIRONMENT_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$';

/** Parameters shared by the blueprints: the environment (defaulting to the requested one), and for function stacks code location and alarm target. */
export function standardParameters({
  environment,
  withFunctionCode,
  logDays,
}: StandardParametersParams): TemplatePart {
  const code = withFunctionCode
    ? {
        CodeS3Bucket: {
          Type: 'String',
          MinLength: 3,
          Description: 'S3 bucket holding the function bundle (function.zip) built by npm run package',
        },
        CodeS3Key: {
          Type: 'String',
          MinLength: 1,
          Description:
            'Object key of the function bundle; use a new key per build (e.g. the git sha) so a new version is published',
        },
        LogRetentionDays: {
          Type: 'Number',
          Default: logDays ?? logRetentionDays(environment),
          AllowedValues: logRetentionChoices(logDays),
          Description: 'How long function logs are kept',
        },
        AlarmTopicArn: {
          Type: 'String',
          Default: '',
          Description: 'Optional SNS topic ARN that alarms notify; empty for none',
        },
      }
    : {};
  return {
    parameters: {
      EnvironmentName: {
        Type: 'String',
        Default: environment,
        AllowedPattern: ENVIRONMENT_PATTERN,
        Description: 'Target environment; used in tags and names',
      },
      ...code,
    },
    ...(withFunctionCode ? { conditions: { HasAlarmTopic: notEquals(ref('AlarmTopicArn'), '') } } : {}),
  };
}

/** The retentions a stack may be deployed with, in days. */
export const LOG_RETENTION_CHOICES: readonly number[] = [7, 14, 30, 90, 180, 365];

/**
 * LOG_RETENTION_CHOICES with the days asked (`logDays`, one CloudWatch accepts) among them, in
 * order: what was asked is deployable, and no shorter choice than asked is added.
 */
export function logRetentionChoices(logDays?: number): number[] {
  return [...new Set([...LOG_RETENTION_CHOICES, ...(logDays === undefined ? [] : [logDays])])].sort(
    (left, right) => left - right,
  );
}

/** How long the log groups keep logs by default, in days: a year in production, 30 days elsewhere. */
export function logRetentionDays(environment: string): number {
  return isProduction(environment) ? 365 : 30;
}

/** Production-shaped resources (longer log retention, deletion protection) for the names `isProductionName` calls production. */
export function isProduction(environment: string): boolean {
  return isProductionName(environment);
}
