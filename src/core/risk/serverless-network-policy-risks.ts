import { isPlainObject } from '../cfn/is-plain-object.js';
import { policyText } from './rebuild-policy-text.js';
import type { ResourceRiskInput } from './resource-risk-input.js';
import type { RiskReason } from './risk-assessment.js';

const TYPE = 'AWS::OpenSearchServerless::SecurityPolicy';

/**
 * An OpenSearch Serverless network policy (`Type: network`) whose `Policy` JSON (a list of rule
 * sets) has a set with `AllowFromPublic` anything but `false`: its collections and dashboards are
 * reachable from the internet (Amazon OpenSearch Service Developer Guide, "Network access for
 * Amazon OpenSearch Serverless"). A policy written with `Fn::Sub`/`Fn::Join` is read as its text;
 * one that cannot be read (a parameter, malformed JSON) is `unresolved-value`, treated as public.
 */
export function serverlessNetworkPolicyRisks(params: ResourceRiskInput): RiskReason[] {
  if (params.type !== TYPE || !isPlainObject(params.properties)) return [];
  const kind = params.properties['Type'];
  if (typeof kind === 'string' && kind !== 'network') return [];
  const where = `${params.where}.Properties.Policy`;
  const written = params.properties['Policy'];
  const text = typeof written === 'string' ? written : policyText(written)?.text;
  const sets = text === undefined || typeof kind !== 'string' ? undefined : parseJson(text);
  if (!Array.isArray(sets) || !sets.every(isPlainObject))
    return [
      { code: 'unresolved-value', where, message: 'The network policy cannot be read; treated as public.' },
    ];
  return sets.some((set) => set['AllowFromPublic'] !== false)
    ? [
        {
          code: 'public-access',
          where,
          message: `${params.logicalId} (${TYPE}) allows access from the internet (AllowFromPublic).`,
        },
      ]
    : [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
