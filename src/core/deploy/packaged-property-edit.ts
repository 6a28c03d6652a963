import { isPlainObject } from '../cfn/is-plain-object.js';
import type { ResourcePropertyEdit } from '../cfn/rewrite-resource-properties.js';

/**
 * The edit that sets the property at `dottedPath` (`CodeUri`, or nested: `Code.S3`) of the resource
 * `logicalId` of `template` (parsed, long form) to `value`: a top-level property is set as it
 * is; a nested one by setting its top-level property to a copy of what it holds with the nested
 * value replaced (`rewriteResourceProperties` edits top-level properties only). Undefined when the
 * path does not lead through plain objects (the caller found the value there, so it does). Pure.
 */
export function packagedPropertyEdit(params: {
  template: unknown;
  logicalId: string;
  dottedPath: string;
  value: unknown;
}): ResourcePropertyEdit | undefined {
  const [top, ...rest] = params.dottedPath.split('.');
  if (top === undefined) return undefined;
  if (rest.length === 0) return { logicalId: params.logicalId, property: top, value: params.value };
  const holder = ownValue(
    ownValue(ownValue(ownValue(params.template, 'Resources'), params.logicalId), 'Properties'),
    top,
  );
  const replaced = withValueAt(holder, rest, params.value);
  return replaced === undefined ? undefined : { logicalId: params.logicalId, property: top, value: replaced };
}

function withValueAt(holder: unknown, path: readonly string[], value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined || !isPlainObject(holder) || !Object.hasOwn(holder, key)) return undefined;
  const inner = rest.length === 0 ? value : withValueAt(ownValue(holder, key), rest, value);
  return inner === undefined ? undefined : { ...holder, [key]: inner };
}

const ownValue = (holder: unknown, key: string): unknown =>
  isPlainObject(holder) && Object.hasOwn(holder, key) ? holder[key] : undefined;
