import { isPlainObject } from './is-plain-object.js';
import { parseTemplate } from './parse-template.js';
import { rewriteResourceProperties, type PropertyRewriteResult } from './rewrite-resource-properties.js';

/** One nested stack's template location to replace: `Resources.<logicalId>.Properties.<property>`. */
export interface NestedLocationRewrite {
  readonly logicalId: string;
  readonly property: string;
  /** The new location (an S3 URL). */
  readonly url: string;
}

export type RewriteResult = PropertyRewriteResult;

/**
 * `text` (a CloudFormation template) with each rewrite's location replaced by its URL, as `aws
 * cloudformation package` replaces local paths (`rewriteResourceProperties`: a YAML template keeps
 * its text but the replaced values, a JSON one is written again from its parsed value). A location
 * the template does not set, or one not written as a plain value (an alias, a merge key), is not
 * rewritten and `ok` is false. Pure.
 */
export function rewriteNestedLocations(
  text: string,
  rewrites: readonly NestedLocationRewrite[],
): RewriteResult {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return { ok: false, message: `the template does not parse: ${parsed.message}` };
  if (!rewrites.every((rewrite) => hasProperty(parsed.template, rewrite)))
    return { ok: false, message: 'a nested stack to rewrite is not in the template' };
  const rewritten = rewriteResourceProperties(
    text,
    rewrites.map(({ logicalId, property, url }) => ({ logicalId, property, value: url })),
  );
  if (rewritten.ok) return rewritten;
  const where = rewrites.map((rewrite) => `${rewrite.logicalId}.${rewrite.property}`).join(', ');
  return {
    ok: false,
    message: `the location of ${where} is not written as a plain string value, so it cannot be replaced in place`,
  };
}

function hasProperty(template: unknown, rewrite: NestedLocationRewrite): boolean {
  const resources = isPlainObject(template) ? template['Resources'] : undefined;
  const resource =
    isPlainObject(resources) && Object.hasOwn(resources, rewrite.logicalId)
      ? resources[rewrite.logicalId]
      : undefined;
  const properties = isPlainObject(resource) ? resource['Properties'] : undefined;
  return isPlainObject(properties) && Object.hasOwn(properties, rewrite.property);
}
