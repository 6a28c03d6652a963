import { isPlainObject } from '../cfn/is-plain-object.js';
import { findPolicyDocuments } from './find-policy-documents.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';
import { valuesAtPath } from './values-at-path.js';

/**
 * Where reviewed types keep a resource policy (AWS CloudFormation Template Reference for each type:
 * `Json` properties, written as an object or as JSON text): the policy rules judge what
 * `findPolicyDocuments` finds there by shape, which a value only known at deploy time (a parameter,
 * `Fn::ImportValue`, a dynamic reference) does not have.
 */
const POLICY_PATHS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ['AWS::ApiGateway::RestApi', [['Policy']]],
  ['AWS::S3::BucketPolicy', [['PolicyDocument']]],
  ['AWS::SQS::QueuePolicy', [['PolicyDocument']]],
  ['AWS::SNS::TopicPolicy', [['PolicyDocument']]],
  ['AWS::KMS::Key', [['KeyPolicy']]],
  ['AWS::DynamoDB::Table', [['ResourcePolicy', 'PolicyDocument']]],
]);

/**
 * `unresolved-value` for a resource policy (`POLICY_PATHS`) set to something no policy document is
 * found in (`findPolicyDocuments`), on any `Fn::If` branch: a parameter, an import or a dynamic
 * reference may hold any policy, `Principal: "*"` included, so it counts as broad. `where` is
 * `<file>#Resources.<Id>.Properties.<path>`.
 */
export function unreadablePolicyRisks(params: ResourceRiskInput): RiskReason[] {
  return (POLICY_PATHS.get(params.type) ?? []).flatMap((path) =>
    valuesAtPath(params.properties, path).flatMap(({ value, at }) => {
      const property = path[path.length - 1] ?? '';
      const unreadable = branches(value).some(
        (branch) => findPolicyDocuments({ [property]: branch }).length === 0,
      );
      return unreadable
        ? [
            {
              code: 'unresolved-value' as const,
              where: `${params.where}.Properties.${at}`,
              message: `${params.logicalId} (${params.type}) sets its resource policy ${at} to a value only known at deploy time (a parameter, an import, a dynamic reference…); treated as broad.`,
            },
          ]
        : [];
    }),
  );
}

/** Every value an `Fn::If` may take (nested ones too); `Ref: AWS::NoValue` and a left-out value are none. */
function branches(value: unknown): unknown[] {
  if (value === undefined) return [];
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return [value];
  if (value['Ref'] === 'AWS::NoValue') return [];
  const choice = value['Fn::If'];
  if (!Array.isArray(choice) || choice.length !== 3) return [value];
  return [...branches(choice[1]), ...branches(choice[2])];
}
