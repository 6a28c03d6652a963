import { isPlainObject } from '../cfn/is-plain-object.js';

/**
 * A Yarn `patch:` range or resolution, read (Yarn Docs, "Protocols": patch, and "yarn
 * patch-commit"; Yarn's `patchUtils`): `patch:<source>#<path>[&<path>…][::<parameters>]`, the source
 * (`lodash@npm%3A4.17.21`) and each path URL-encoded, the parameters `key=value` pairs joined by `&`
 * (`version`, `hash`, and `locator`, the workspace or package whose folder a relative path is read
 * from). A path marked `optional!` is one Yarn may skip; `builtin<compat/…>` (written `~builtin<…>`
 * by Yarn 2 and 3, `optional!builtin<…>` by Yarn 4) names a patch Yarn carries itself.
 */
export interface YarnPatchRange {
  /** The patched source, decoded (`lodash@npm:4.17.21`). */
  readonly source: string;
  /** The patch files, decoded, without `optional!`; Yarn's built-in patches left out. */
  readonly paths: readonly string[];
  /** The decoded `locator` parameter (`app@workspace:packages/api`), when there is one. */
  readonly locator: string | undefined;
}

/** Yarn's own patches (`builtin<compat/typescript>`), however Yarn 2, 3 or 4 marks them. */
const BUILTIN = /^(~|optional!)?builtin<compat\/[\w-]+>$/;

/**
 * `range` (the text after a descriptor's `<name>@`, or a whole `resolutions` value) read as a
 * `patch:` range; undefined for any other text. A malformed escape is kept as written. Pure.
 */
export function readYarnPatchRange(range: string): YarnPatchRange | undefined {
  if (!range.startsWith('patch:')) return undefined;
  const hash = range.indexOf('#');
  if (hash < 0) return { source: decoded(range.slice('patch:'.length)), paths: [], locator: undefined };
  const [spec = '', parameters = ''] = splitOnce(range.slice(hash + 1), '::');
  const locator = parameters
    .split('&')
    .map((pair) => splitOnce(pair, '='))
    .find(([key]) => key === 'locator')?.[1];
  const paths = decoded(spec)
    .split('&')
    .filter((path) => path !== '' && !BUILTIN.test(path))
    .map((path) => path.replace(/^optional!/, ''));
  return {
    source: decoded(range.slice('patch:'.length, hash)),
    paths,
    locator: locator === undefined ? undefined : decoded(locator),
  };
}

/**
 * How many `patch:` ranges inside one another are read: Yarn nests one when a patched package is
 * patched again (a builtin patch, then the repository's), so two or three levels are real; more
 * is not read, and a reader of it fails closed.
 */
export const MAX_PATCH_NESTING = 8;

/**
 * Every `patch:` range `range` is made of, outermost first: itself, then its source's range when
 * that is a `patch:` range too (`lodash@patch:lodash@npm%253A4.17.21%23~/first.diff…#~/second.diff`:
 * the source, decoded once, is the descriptor `lodash@patch:…#~/first.diff…`), level by level.
 * `[]` for a range that is no patch; undefined past `MAX_PATCH_NESTING` levels. Pure.
 */
export function nestedYarnPatchRanges(range: string): YarnPatchRange[] | undefined {
  const ranges: YarnPatchRange[] = [];
  for (
    let patch = readYarnPatchRange(range);
    patch !== undefined;
    patch = readYarnPatchRange(rangeOf(patch.source))
  ) {
    if (ranges.length >= MAX_PATCH_NESTING) return undefined;
    ranges.push(patch);
  }
  return ranges;
}

/** The range of a descriptor `name@range` (`@scope/name@range` too). */
function rangeOf(descriptor: string): string {
  const at = descriptor.indexOf('@', 1);
  return at < 0 ? '' : descriptor.slice(at + 1);
}

/**
 * The folder (below the project root, `.` the root) of a workspace locator (`app@workspace:packages/api`),
 * from which a relative patch path is read; undefined for a locator of anything but a workspace (a
 * package's own patch, inside a dependency the repository does not hold).
 */
export function workspaceFolder(locator: string): string | undefined {
  const at = locator.indexOf('@', 1);
  const reference = at < 0 ? '' : locator.slice(at + 1);
  return reference.startsWith('workspace:') ? reference.slice('workspace:'.length) : undefined;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Left as written: a malformed escape names the file by its literal text.
    return text;
  }
}

/**
 * Each patch file a patch range names, as a path from the project root (`./…`, the folder of
 * `yarn.lock`): `~/` is the root, any other relative path is read from its `locator`'s workspace
 * folder (the root without one). Undefined when a path cannot be placed there: absolute, or read
 * from a package that is not a workspace.
 */
export function patchPathsFromRoot(patch: YarnPatchRange): string[] | undefined {
  const folder = patch.locator === undefined ? '.' : workspaceFolder(patch.locator);
  const paths: string[] = [];
  for (const path of patch.paths) {
    if (path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
    if (path.startsWith('~/')) paths.push(`./${path.slice(2)}`);
    else if (folder === undefined) return undefined;
    else paths.push(`./${folder}/${path}`);
  }
  return paths;
}

/**
 * The patch files a parsed Yarn 2+ lockfile names (`patchPathsFromRoot`), in its entries' keys (a
 * key lists descriptors joined by `, `) and `resolution`s, at every level of a nested range
 * (`nestedYarnPatchRanges`): the files Yarn applies to a dependency's code on install. A patch that
 * cannot be placed gives nothing here (`yarnLockfileRisks` names its entry). Undefined when a range
 * nests past `MAX_PATCH_NESTING` (what it names is not known).
 */
export function lockfilePatchPaths(lockfile: Readonly<Record<string, unknown>>): string[] | undefined {
  const ranges: string[] = [];
  for (const [key, value] of Object.entries(lockfile)) {
    if (key === '__metadata') continue;
    ranges.push(...key.split(/,\s*/));
    const resolution = isPlainObject(value) ? value['resolution'] : undefined;
    if (typeof resolution === 'string') ranges.push(resolution);
  }
  const paths: string[] = [];
  for (const descriptor of ranges) {
    const patches = nestedYarnPatchRanges(rangeOf(descriptor));
    if (patches === undefined) return undefined;
    for (const patch of patches) paths.push(...(patchPathsFromRoot(patch) ?? []));
  }
  return paths;
}
