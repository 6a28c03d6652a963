import { parseTemplate } from '../cfn/parse-template.js';
import { nestedStacks, type NestedStackEdge } from './nested-stack-risks.js';
import type { ParameterBindings } from './parameter-origins.js';
import type { ReviewedBaseFile } from './reviewed-base-file.js';
import { isPlainObject } from '../cfn/is-plain-object.js';

export interface BaseNestedParents {
  /** Templates of the base the change does not touch that nest a template of the change (and their own parents). */
  readonly templates: readonly { path: string; template: unknown }[];
  /** Their nested stacks: what each passes to the templates it nests. */
  readonly edges: readonly NestedStackEdge[];
  /** Bindings for the templates of the change no parent reaches on the head or the base: every parameter unknown. */
  readonly unknown: ReadonlyMap<string, ParameterBindings>;
}

/**
 * The parents a changed nested template keeps on the branch the change merges into. A template of
 * the change (`templates`) that is not the deployed one (`deployedPath`) and that no template of
 * the change nests (`edges`) is deployed only by a parent the change leaves as it is, so it is
 * judged with what that parent passes: the base's templates (`base`, read with the deployed
 * template's chain of nested templates, `readReviewedBase`) not in the change are searched for
 * nested stacks naming it. When none does (or the base could not be read), its parameters are
 * unknown (`computed`), never its `Default`s: a parent the classifier cannot see may pass anything.
 * Without a known deployed path nothing is called nested. Pure.
 */
export function baseNestedParents(params: {
  templates: readonly { path: string; template: unknown }[];
  edges: readonly NestedStackEdge[];
  deployedPath: string | undefined;
  /** Every path of the change: its files replace the base's. */
  changed: ReadonlySet<string>;
  base: readonly ReviewedBaseFile[] | undefined;
}): BaseNestedParents {
  const none = { templates: [], edges: [], unknown: new Map() };
  if (params.deployedPath === undefined) return none;
  const nestedOnHead = new Set(params.edges.map((edge) => edge.target));
  const orphans = params.templates.filter(
    (judged) => judged.path !== params.deployedPath && !nestedOnHead.has(judged.path),
  );
  if (orphans.length === 0) return none;
  const baseTemplates = (params.base ?? []).flatMap((file) => {
    if (params.changed.has(file.path) || !('content' in file)) return [];
    const parsed = parseTemplate(file.content);
    return parsed.ok ? [{ path: file.path, template: parsed.template }] : [];
  });
  const files = new Map<string, string>([
    ...(params.base ?? []).flatMap((file) => ('content' in file ? [[file.path, file.content] as const] : [])),
    ...params.templates.map((judged) => [judged.path, ''] as const),
  ]);
  const baseParents = new Set(baseTemplates.map((judged) => judged.path));
  const edges = nestedStacks({ templates: baseTemplates, files }).edges.filter((edge) =>
    baseParents.has(edge.parent),
  );
  const reached = new Set(edges.map((edge) => edge.target));
  const unknown = new Map<string, ParameterBindings>();
  for (const orphan of orphans) {
    if (reached.has(orphan.path)) continue;
    const declared =
      isPlainObject(orphan.template) && isPlainObject(orphan.template['Parameters'])
        ? Object.keys(orphan.template['Parameters'])
        : [];
    const why = `the value a parent passes ${orphan.path}: it is not the deployed template, and no template of the change or of the base branch nests it`;
    unknown.set(orphan.path, {
      standalone: false,
      passed: new Map(declared.map((name) => [name, [{ kind: 'computed', why }]])),
    });
  }
  return { templates: baseTemplates, edges, unknown };
}
