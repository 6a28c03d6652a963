import { getAtt, ref } from './intrinsics.js';
import type { TemplateMap, TemplateValue } from './intrinsics.js';
import { standardTags } from './standard-tags.js';
import type { TemplatePart } from './template-part.js';

export interface LambdaFunctionPartParams {
  /** Logical ID of the function; its role and log group are named after it. */
  readonly id: string;
  readonly slug: string;
  readonly description: string;
  /** `file.export` inside the bundle, e.g. `handler.handler`. */
  readonly handler: string;
  readonly environment?: TemplateMap;
  /** What the function may do beyond writing its own logs; never `*` actions on `*`. */
  readonly statements?: readonly TemplateValue[];
  readonly timeoutSeconds?: number;
  readonly memoryMb?: number;
}

export const LAMBDA_RUNTIME = 'nodejs22.x';

/**
 * A function with its own role and log group. The log group is declared (not left for Lambda to
 * create) so retention applies and the role can be scoped to that one group.
 */
export function lambdaFunctionPart(params: LambdaFunctionPartParams): TemplatePart {
  const { id, slug } = params;
  const logStatement = {
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: getAtt(`${id}LogGroup`, 'Arn'),
  };
  return {
    resources: {
      [`${id}LogGroup`]: {
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: ref('LogRetentionDays'), Tags: standardTags(slug) },
      },
      [`${id}Role`]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          Description: `Execution role of ${id}`,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          },
          Policies: [
            {
              PolicyName: 'least-privilege',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [logStatement, ...(params.statements ?? [])],
              },
            },
          ],
          Tags: standardTags(slug),
        },
      },
      [id]: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Description: params.description,
          Runtime: LAMBDA_RUNTIME,
          Architectures: ['arm64'],
          Handler: params.handler,
          Code: { S3Bucket: ref('CodeS3Bucket'), S3Key: ref('CodeS3Key') },
          Role: getAtt(`${id}Role`, 'Arn'),
          MemorySize: params.memoryMb ?? 256,
          Timeout: params.timeoutSeconds ?? 10,
          LoggingConfig: { LogGroup: ref(`${id}LogGroup`), LogFormat: 'Text' },
          Environment: {
            Variables: { ENVIRONMENT_NAME: ref('EnvironmentName'), ...(params.environment ?? {}) },
          },
          Tags: standardTags(slug),
        },
      },
    },
    outputs: {
      [`${id}Name`]: { Description: `Name of ${id}`, Value: ref(id) },
    },
  };
}
