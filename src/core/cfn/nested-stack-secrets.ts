import { MAX_NESTED_DEPTH } from '../risk/nested-stack-risks.js';
import { isRecord } from '../request/is-record.js';
import { NESTED_TEMPLATE_PROPERTY } from './nested-template-location.js';
import type { OutputNames } from './output-names.js';
import { parseTemplate } from './parse-template.js';

/**
 * Nested templates that may be read while judging a template's outputs: a nested stack's template
 * location exactly as the template names it (`TemplateURL` of `AWS::CloudFormation::Stack`,
 * `Location` of `AWS::Serverless::Application`: after packaging, the S3 URL the packager uploaded
 * the child to; before, the repository path as written) → that child template's text. Its own
 * nested stacks are looked up in the same map.
 */
export type NestedTemplates = ReadonlyMap<string, string>;

/** Every attribute of the resource counts as secret: a nested stack whose outputs cannot be judged. */
export const EVERY_ATTRIBUTE = 'every-attribute';

/** A resource's secret attributes: the names, or every one. */
export type SecretAttributes = ReadonlySet<string> | typeof EVERY_ATTRIBUTE;

/** What judging nested stacks needs: the templates, how deep this template is, and a memo per call. */
export interface NestedJudging {
  readonly templates: NestedTemplates;
  /** 0 for the deployed template, 1 for its nested stacks, … */
  readonly depth: number;
  /** `<depth>\0<location>` → the child's secret outputs judged at that depth: each child judged once per level, so a template nesting one child many times costs no more. */
  readonly memo: Map<string, SecretAttributes>;
}

/**
 * The secret attributes of a nested stack resource (`NESTED_TEMPLATE_PROPERTY` types): for each
 * output of its child template that carries a secret (`secretOutputsOf`: a NoEcho parameter, a
 * secret resource attribute, a grandchild's secret output), `Outputs.<name>`, the attribute a
 * parent reads it by (`!GetAtt Child.Outputs.Name`). Fails closed to EVERY_ATTRIBUTE, every output
 * of the child withheld, when the child cannot be judged: its location is not a literal in
 * `templates` (a URL the run did not package, a Serverless Application Repository app, an
 * intrinsic), its template does not parse, some output names are unknown (an unexpanded loop), or
 * it lies deeper than `MAX_NESTED_DEPTH` levels (the packager's bound; a chain past it is refused
 * there, and a chain from a template it did not package is withheld here). Withholding every output
 * hides a nested stack's URLs too; guessing which outputs are harmless by their names would let a
 * secret named `ApiUrl` through, so the fix for hidden URLs is the child's template in the bundle.
 * `undefined` when the resource is no nested stack. Pure.
 */
export function nestedStackSecretAttributes<Judging extends NestedJudging>(
  definition: unknown,
  judging: Judging,
  secretOutputsOf: (template: string, judging: Judging) => OutputNames,
): SecretAttributes | undefined {
  if (!isRecord(definition)) return undefined;
  const type = definition['Type'];
  const property = typeof type === 'string' ? NESTED_TEMPLATE_PROPERTY.get(type) : undefined;
  if (property === undefined) return undefined;
  const properties = definition['Properties'];
  const location = isRecord(properties) ? properties[property] : undefined;
  const child = typeof location === 'string' ? judging.templates.get(location) : undefined;
  if (child === undefined || judging.depth >= MAX_NESTED_DEPTH) return EVERY_ATTRIBUTE;
  const key = `${judging.depth}\u0000${location}`;
  const known = judging.memo.get(key);
  if (known !== undefined) return known;
  const judged = judgeChild(child, { ...judging, depth: judging.depth + 1 }, secretOutputsOf);
  judging.memo.set(key, judged);
  return judged;
}

function judgeChild<Judging extends NestedJudging>(
  child: string,
  judging: Judging,
  secretOutputsOf: (template: string, judging: Judging) => OutputNames,
): SecretAttributes {
  if (!parseTemplate(child).ok) return EVERY_ATTRIBUTE;
  const secret = secretOutputsOf(child, judging);
  if (secret.declared !== undefined) return EVERY_ATTRIBUTE;
  return new Set([...secret.named].map((name) => `Outputs.${name}`));
}
