import { isPlainObject } from '../cfn/is-plain-object.js';
import type { RiskReason } from './risk-assessment.js';

/** Transforms whose output CloudFormation documents and we judge before expansion. */
const KNOWN_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions']);

/** Sections where `Fn::ForEach` makes what is deployed: resources and SAM's `Globals` for them. */
const EXPANDED_SECTIONS = ['Resources', 'Globals'] as const;

/**
 * Parts of a template whose deployed content the template does not show, so the classifier
 * cannot judge them ("unknown counts as high", DESIGN §4):
 * - a top-level `Transform` other than SAM and `AWS::LanguageExtensions` (a macro or
 *   `AWS::Include` rewrites the template at deploy time; code `unresolved-value`);
 * - an inline `Fn::Transform` anywhere: `AWS::Include` inserts a file from S3 and any other
 *   name runs a macro's Lambda function over the template (AWS CloudFormation User Guide,
 *   "AWS::Include transform", "Using CloudFormation macros");
 * - an `Fn::ForEach::<Loop>` key in `Resources` (or resource properties) or SAM `Globals`: the
 *   resources or properties it expands to are only made by the `AWS::LanguageExtensions`
 *   transform at deploy time (AWS CloudFormation Template Reference, "Fn::ForEach");
 * - a `Resources` entry that is not a resource with a textual `Type`, or whose `Properties` are
 *   computed (not a mapping of property names).
 * `path` is the template's file; each reason's `where` is `<path>#<location>`.
 */
export function unseenConstructRisks(params: {
  path: string;
  template: Record<string, unknown>;
}): RiskReason[] {
  const { path, template } = params;
  const reasons = transformRisks(path, template['Transform']);
  visit(template, '', (key, location) => {
    if (key === 'Fn::Transform')
      reasons.push({
        code: 'unseen-effect',
        where: `${path}#${location}`,
        message:
          'An inline Fn::Transform inserts content from a file or a macro at deploy time; what it adds cannot be judged.',
      });
    else if (
      key.startsWith('Fn::ForEach::') &&
      EXPANDED_SECTIONS.some((section) => location.startsWith(`${section}.`))
    )
      reasons.push({
        code: 'unseen-effect',
        where: `${path}#${location}`,
        message: `The loop ${key} makes resources or properties only when the stack is deployed; what it makes is not judged.`,
      });
  });
  const resources = isPlainObject(template['Resources']) ? template['Resources'] : {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (logicalId === 'Fn::Transform' || logicalId.startsWith('Fn::ForEach::')) continue;
    if (!logicalId.startsWith('Fn::') && isPlainObject(resource) && typeof resource['Type'] === 'string') {
      if (isComputed(resource['Properties']))
        reasons.push({
          code: 'unresolved-value',
          where: `${path}#Resources.${logicalId}.Properties`,
          message: `The properties of ${logicalId} are computed when the stack is deployed; they cannot be judged.`,
        });
      continue;
    }
    reasons.push({
      code: 'template-unreadable',
      where: `${path}#Resources.${logicalId}`,
      message: `${logicalId} is not a resource with a Type; what it deploys cannot be judged.`,
    });
  }
  return reasons;
}

function transformRisks(path: string, transform: unknown): RiskReason[] {
  const names = Array.isArray(transform) ? transform : transform === undefined ? [] : [transform];
  return names.flatMap((entry: unknown): RiskReason[] => {
    if (typeof entry === 'string' && KNOWN_TRANSFORMS.has(entry)) return [];
    const name = typeof entry === 'string' ? entry : isPlainObject(entry) ? entry['Name'] : undefined;
    return [
      {
        code: 'unresolved-value',
        where: `${path}#Transform`,
        message: `The transform ${typeof name === 'string' ? `"${name}"` : '(computed)'} rewrites the template at deploy time; what it adds cannot be judged.`,
      },
    ];
  });
}

/** Properties that are not a mapping, or a mapping with an intrinsic key (`Fn::If`, `Ref`…); transforms and loops are reported as such. */
function isComputed(properties: unknown): boolean {
  if (properties === undefined) return false;
  if (!isPlainObject(properties)) return true;
  return Object.keys(properties).some(
    (key) =>
      (key === 'Ref' || key.startsWith('Fn::')) &&
      key !== 'Fn::Transform' &&
      !key.startsWith('Fn::ForEach::'),
  );
}

/** Calls `found` with every mapping key in `value` and its dotted location. */
function visit(value: unknown, location: string, found: (key: string, location: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => visit(item, `${location}[${index}]`, found));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const at = location === '' ? key : `${location}.${key}`;
    found(key, at);
    visit(child, at, found);
  }
}
