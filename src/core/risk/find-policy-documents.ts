import { isPlainObject } from '../cfn/is-plain-object.js';
import { jsonTextValue } from './json-text-value.js';
import { policyText, rebuildPolicyDocument } from './rebuild-policy-text.js';

export interface FoundPolicyDocument {
  /** The property that holds it (`PolicyDocument`, `KeyPolicy`, `AssumeRolePolicyDocument`...). */
  readonly property: string;
  readonly document: unknown;
  /** Dotted path below the resource, e.g. `Properties.Policies[0].PolicyDocument`. */
  readonly path: string;
}

/**
 * Every IAM policy document in a resource's properties, wherever the resource type keeps it: an
 * object with a `Statement`, or a JSON string holding one (CloudWatch Logs' `PolicyDocument`), or
 * that string written with `Fn::Sub` or `Fn::Join` (CloudFormation resolves the intrinsic, then
 * reads the JSON). Such a document is rebuilt as a long-form value; one that cannot be rebuilt is
 * returned as undefined, which `policyDocumentRisks` treats as broad. Intrinsic keys (`Fn::If`…)
 * keep the property name of the value they stand in for.
 * Searching by shape rather than by a list of types means a type we never heard of is still judged.
 */
export function findPolicyDocuments(properties: unknown, path = 'Properties'): FoundPolicyDocument[] {
  const found: FoundPolicyDocument[] = [];
  visit(properties, path, 'Properties', found);
  return found;
}

function visit(value: unknown, path: string, property: string, found: FoundPolicyDocument[]): void {
  if (typeof value === 'string') {
    if (/policy/i.test(property) && (/"Statement"/.test(value) || hasStatement(jsonTextValue(value))))
      found.push({ property, document: value, path });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => visit(item, `${path}[${index}]`, property, found));
    return;
  }
  if (!isPlainObject(value)) return;
  if ('Statement' in value) {
    found.push({ property, document: value, path });
    return;
  }
  const text = policyText(value);
  if (text !== undefined && /policy/i.test(property)) {
    const rebuilt = rebuildPolicyDocument(text);
    // Keys are read once parsed: JSON may spell any of their characters as `\uXXXX` (RFC 8259 §7).
    if (/Statement/.test(text.text) || hasStatement(rebuilt)) {
      found.push({ property, document: rebuilt, path });
      return;
    }
  }
  for (const [key, child] of Object.entries(value))
    visit(child, `${path}.${key}`, key.startsWith('Fn::') ? property : key, found);
}

function hasStatement(value: unknown): boolean {
  return isPlainObject(value) && 'Statement' in value;
}
