import { isPlainObject } from '../cfn/is-plain-object.js';
import { NESTED_TEMPLATE_PROPERTY, repositoryPathOf } from '../cfn/nested-template-location.js';
import type { RiskReason } from './risk-assessment.js';

/** The nested stack types: `resourceRisks` leaves them to `nestedStacks`, which sees the bundle. */
export const NESTED_STACK_TYPES: ReadonlySet<string> = new Set(NESTED_TEMPLATE_PROPERTY.keys());

/** Properties of a nested stack that act only inside it (its template is judged on its own). */
const REVIEWED_STACK_PROPERTIES: ReadonlySet<string> = new Set([
  'TemplateURL',
  'Location',
  'Parameters',
  'Tags',
  'TimeoutInMinutes',
]);

/**
 * How deep nested stacks are followed from a template of the bundle, and how many bytes of nested
 * templates are read in all: deeper, a cycle, or more is not judged (high). CloudFormation reads a
 * template from S3 up to 1 MB (AWS CloudFormation User Guide, "CloudFormation quotas": template
 * body size in an S3 object).
 */
export const MAX_NESTED_DEPTH = 5;
export const MAX_NESTED_BYTES = 5_000_000;

/** One nested stack whose template is a file of the bundle: which template nests which, and what it passes. */
export interface NestedStackEdge {
  /** The path of the template holding the nested stack resource. */
  readonly parent: string;
  /** `<parent>#Resources.<Id>`: the nested stack resource. */
  readonly where: string;
  /** The path of the nested template (a file of the bundle). */
  readonly target: string;
  /** The stack's `Parameters` property as written (undefined when it has none). */
  readonly parameters: unknown;
}

export interface NestedStacks {
  /** `<file>#Resources.<Id>` of each nested stack whose template is in the bundle and judged. */
  readonly judged: ReadonlySet<string>;
  /** Bundle files named as nested templates: each must be judged as a template. */
  readonly nestedPaths: ReadonlySet<string>;
  /** Each nested stack whose template is a bundle file, with the parameters it passes (`nestedParameterBindings`). */
  readonly edges: readonly NestedStackEdge[];
  readonly reasons: RiskReason[];
}

/**
 * Nested stacks (`NESTED_TEMPLATE_PROPERTY`) of the bundle's `templates`: one whose template is a file of
 * the bundle (`files`, by path) is judged by judging that file as a template (the caller does, with
 * `where` the nested file's path), so the stack itself is `judged` when it sets nothing but
 * `REVIEWED_STACK_PROPERTIES`. One whose template is outside the bundle (an S3 or HTTPS URL, a
 * Serverless Application Repository application, a value computed at deploy time, a path leaving the
 * repository or naming no bundle file) stays `unseen-effect` at the resource with a reason saying
 * so; so does one past `MAX_NESTED_DEPTH` (or in a cycle), or when the nested templates together
 * pass `MAX_NESTED_BYTES`. Pure.
 */
export function nestedStacks(params: {
  templates: readonly { path: string; template: unknown }[];
  files: ReadonlyMap<string, string>;
}): NestedStacks {
  const judged = new Set<string>();
  const nestedPaths = new Set<string>();
  const reasons: RiskReason[] = [];
  const edges = new Map<string, string[]>();
  const stacks: NestedStackEdge[] = [];
  let bytes = 0;
  for (const { path, template } of params.templates) {
    const resources =
      isPlainObject(template) && isPlainObject(template['Resources']) ? template['Resources'] : {};
    for (const [logicalId, resource] of Object.entries(resources)) {
      const type = isPlainObject(resource) ? resource['Type'] : undefined;
      const property = typeof type === 'string' ? NESTED_TEMPLATE_PROPERTY.get(type) : undefined;
      if (property === undefined || !isPlainObject(resource)) continue;
      const where = `${path}#Resources.${logicalId}`;
      const properties = isPlainObject(resource['Properties']) ? resource['Properties'] : {};
      const target = repositoryPathOf(path, properties[property]);
      const outside = (why: string) =>
        reasons.push({
          code: 'unseen-effect',
          where,
          message: `${logicalId} (${type}) is a nested stack whose template ${why}: what it creates cannot be judged.`,
        });
      if (target === undefined || !params.files.has(target)) {
        outside(`is not a file of this change (${JSON.stringify(properties[property])?.slice(0, 200)})`);
        continue;
      }
      if (!nestedPaths.has(target)) bytes += params.files.get(target)?.length ?? 0;
      if (bytes > MAX_NESTED_BYTES) {
        outside(`is past the ${MAX_NESTED_BYTES} bytes of nested templates read`);
        continue;
      }
      nestedPaths.add(target);
      edges.set(path, [...(edges.get(path) ?? []), target]);
      stacks.push({ parent: path, where, target, parameters: properties['Parameters'] });
      const unreviewed = Object.keys(properties).filter((key) => !REVIEWED_STACK_PROPERTIES.has(key));
      if (unreviewed.length === 0) judged.add(where);
      else
        reasons.push({
          code: 'unseen-effect',
          where,
          message: `${logicalId} (${type}) sets ${unreviewed.join(', ')}, which the risk classifier has not reviewed on a nested stack.`,
        });
    }
  }
  for (const path of tooDeep(edges))
    reasons.push({
      code: 'unseen-effect',
      where: path,
      message: `Nested stacks reach ${path} more than ${MAX_NESTED_DEPTH} levels deep, or in a cycle: not judged.`,
    });
  return { judged, nestedPaths, edges: stacks, reasons };
}

/** Templates reached from some template through more than `MAX_NESTED_DEPTH` nested stacks (a cycle does). */
function tooDeep(edges: ReadonlyMap<string, readonly string[]>): string[] {
  const found = new Set<string>();
  // Each template at each depth is walked once: a wide graph stays linear in its size.
  const seen = new Set<string>();
  const walk = (path: string, depth: number) => {
    if (seen.has(`${depth} ${path}`)) return;
    seen.add(`${depth} ${path}`);
    for (const next of edges.get(path) ?? []) {
      if (depth + 1 > MAX_NESTED_DEPTH) {
        found.add(next);
        continue;
      }
      walk(next, depth + 1);
    }
  };
  for (const root of edges.keys()) walk(root, 0);
  return [...found];
}
