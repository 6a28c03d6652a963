import { isPlainObject } from '../cfn/is-plain-object.js';
import { insideRepository } from './lockfile-sources.js';
import type { RiskReason } from './risk-assessment.js';

/** The npm public registry, where every `resolved` URL of a reviewed lockfile points (npm Docs, "registry"). */
const NPM_REGISTRY = 'https://registry.npmjs.org/';

/** Bounds on what is read: a lockfile larger or with more entries than this is not judged, and is high. */
const MAX_LOCKFILE_LENGTH = 20_000_000;
const MAX_ENTRIES = 50_000;
/** How deep a version 1 lockfile's nested `dependencies` are followed. */
const MAX_DEPTH = 64;

/** One installed package as the lockfile records it, keyed by its folder (`node_modules/a/node_modules/b`). */
interface LockEntry {
  readonly key: string;
  readonly entry: Record<string, unknown>;
}

/**
 * What an npm lockfile (`package-lock.json`, `npm-shrinkwrap.json`; npm Docs, "package-lock.json":
 * `packages` in versions 2 and 3, nested `dependencies` in version 1) makes `npm ci` install and
 * run in the deploy run, with its AWS credentials (`unseen-effect`, `where` `<file>#packages.<key>`):
 * - a `resolved` URL other than the registry's tarball of the entry's own name and version
 *   (`https://registry.npmjs.org/<name>/-/<name>-<version>.tgz`): git, another host, a path, or
 *   the registry's tarball of another package installed under this name — code no reviewer can
 *   read from the manifest;
 * - a `link` (workspace) whose target leaves the repository;
 * - `hasInstallScript: true` on an entry the reviewed base lockfile (`base`, the same file on the
 *   branch the change merges into) does not have with the same version and `resolved`: npm runs
 *   that package's install scripts, new code at build time. Without a base, every one counts; a
 *   base that could not be read (`baseUnreadable`) or does not parse is no base, and says so.
 * A lockfile that does not parse, or passes `MAX_LOCKFILE_LENGTH`/`MAX_ENTRIES`, is one reason at
 * the file. Pure; never throws.
 */
export function npmLockfileRisks(params: {
  path: string;
  content: string;
  base?: string;
  /** Why the base lockfile could not be read (then every install script counts, and says why). */
  baseUnreadable?: string;
}): RiskReason[] {
  const reason = (message: string, at = ''): RiskReason => ({
    code: 'unseen-effect',
    where: `${params.path}${at}`,
    message,
  });
  const entries = readEntries(params.content);
  if (typeof entries === 'string')
    return [reason(`The lockfile ${entries}; what npm ci would install cannot be judged.`)];
  const reviewed = params.base === undefined ? [] : readEntries(params.base);
  const known = new Set(
    (Array.isArray(reviewed) ? reviewed : [])
      .filter(({ entry }) => entry['hasInstallScript'] === true)
      .map(({ key, entry }) => identity(key, entry)),
  );
  const unread = params.baseUnreadable ?? (typeof reviewed === 'string' ? `it ${reviewed}` : undefined);
  const noBase =
    unread === undefined
      ? ''
      : ` (the reviewed lockfile on the base branch could not be read: ${unread}; every install script counts)`;
  const folder = params.path.split('/').slice(0, -1);
  const reasons: RiskReason[] = [];
  for (const { key, entry } of entries) {
    const at = `#packages.${key}`;
    const resolved = entry['resolved'];
    if (entry['link'] === true) {
      if (typeof resolved !== 'string' || !insideRepository(folder, resolved))
        reasons.push(reason(`${key} links to ${JSON.stringify(resolved)}, outside the repository.`, at));
      continue;
    }
    if (resolved !== undefined && resolved !== registryTarball(key, entry))
      reasons.push(
        reason(
          `${key} is installed from ${JSON.stringify(resolved)}, not the npm registry's tarball of ${packageName(key, entry)}@${String(entry['version'])}: code the manifest does not show.`,
          at,
        ),
      );
    if (entry['hasInstallScript'] === true && !known.has(identity(key, entry)))
      reasons.push(
        reason(
          `${key} has install scripts the reviewed lockfile does not: npm ci runs them in the deploy run, with its AWS credentials${noBase}.`,
          at,
        ),
      );
  }
  return reasons;
}

/** The entries of a lockfile of any version, or why it cannot be read. */
function readEntries(content: string): LockEntry[] | string {
  if (content.length > MAX_LOCKFILE_LENGTH) return 'is too large to read';
  let lockfile: unknown;
  try {
    lockfile = JSON.parse(content);
  } catch {
    return 'does not parse';
  }
  if (!isPlainObject(lockfile)) return 'is not an object';
  const entries: LockEntry[] = [];
  if (isPlainObject(lockfile['packages'])) {
    for (const [key, entry] of Object.entries(lockfile['packages']))
      if (key !== '' && isPlainObject(entry)) entries.push({ key, entry });
  } else if (!collectVersion1(lockfile['dependencies'], 'node_modules/', entries, 0))
    return 'nests its dependencies too deeply';
  return entries.length > MAX_ENTRIES ? 'has too many entries to read' : entries;
}

/** A version 1 tree (`dependencies: { a: { version, resolved, dependencies } }`), flattened as version 2 keys. */
function collectVersion1(tree: unknown, prefix: string, into: LockEntry[], depth: number): boolean {
  if (!isPlainObject(tree)) return true;
  if (depth > MAX_DEPTH || into.length > MAX_ENTRIES) return false;
  for (const [name, entry] of Object.entries(tree)) {
    if (!isPlainObject(entry)) continue;
    const key = `${prefix}${name}`;
    // Version 1 writes a git or URL dependency's source as its `version`.
    const version = entry['version'];
    const written =
      typeof version === 'string' && /[:/]/.test(version) && entry['resolved'] === undefined
        ? { ...entry, resolved: version }
        : entry;
    into.push({ key, entry: written });
    if (!collectVersion1(entry['dependencies'], `${key}/node_modules/`, into, depth + 1)) return false;
  }
  return true;
}

/** The name a lockfile entry installs: its `name` (an alias's real package), else the folder's. */
function packageName(key: string, entry: Record<string, unknown>): string {
  if (typeof entry['name'] === 'string') return entry['name'];
  const at = key.lastIndexOf('node_modules/');
  return at === -1 ? key : key.slice(at + 'node_modules/'.length);
}

/** `https://registry.npmjs.org/<name>/-/<unscoped name>-<version>.tgz` (the registry's tarball URL). */
function registryTarball(key: string, entry: Record<string, unknown>): string | undefined {
  const name = packageName(key, entry);
  const version = entry['version'];
  if (typeof version !== 'string') return undefined;
  const unscoped = name.slice(name.lastIndexOf('/') + 1);
  return `${NPM_REGISTRY}${name}/-/${unscoped}-${version}.tgz`;
}

function identity(key: string, entry: Record<string, unknown>): string {
  return `${key}\u0001${String(entry['version'])}\u0001${String(entry['resolved'])}`;
}
