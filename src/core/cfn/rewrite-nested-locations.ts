import { isDeepStrictEqual } from 'node:util';
import { isScalar, parseDocument } from 'yaml';
import { cloudFormationTags } from './cloudformation-tags.js';
import { isPlainObject } from './is-plain-object.js';
import { parseTemplate } from './parse-template.js';

/** One nested stack's template location to replace: `Resources.<logicalId>.Properties.<property>`. */
export interface NestedLocationRewrite {
  readonly logicalId: string;
  readonly property: string;
  /** The new location (an S3 URL). */
  readonly url: string;
}

export type RewriteResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * `text` (a CloudFormation template) with each rewrite's location replaced by its URL, as `aws
 * cloudformation package` replaces local paths. A YAML template keeps its text byte for byte but
 * the replaced values (each written as a double-quoted string where the old value stood: comments,
 * short-form tags and layout stay); a JSON template is written again from its parsed value (two-space
 * indent), which is the value every reader of it took. The result is parsed again and must be the
 * original template with exactly these values replaced; anything else (a location given through an
 * alias or a merge key, a text that does not parse) is not rewritten and `ok` is false. Pure.
 */
export function rewriteNestedLocations(
  text: string,
  rewrites: readonly NestedLocationRewrite[],
): RewriteResult {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return { ok: false, message: `the template does not parse: ${parsed.message}` };
  const expected = withLocations(parsed.template, rewrites);
  if (expected === undefined)
    return { ok: false, message: 'a nested stack to rewrite is not in the template' };
  const rewritten =
    parsed.format === 'json' ? `${JSON.stringify(expected, null, 2)}\n` : spliceYaml(text, rewrites);
  if (rewritten === undefined) return { ok: false, message: notPlainMessage(rewrites) };
  const check = parseTemplate(rewritten);
  if (!check.ok || !isDeepStrictEqual(check.template, expected))
    return { ok: false, message: notPlainMessage(rewrites) };
  return { ok: true, text: rewritten };
}

function notPlainMessage(rewrites: readonly NestedLocationRewrite[]): string {
  const where = rewrites.map((rewrite) => `${rewrite.logicalId}.${rewrite.property}`).join(', ');
  return `the location of ${where} is not written as a plain string value, so it cannot be replaced in place`;
}

/** The parsed template with each location set to its URL; undefined when a resource is missing. */
function withLocations(template: unknown, rewrites: readonly NestedLocationRewrite[]): unknown {
  const copy = copyValue(template);
  const resources = isPlainObject(copy) ? copy['Resources'] : undefined;
  for (const { logicalId, property, url } of rewrites) {
    const resource =
      isPlainObject(resources) && Object.hasOwn(resources, logicalId) ? resources[logicalId] : undefined;
    const properties = isPlainObject(resource) ? resource['Properties'] : undefined;
    if (!isPlainObject(properties) || !Object.hasOwn(properties, property)) return undefined;
    properties[property] = url;
  }
  return copy;
}

/**
 * A deep copy of a parsed template (objects, arrays, scalars), made here rather than with
 * `structuredClone`, whose objects may come from another realm and then never compare equal.
 */
function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  // `fromEntries` defines own properties, so a `__proto__` key stays a key.
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, copyValue(entry)]));
  return value;
}

/** The YAML text with each location's scalar replaced where it stands; undefined when one is not a plain scalar. */
function spliceYaml(text: string, rewrites: readonly NestedLocationRewrite[]): string | undefined {
  const document = parseDocument(text, { uniqueKeys: false, customTags: [...cloudFormationTags] });
  const spans: { start: number; end: number; url: string }[] = [];
  for (const { logicalId, property, url } of rewrites) {
    const node = document.getIn(['Resources', logicalId, 'Properties', property], true);
    if (!isScalar(node) || typeof node.value !== 'string' || node.tag !== undefined || node.range == null)
      return undefined;
    spans.push({ start: node.range[0], end: node.range[1], url });
  }
  // From the end, so earlier offsets stay true.
  let out = text;
  for (const span of spans.sort((a, b) => b.start - a.start))
    out = out.slice(0, span.start) + JSON.stringify(span.url) + out.slice(span.end);
  return out;
}
