import { localResourceLocations, type LocalResourceLocation } from '../cfn/local-resource-locations.js';
import { NESTED_TEMPLATE_PROPERTY } from '../cfn/nested-template-location.js';

/** A nested stack of a template whose template is a local file: `property` is `TemplateURL` or `Location` (`NESTED_TEMPLATE_PROPERTY`). */
export type LocalNestedTemplate = LocalResourceLocation<string>;

/**
 * The nested stacks of `template` (parsed, long form) at `templatePath` whose template is a local
 * file, as `aws cloudformation package` finds the ones it uploads: a URL, an intrinsic or a SAR
 * application is left out (CloudFormation reads those itself). Pure.
 */
export function localNestedTemplates(params: {
  templatePath: string;
  template: unknown;
}): LocalNestedTemplate[] {
  return localResourceLocations(params, NESTED_TEMPLATE_PROPERTY);
}
