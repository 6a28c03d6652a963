import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseTemplate } from '../cfn/parse-template.js';
import type { TemplateValueContext } from './read-template-value.js';
import type { TemplateDefinitions } from './setting-source.js';
import { localNestedTemplates } from '../deploy/local-nested-templates.js';
import { MAX_NESTED_DEPTH } from './nested-stack-risks.js';
import type { ReviewedBaseFile } from './reviewed-base-file.js';

/** One resource of a template on the base branch, with what its values are read with. */
export interface BaseResource {
  readonly type: string;
  readonly properties: unknown;
  readonly context: TemplateValueContext;
  /** Its template's parameters, conditions, mappings and resources (`settingSource`). */
  readonly definitions: TemplateDefinitions;
}

/**
 * The resources the stack already has, as the base branch's templates write them: by logical id,
 * every resource of that id in the deployed template or a nested template read there (a nested
 * template may move to another path and keep its stack). `known: false` when the base could not
 * tell, with why.
 */
export type BaseStackResources =
  | { readonly known: true; readonly byLogicalId: ReadonlyMap<string, readonly BaseResource[]> }
  | { readonly known: false; readonly why: string };

/**
 * The deployed stack's resources on the branch a change merges into, from the reviewed base
 * (`readReviewedBase` reads the deployed template at `templatePath` and the local nested templates
 * it names whenever the change has a template): the deployed template and, level by level (up to
 * `MAX_NESTED_DEPTH`), the local nested templates the base's templates name
 * (`localNestedTemplates`). Other files of `base` (lockfiles, manifests, compiler configurations)
 * are not the stack's: one unreadable says nothing of it. The deployed template absent from
 * `base`: the base has none, so the stack is new and has no resources. Unknown (`known: false`)
 * when there is no base or no deployed template path, when the deployed template or a nested
 * template it reaches is unreadable, or when the deployed template does not parse. Pure; never
 * throws.
 */
export function baseStackResources(params: {
  base: readonly ReviewedBaseFile[] | undefined;
  templatePath: string | undefined;
}): BaseStackResources {
  const { base, templatePath } = params;
  if (base === undefined) return { known: false, why: 'the base branch was not read' };
  if (templatePath === undefined) return { known: false, why: 'the deployed template is not named' };
  const byPath = new Map(base.map((file) => [file.path, file]));
  const byLogicalId = new Map<string, BaseResource[]>();
  const seen = new Set<string>();
  let level = [templatePath];
  for (let depth = 0; depth <= MAX_NESTED_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const path of level) {
      const file = byPath.get(path);
      if (seen.has(path) || file === undefined) continue;
      seen.add(path);
      if (!('content' in file))
        return { known: false, why: `${path} could not be read on the base branch (${file.unreadable})` };
      const parsed = parseTemplate(file.content);
      const template = parsed.ok ? parsed.template : undefined;
      if (!isPlainObject(template) || !isPlainObject(template['Resources'])) {
        if (path === templatePath)
          return { known: false, why: `${path} on the base branch is not a template the classifier reads` };
        continue;
      }
      addResources(byLogicalId, template, template['Resources']);
      for (const entry of localNestedTemplates({ templatePath: path, template }))
        if (entry.path !== undefined) next.push(entry.path);
    }
    level = next;
  }
  return { known: true, byLogicalId };
}

function addResources(
  byLogicalId: Map<string, BaseResource[]>,
  template: Record<string, unknown>,
  resources: Record<string, unknown>,
): void {
  const context = { parameters: template['Parameters'], resources };
  const definitions = templateDefinitions(template);
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource) || typeof resource['Type'] !== 'string') continue;
    const found = { type: resource['Type'], properties: resource['Properties'], context, definitions };
    byLogicalId.set(logicalId, [...(byLogicalId.get(logicalId) ?? []), found]);
  }
}

/** A parsed template's parameters, conditions, mappings and resources. */
export function templateDefinitions(template: Record<string, unknown>): TemplateDefinitions {
  return {
    parameters: template['Parameters'],
    conditions: template['Conditions'],
    mappings: template['Mappings'],
    resources: template['Resources'],
  };
}
