import { isDeepStrictEqual } from 'node:util';
import { isAlias, isNode, parseDocument } from 'yaml';
import { cloudFormationTags } from './cloudformation-tags.js';
import { isPlainObject } from './is-plain-object.js';
import { parseTemplate } from './parse-template.js';

/** One property to set: `Resources.<logicalId>.Properties.<property>` becomes `value` (JSON data). */
export interface ResourcePropertyEdit {
  readonly logicalId: string;
  readonly property: string;
  readonly value: unknown;
}

export type PropertyRewriteResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * `text` (a CloudFormation template) with each edit's property set to its value, as `aws
 * cloudformation package` rewrites local paths (a nested template's `TemplateURL`, a function's
 * `Code`, a nested stack's `Parameters`). A YAML template keeps its text byte for byte but the
 * edited values, each written as JSON (valid YAML flow) where the old value stood; a property the
 * resource does not set yet is added by writing the resource's whole `Properties` that way. Comments,
 * short-form tags and layout elsewhere stay. A JSON template is written again from its parsed value
 * (two-space indent). The result is parsed again and must be the original template with exactly
 * these values set; anything else (a value given through an alias or a merge key, a text that does
 * not parse, a resource without a `Properties` mapping) is not rewritten and `ok` is false. Pure.
 */
export function rewriteResourceProperties(
  text: string,
  edits: readonly ResourcePropertyEdit[],
): PropertyRewriteResult {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return { ok: false, message: `the template does not parse: ${parsed.message}` };
  const expected = withProperties(parsed.template, edits);
  if (expected === undefined)
    return {
      ok: false,
      message: 'a resource to rewrite is not in the template, or has no Properties mapping',
    };
  const rewritten =
    parsed.format === 'json' ? `${JSON.stringify(expected, null, 2)}\n` : spliceYaml(text, edits, expected);
  if (rewritten === undefined) return { ok: false, message: notPlainMessage(edits) };
  const check = parseTemplate(rewritten);
  if (!check.ok || !isDeepStrictEqual(check.template, expected))
    return { ok: false, message: notPlainMessage(edits) };
  return { ok: true, text: rewritten };
}

function notPlainMessage(edits: readonly ResourcePropertyEdit[]): string {
  const where = edits.map((edit) => `${edit.logicalId}.${edit.property}`).join(', ');
  return `${where} is not written as a plain value, so it cannot be replaced in place`;
}

function propertiesOf(template: unknown, logicalId: string): Record<string, unknown> | undefined {
  const resources = isPlainObject(template) ? template['Resources'] : undefined;
  const resource =
    isPlainObject(resources) && Object.hasOwn(resources, logicalId) ? resources[logicalId] : undefined;
  const properties = isPlainObject(resource) ? resource['Properties'] : undefined;
  return isPlainObject(properties) ? properties : undefined;
}

/** The parsed template with each property set; undefined when a resource or its Properties is missing. */
function withProperties(template: unknown, edits: readonly ResourcePropertyEdit[]): unknown {
  const copy = copyValue(template);
  for (const { logicalId, property, value } of edits) {
    const properties = propertiesOf(copy, logicalId);
    if (properties === undefined) return undefined;
    properties[property] = copyValue(value);
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

/**
 * The YAML text with each edited value replaced where it stands (a resource gaining a property has
 * its whole `Properties` replaced by its edited value, `expected`'s); undefined when a value to
 * replace is an alias, a tagged node or has no place in the text.
 */
function spliceYaml(
  text: string,
  edits: readonly ResourcePropertyEdit[],
  expected: unknown,
): string | undefined {
  const document = parseDocument(text, { uniqueKeys: false, customTags: [...cloudFormationTags] });
  const original = parseTemplate(text);
  const spans = new Map<string, { start: number; end: number; value: unknown }>();
  for (const { logicalId, property, value } of edits) {
    const had = original.ok && Object.hasOwn(propertiesOf(original.template, logicalId) ?? {}, property);
    const path = had
      ? ['Resources', logicalId, 'Properties', property]
      : ['Resources', logicalId, 'Properties'];
    const node: unknown = document.getIn(path, true);
    if (!isNode(node) || isAlias(node) || node.tag !== undefined || node.range == null) return undefined;
    const start = node.range[0];
    const end = start + text.slice(start, node.range[1]).trimEnd().length;
    // A whole Properties replaced holds every edit of its resource; its own properties' spans go.
    if (!had) {
      for (const key of [...spans.keys()]) if (key.startsWith(`${logicalId}\u0000`)) spans.delete(key);
      spans.set(`${logicalId}`, { start, end, value: propertiesOf(expected, logicalId) });
    } else if (!spans.has(logicalId)) spans.set(`${logicalId}\u0000${property}`, { start, end, value });
  }
  // From the end, so earlier offsets stay true.
  let out = text;
  for (const span of [...spans.values()].sort((a, b) => b.start - a.start))
    out = out.slice(0, span.start) + JSON.stringify(span.value) + out.slice(span.end);
  return out;
}
