import { localResourceLocations, type LocalResourceLocation } from '../cfn/local-resource-locations.js';
import { PACKAGEABLE_PROPERTIES, type PackageableProperty } from './packageable-properties.js';

/**
 * A resource property of a template naming a local path the deploy run uploads (Lambda code, a
 * layer's content, a definition, a schema…), with how it is packaged (`PACKAGEABLE_PROPERTIES`).
 */
export type LocalArtifact = LocalResourceLocation<string> & { readonly packaging: PackageableProperty };

const PROPERTY_NAMES: ReadonlyMap<string, readonly string[]> = new Map(
  [...PACKAGEABLE_PROPERTIES].map(([type, specs]) => [type, specs.map((spec) => spec.property)]),
);

/**
 * The properties of `template` (parsed, long form) at `templatePath` that name a local path
 * written as a string (`PACKAGEABLE_PROPERTIES`): what `aws cloudformation package` uploads. An
 * artifact already in S3 (an object, an `s3://` URI), inline (`ZipFile`, `DefinitionString`) or
 * from parameters is left out. Pure.
 */
export function localArtifacts(params: { templatePath: string; template: unknown }): LocalArtifact[] {
  return localResourceLocations(params, PROPERTY_NAMES).flatMap((found) => {
    const packaging = PACKAGEABLE_PROPERTIES.get(found.type)?.find(
      (spec) => spec.property === found.property,
    );
    return packaging === undefined ? [] : [{ ...found, packaging }];
  });
}
