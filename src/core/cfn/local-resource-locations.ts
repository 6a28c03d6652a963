import { isPlainObject } from './is-plain-object.js';
import { isLocalTemplateLocation, repositoryPathOf } from './nested-template-location.js';

/** A resource of a template whose `property` names a local path (`isLocalTemplateLocation`). */
export interface LocalResourceLocation<Property extends string> {
  readonly logicalId: string;
  readonly property: Property;
  /** The location as the template writes it. */
  readonly location: string;
  /** The repository path it names (`repositoryPathOf`); undefined when it leaves the repository. */
  readonly path: string | undefined;
}

/**
 * The resources of `template` (parsed, long form) at `templatePath` whose type `propertyOf` maps to
 * a property holding a local path written as a string, as `aws cloudformation package` finds what it
 * uploads: a URL, an S3 object, an intrinsic or anything not a string is left out. Pure.
 */
export function localResourceLocations<Property extends string>(
  params: { templatePath: string; template: unknown },
  propertyOf: ReadonlyMap<string, Property>,
): LocalResourceLocation<Property>[] {
  const { template } = params;
  const resources =
    isPlainObject(template) && isPlainObject(template['Resources']) ? template['Resources'] : {};
  const found: LocalResourceLocation<Property>[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource) || typeof resource['Type'] !== 'string') continue;
    const property = propertyOf.get(resource['Type']);
    const properties = resource['Properties'];
    if (property === undefined || !isPlainObject(properties)) continue;
    const location = properties[property];
    if (!isLocalTemplateLocation(location)) continue;
    found.push({ logicalId, property, location, path: repositoryPathOf(params.templatePath, location) });
  }
  return found;
}
