import { isPlainObject } from '../cfn/is-plain-object.js';
import { isNamedValue, readTemplateValue } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/** A property naming the KMS key that encrypts a resource's data (`KmsMasterKeyId`, `KMSMasterKeyID`, `KmsKeyId`, `KmsKeyArn`, `SSEKMSKeyId`…). */
const KEY_PROPERTY = /kms\w*key(id|arn|identifier)?$/i;

/**
 * `data-egress` for data kept under a KMS key that may be another account's: a key or alias ARN
 * whose account is a literal id (the template cannot say it is this one). That account's key policy
 * decides who may decrypt, sees every use in its CloudTrail and can disable the key (AWS KMS
 * Developer Guide, "Allowing users in other accounts to use a KMS key"). A key id, an alias name
 * (`alias/aws/sqs`), a key of this template or an ARN built from `AWS::AccountId` is this
 * account's. Found at any depth of `Properties`; `where` is `<file>#Resources.<Id>.Properties.<path>`.
 */
export function foreignKeyRisks(params: ResourceRiskInput): RiskReason[] {
  const reasons: RiskReason[] = [];
  const visit = (value: unknown, at: string, key: string): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => visit(item, `${at}[${index}]`, key));
    if (KEY_PROPERTY.test(key)) {
      const read = readTemplateValue(value, params.context);
      const foreign = read.known ? read.texts.filter(isForeignArn) : [];
      if (foreign.length > 0)
        reasons.push({
          code: 'data-egress',
          where: `${params.where}.${at}`,
          message: `${params.logicalId} (${params.type}) keeps data under the KMS key ${foreign.join(' or ')}, in an account the template names by its id: that account controls who may decrypt it.`,
        });
      return;
    }
    if (!isPlainObject(value)) return;
    for (const [child, inner] of Object.entries(value))
      visit(inner, `${at}.${child}`, child.startsWith('Fn::') ? key : child);
  };
  visit(params.properties, 'Properties', 'Properties');
  return reasons;
}

function isForeignArn(text: string): boolean {
  const [prefix, , , , account] = text.split(':');
  return prefix === 'arn' && account !== undefined && account !== '' && !isNamedValue(account);
}
