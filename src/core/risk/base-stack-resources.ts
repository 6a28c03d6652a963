import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseTemplate } from '../cfn/parse-template.js';
import type { TemplateValueContext } from './read-template-value.js';
import type { TemplateDefinitions } from './setting-source.js';
import { isLockfilePath, isPackageManifestPath, type ReviewedBaseFile } from './reviewed-base-file.js';

/** One resource of a template on the base branch, with what its values are read with. */
export interface BaseResource {
  readonly type: string;
  readonly properties: unknown;
  readonly context: TemplateValueContext;
  /** Its template's parameters, conditions and mappings (`settingSource`). */
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
 * it names whenever the change has a template). The deployed template absent from `base`: the base
 * has none, so the stack is new and has no resources. Unknown (`known: false`) when there is no
 * base or no deployed template path, when the deployed template or any other template read there
 * is unreadable, or when the deployed template does not parse. Lockfiles and manifests of `base`
 * are not templates. Pure; never throws.
 */
export function baseStackResources(params: {
  base: readonly ReviewedBaseFile[] | undefined;
  templatePath: string | undefined;
}): BaseStackResources {
  const { base, templatePath } = params;
  if (base === undefined) return { known: false, why: 'the base branch was not read' };
  if (templatePath === undefined) return { known: false, why: 'the deployed template is not named' };
  const templates = base.filter((file) => !isLockfilePath(file.path) && !isPackageManifestPath(file.path));
  const unreadable = templates.find((file) => !('content' in file));
  if (unreadable !== undefined && 'unreadable' in unreadable)
    return {
      known: false,
      why: `${unreadable.path} could not be read on the base branch (${unreadable.unreadable})`,
    };
  const byLogicalId = new Map<string, BaseResource[]>();
  for (const file of templates) {
    if (!('content' in file)) continue;
    const parsed = parseTemplate(file.content);
    const template = parsed.ok ? parsed.template : undefined;
    if (!isPlainObject(template) || !isPlainObject(template['Resources'])) {
      if (file.path === templatePath)
        return {
          known: false,
          why: `${file.path} on the base branch is not a template the classifier reads`,
        };
      continue;
    }
    const resources = template['Resources'];
    const context = { parameters: template['Parameters'], resources };
    const definitions = templateDefinitions(template);
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (!isPlainObject(resource) || typeof resource['Type'] !== 'string') continue;
      const found = { type: resource['Type'], properties: resource['Properties'], context, definitions };
      byLogicalId.set(logicalId, [...(byLogicalId.get(logicalId) ?? []), found]);
    }
  }
  return { known: true, byLogicalId };
}

/** A parsed template's parameters, conditions and mappings. */
export function templateDefinitions(template: Record<string, unknown>): TemplateDefinitions {
  return {
    parameters: template['Parameters'],
    conditions: template['Conditions'],
    mappings: template['Mappings'],
  };
}
