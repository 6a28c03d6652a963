import { isPlainObject } from '../cfn/is-plain-object.js';
import { policyText, rebuildPolicyDocument } from './rebuild-policy-text.js';

/**
 * The object or list a JSON text stands for, or undefined when `value` is no such text.
 * CloudFormation takes a property of type `Json` (SQS and SNS `RedrivePolicy`, policies…) as an
 * object or as its JSON text, also built with `Fn::Sub`/`Fn::Join` (AWS CloudFormation Template
 * Reference, e.g. AWS::SQS::Queue `RedrivePolicy`: "Type: Json"), so a rule reading inside such a
 * property must read the text as the object. An intrinsic's `${…}` parts come back as `Fn::Sub`.
 */
export function jsonTextValue(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!/^\s*[[{]/.test(value)) return undefined;
    try {
      const parsed = JSON.parse(value) as unknown;
      return isPlainObject(parsed) || Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  const text = policyText(value);
  if (text === undefined || !/^\s*[[{]/.test(text.text)) return undefined;
  const rebuilt = rebuildPolicyDocument(text);
  return isPlainObject(rebuilt) || Array.isArray(rebuilt) ? rebuilt : undefined;
}
