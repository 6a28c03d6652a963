import { isDeepStrictEqual } from 'node:util';
import { isAlias, isNode, parseDocument } from 'yaml';
import { cloudFormationTags } from './cloudformation-tags.js';
import { isPlainObject } from './is-plain-object.js';
import { parseTemplate } from './parse-template.js';
import type { PropertyRewriteResult } from './rewrite-resource-properties.js';

/** One value to replace: the value at `at` (keys from the template's root; list items by index) becomes `value`. */
export interface ValueEdit {
  readonly at: readonly string[];
  readonly value: unknown;
}

/**
 * `text` (a CloudFormation template) with the value at each edit's place replaced, as `aws
 * cloudformation package` rewrites a value that is no resource property (an `AWS::Include`
 * transform's `Location`). As `rewriteResourceProperties`: a YAML template keeps its text byte for
 * byte but the replaced values, each written as JSON where the old value stood; a JSON template is
 * written again from its parsed value. Each place must already hold a plain value, and the result
 * must parse to the original template with exactly these values set; otherwise `ok` is false. Pure.
 */
export function rewriteValuesAt(text: string, edits: readonly ValueEdit[]): PropertyRewriteResult {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return { ok: false, message: `the template does not parse: ${parsed.message}` };
  const expected = copyValue(parsed.template);
  for (const edit of edits)
    if (!setAt(expected, edit.at, edit.value))
      return { ok: false, message: `${where(edit)} is not in the template` };
  const rewritten =
    parsed.format === 'json' ? `${JSON.stringify(expected, null, 2)}\n` : spliceYaml(text, edits);
  const check = rewritten === undefined ? undefined : parseTemplate(rewritten);
  if (rewritten === undefined || check?.ok !== true || !isDeepStrictEqual(check.template, expected))
    return {
      ok: false,
      message: `${edits.map(where).join(', ')} is not written as a plain value, so it cannot be replaced in place`,
    };
  return { ok: true, text: rewritten };
}

const where = (edit: ValueEdit) => edit.at.join('.');

function setAt(root: unknown, at: readonly string[], value: unknown): boolean {
  const last = at[at.length - 1];
  if (last === undefined) return false;
  let holder: unknown = root;
  for (const key of at.slice(0, -1)) holder = childOf(holder, key);
  if (Array.isArray(holder) && /^\d+$/.test(last) && Number(last) < holder.length) {
    holder[Number(last)] = copyValue(value);
    return true;
  }
  if (!isPlainObject(holder) || !Object.hasOwn(holder, last)) return false;
  holder[last] = copyValue(value);
  return true;
}

function childOf(holder: unknown, key: string): unknown {
  if (Array.isArray(holder)) return /^\d+$/.test(key) ? holder[Number(key)] : undefined;
  return isPlainObject(holder) && Object.hasOwn(holder, key) ? holder[key] : undefined;
}

function spliceYaml(text: string, edits: readonly ValueEdit[]): string | undefined {
  const document = parseDocument(text, { uniqueKeys: false, customTags: [...cloudFormationTags] });
  const spans: { start: number; end: number; value: unknown }[] = [];
  for (const edit of edits) {
    const node: unknown = document.getIn(edit.at, true);
    if (!isNode(node) || isAlias(node) || node.tag !== undefined || node.range == null) return undefined;
    const start = node.range[0];
    spans.push({ start, end: start + text.slice(start, node.range[1]).trimEnd().length, value: edit.value });
  }
  // From the end, so earlier offsets stay true.
  let out = text;
  for (const span of spans.sort((a, b) => b.start - a.start))
    out = out.slice(0, span.start) + JSON.stringify(span.value) + out.slice(span.end);
  return out;
}

/** A deep copy made here (not `structuredClone`, whose objects may come from another realm). */
function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, copyValue(entry)]));
  return value;
}
