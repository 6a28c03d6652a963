import { isPlainObject } from './is-plain-object.js';
import { isLocalTemplateLocation, repositoryPathOf } from './nested-template-location.js';

/** A resource of a template whose `property` names a local path (`isLocalTemplateLocation`). */
export interface LocalResourceLocation<Property extends string> {
  readonly logicalId: string;
  /** The resource's `Type`. */
  readonly type: string;
  readonly property: Property;
  /** The location as the template writes it. */
  readonly location: string;
  /** The repository path it names (`repositoryPathOf`); undefined when it leaves the repository. */
  readonly path: string | undefined;
}

/**
 * The resources of `template` (parsed, long form) at `templatePath` whose type `propertyOf` maps to
 * a property (or several) holding a local path written as a string (a property nested in another
 * named by its dotted path, `Command.ScriptLocation`), as `aws cloudformation package`
 * finds what it uploads: a URL, an S3 object, an intrinsic or anything not a string is left out.
 * One entry per property found, in the template's order. Pure.
 */
export function localResourceLocations<Property extends string>(
  params: { templatePath: string; template: unknown },
  propertyOf: ReadonlyMap<string, Property | readonly Property[]>,
): LocalResourceLocation<Property>[] {
  const { template } = params;
  const resources =
    isPlainObject(template) && isPlainObject(template['Resources']) ? template['Resources'] : {};
  const found: LocalResourceLocation<Property>[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource) || typeof resource['Type'] !== 'string') continue;
    const type = resource['Type'];
    const named = propertyOf.get(type);
    const properties = resource['Properties'];
    if (named === undefined || !isPlainObject(properties)) continue;
    for (const property of typeof named === 'string' ? [named] : named) {
      const location = valueAt(properties, property);
      if (!isLocalTemplateLocation(location)) continue;
      const path = repositoryPathOf(params.templatePath, location);
      found.push({ logicalId, type, property, location, path });
    }
  }
  return found;
}

/** The value at `dottedPath` (`Code.S3`) in `properties`, own keys of plain objects only. */
function valueAt(properties: Record<string, unknown>, dottedPath: string): unknown {
  let value: unknown = properties;
  for (const key of dottedPath.split('.')) {
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}
