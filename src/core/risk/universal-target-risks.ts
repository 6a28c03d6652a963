import { isPlainObject } from '../cfn/is-plain-object.js';
import { readTemplateValue } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/** EventBridge Scheduler's universal targets: `arn:aws:scheduler:::aws-sdk:<service>:<apiAction>`. */
const UNIVERSAL_TARGET = /^arn:[^:]*:scheduler:::aws-sdk:/;

/**
 * An EventBridge Scheduler schedule whose target is a universal target calls any AWS API action
 * with the schedule's role, its parameters in `Input` (EventBridge Scheduler User Guide, "Using
 * universal targets"): the ARN names no destination, so where the data goes (a queue URL, a
 * bucket, another account) is in a JSON text this classifier does not read: `unseen-effect` at
 * `Target.Arn`. A target ARN only known at deploy time is left to `dataEgressRisks`.
 */
export function universalTargetRisks(params: ResourceRiskInput): RiskReason[] {
  if (params.type !== 'AWS::Scheduler::Schedule' || !isPlainObject(params.properties)) return [];
  const target = params.properties['Target'];
  if (!isPlainObject(target)) return [];
  const arn = readTemplateValue(target['Arn'], params.context);
  if (!arn.known || !arn.texts.some((text) => UNIVERSAL_TARGET.test(text))) return [];
  return [
    {
      code: 'unseen-effect',
      where: `${params.where}.Properties.Target.Arn`,
      message: `${params.logicalId} (${params.type}) calls an AWS API action (a universal target) whose parameters, in Input, are not judged: where it sends data, and what it changes, needs a person.`,
    },
  ];
}
