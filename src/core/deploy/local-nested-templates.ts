import { isPlainObject } from '../cfn/is-plain-object.js';
import {
  isLocalTemplateLocation,
  NESTED_TEMPLATE_PROPERTY,
  repositoryPathOf,
} from '../cfn/nested-template-location.js';

/** A nested stack of a template whose template is a local file (`isLocalTemplateLocation`). */
export interface LocalNestedTemplate {
  readonly logicalId: string;
  /** `TemplateURL` or `Location` (`NESTED_TEMPLATE_PROPERTY`). */
  readonly property: string;
  /** The location as the template writes it. */
  readonly location: string;
  /** The repository path it names (`repositoryPathOf`); undefined when it leaves the repository. */
  readonly path: string | undefined;
}

/**
 * The nested stacks of `template` (parsed, long form) at `templatePath` whose template is a local
 * file, as `aws cloudformation package` finds the ones it uploads: a URL, an intrinsic or a SAR
 * application is left out (CloudFormation reads those itself). Pure.
 */
export function localNestedTemplates(params: {
  templatePath: string;
  template: unknown;
}): LocalNestedTemplate[] {
  const { template } = params;
  const resources =
    isPlainObject(template) && isPlainObject(template['Resources']) ? template['Resources'] : {};
  const found: LocalNestedTemplate[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource) || typeof resource['Type'] !== 'string') continue;
    const property = NESTED_TEMPLATE_PROPERTY.get(resource['Type']);
    const properties = resource['Properties'];
    if (property === undefined || !isPlainObject(properties)) continue;
    const location = properties[property];
    if (!isLocalTemplateLocation(location)) continue;
    found.push({ logicalId, property, location, path: repositoryPathOf(params.templatePath, location) });
  }
  return found;
}
