import { isPlainObject } from '../cfn/is-plain-object.js';
import { caseFoldedPath } from './case-folded-path.js';
import { hasDuplicateJsonKeys } from './has-duplicate-json-keys.js';
import { insideRepository } from './lockfile-sources.js';
import type { RiskReason } from './risk-assessment.js';
import { SHADOWED_COMMANDS } from './shadowed-commands.js';

/** The npm public registry, where every `resolved` URL of a reviewed lockfile points (npm Docs, "registry"). */
const NPM_REGISTRY = 'https://registry.npmjs.org/';

/** Bounds on what is read: a lockfile larger or with more entries than this is not judged, and is high. */
const MAX_LOCKFILE_LENGTH = 20_000_000;
const MAX_ENTRIES = 50_000;
/** How deep a version 1 lockfile's nested `dependencies` are followed. */
const MAX_DEPTH = 64;

/**
 * A plain semver version (semver.org 2.0.0), which npm fetches from the registry by name: what an
 * entry without `resolved` may have as its `version`.
 */
const PLAIN_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** The fields of a lockfile entry (and its root) that ask for packages by name and spec. */
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/** An npm alias spec (`npm:<name>@<range>`, npm Docs, "package.json": dependencies): installs `<name>`. */
const ALIAS = /^npm:((?:@[\w.-]+\/)?[\w.-]+)(?:@|$)/;

/**
 * The fields npm writes in an installed entry of a lockfile (@npmcli/arborist shrinkwrap.js
 * `pkgMetaKeys`, `nodeMetaKeys` and `metaFromNode`, npm 11: `ideallyInert`, `libc`; version 1's
 * `requires` and `bundled`). npm ci takes an entry as the package's manifest (arborist
 * load-virtual.js `#loadNode`: `pkg: sw`), and rebuild.js reads `scripts` and `gypfile` from it:
 * another field is not one npm wrote, and may change what the install runs.
 */
const NPM_ENTRY_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'version',
  'resolved',
  'integrity',
  'link',
  'dev',
  'optional',
  'devOptional',
  'peer',
  'extraneous',
  'inBundle',
  'ideallyInert',
  'hasShrinkwrap',
  'hasInstallScript',
  'bin',
  'license',
  'engines',
  'os',
  'cpu',
  'libc',
  'funding',
  'deprecated',
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bundleDependencies',
  'acceptDependencies',
  'workspaces',
  'requires',
  'bundled',
]);

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
 * - `hasInstallScript` (any true value, as arborist rebuild.js reads it) on an entry the reviewed
 *   base lockfile (`base`, the same file on the branch the change merges into) does not have alike
 *   (same version, `resolved` and `name`): npm runs that package's install scripts, new code at
 *   build time. Without a base, every one counts; a base that could not be read (`baseUnreadable`)
 *   or does not parse is no base, and says so. The limit: npm writes `hasInstallScript` from the
 *   registry's metadata, which the publisher writes, and npm ci also runs `node-gyp rebuild` for a
 *   package whose tarball holds a `binding.gyp` (rebuild.js `isNodeGypPackage` looks on disk,
 *   whatever the lockfile says); npm's own publish adds that install script to the manifest, so
 *   the registry records it, but a package published otherwise may carry a `binding.gyp` nothing
 *   records. The tarball is not seen here: a new registry entry without the flag is taken as npm
 *   recorded it;
 * - on an installed entry, a field npm does not write there (`NPM_ENTRY_FIELDS`: `scripts`,
 *   `gypfile`…), or a `bin` naming a command the build starts by name (`SHADOWED_COMMANDS`) for a
 *   package not its own, unless the reviewed base lockfile's entry at that key has the same value:
 *   the lockfile is the manifest npm ci installs from;
 * - an entry without `resolved` whose `version` is not a plain semver version (a URL, `git+…`,
 *   `file:…`): npm fetches `<name>@<version>` for such an entry (@npmcli/arborist reify.js
 *   `#extractOrLink`), so the version is its source;
 * - an installed entry (`…node_modules/<folder>`) whose `name` is not `<folder>` — npm installs
 *   that package's code under the folder's name, and a manifest asking for `<folder>` by a version
 *   range accepts it (arborist dep-valid.js checks the version alone) — unless the reviewed base
 *   lockfile asks for it by an alias (`"<folder>": "npm:<name>@…"` in any entry's dependencies) or
 *   has the same entry. An alias only the change writes is not enough: the change writes every
 *   entry's `dependencies` too, and the manifest's own aliases are `packageManifestRisks`' to judge;
 * - a version 1 lockfile (no `packages`, or `lockfileVersion` below 2) with entries the base lockfile
 *   does not have alike: it records no `hasInstallScript`, so npm reads each package's own
 *   package.json on disk for install scripts (arborist rebuild.js, "old metadata"), and whether
 *   they run cannot be judged from the lockfile; one reason at the file, naming a few.
 * A lockfile that does not parse, names a key twice (RFC 8259 §4: which value a reader keeps is
 * unpredictable), or passes `MAX_LOCKFILE_LENGTH`/`MAX_ENTRIES`, is one reason at the file. Pure;
 * never throws.
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
  const lockfile = readLockfile(params.content);
  if (typeof lockfile === 'string')
    return [reason(`The lockfile ${lockfile}; what npm ci would install cannot be judged.`)];
  const { entries } = lockfile;
  const reviewed = params.base === undefined ? undefined : readLockfile(params.base);
  const reviewedEntries = typeof reviewed === 'object' ? reviewed.entries : [];
  const alike = new Set(reviewedEntries.map(({ key, entry }) => identity(key, entry)));
  const known = new Set(
    reviewedEntries
      .filter(({ entry }) => Boolean(entry['hasInstallScript']))
      .map(({ key, entry }) => identity(key, entry)),
  );
  const reviewedAliases = typeof reviewed === 'object' ? reviewed.aliases : new Set<string>();
  const reviewedByKey = new Map(reviewedEntries.map(({ key, entry }) => [key, entry]));
  const reviewedAlike = (key: string, entry: Record<string, unknown>, field: string) =>
    JSON.stringify(reviewedByKey.get(key)?.[field]) === JSON.stringify(entry[field]);
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
    const version = entry['version'];
    if (resolved === undefined && typeof version === 'string' && !PLAIN_VERSION.test(version))
      reasons.push(
        reason(
          `${key} has no \`resolved\` and its version is ${JSON.stringify(version)}: npm ci fetches it from there, code the manifest does not show.`,
          at,
        ),
      );
    const folderName = installedFolderName(key);
    const name = entry['name'];
    if (
      folderName !== undefined &&
      name !== undefined &&
      name !== folderName &&
      !reviewedAliases.has(aliasKey(folderName, String(name))) &&
      !alike.has(identity(key, entry))
    )
      reasons.push(
        reason(
          `${key} installs the package ${JSON.stringify(name)} under the name ${folderName}, and the reviewed lockfile asks for no such alias: a reviewer reads one name, npm installs another.`,
          at,
        ),
      );
    if (resolved !== undefined && resolved !== registryTarball(key, entry))
      reasons.push(
        reason(
          `${key} is installed from ${JSON.stringify(resolved)}, not the npm registry's tarball of ${packageName(key, entry)}@${String(entry['version'])}: code the manifest does not show.`,
          at,
        ),
      );
    if (folderName !== undefined)
      reasons.push(
        ...manifestFieldRisks(key, entry, (field) => reviewedAlike(key, entry, field)).map((message) =>
          reason(message, at),
        ),
      );
    if (Boolean(entry['hasInstallScript']) && !known.has(identity(key, entry)))
      reasons.push(
        reason(
          `${key} has install scripts the reviewed lockfile does not: npm ci runs them in the deploy run, with its AWS credentials${noBase}.`,
          at,
        ),
      );
  }
  if (lockfile.version1) {
    const unreviewed = entries.filter(({ key, entry }) => !alike.has(identity(key, entry)));
    if (unreviewed.length > 0) {
      const named = unreviewed.slice(0, 3).map(({ key }) => key);
      const more = unreviewed.length > named.length ? ` and ${unreviewed.length - named.length} more` : '';
      reasons.push(
        reason(
          `The lockfile is version 1, which does not record install scripts: npm ci reads each package's own package.json and runs whatever install scripts it finds, so the ${unreviewed.length} entries the reviewed lockfile does not have alike (${named.join(', ')}${more}) cannot be judged${noBase}.`,
        ),
      );
    }
  }
  return reasons;
}

/**
 * Why an installed entry is not as npm writes it, read as the manifest npm ci installs from:
 * fields npm does not write, and `bin` commands that shadow the build's (`SHADOWED_COMMANDS`);
 * `reviewed(field)` says the reviewed base lockfile has the same value there.
 */
function manifestFieldRisks(
  key: string,
  entry: Record<string, unknown>,
  reviewed: (field: string) => boolean,
): string[] {
  const messages: string[] = [];
  const foreign = Object.keys(entry).filter((field) => !NPM_ENTRY_FIELDS.has(field) && !reviewed(field));
  const named = foreign
    .slice(0, 5)
    .map((field) => JSON.stringify(field))
    .join(', ');
  if (foreign.length > 0)
    messages.push(
      `${key} has ${named}, which npm does not write in a lockfile entry: npm ci takes the entry as the package's manifest, so this lockfile is not one npm wrote, and what the package runs at install cannot be judged.`,
    );
  const name = packageName(key, entry);
  const bin = entry['bin'];
  const commands = isPlainObject(bin)
    ? Object.keys(bin)
    : typeof bin === 'string'
      ? [name.slice(name.lastIndexOf('/') + 1)]
      : [];
  const shadowing = commands.filter((command) => {
    const owners = SHADOWED_COMMANDS.get(caseFoldedPath(command));
    return owners !== undefined && !owners.includes(name);
  });
  if (shadowing.length > 0 && !reviewed('bin'))
    messages.push(
      `${key} (${name}) links its files as ${shadowing.join(', ')} in node_modules/.bin, which comes first on the PATH npm run gives the build: the deploy run would start this package's code for the build's own command.`,
    );
  return messages;
}

/** What a lockfile holds for the rules above. */
interface ReadLockfile {
  readonly entries: LockEntry[];
  /** Read as version 1 (nested `dependencies`, or `lockfileVersion` below 2): no `hasInstallScript`. */
  readonly version1: boolean;
  /** The aliases its entries ask for (`aliasKey(folder, name)`), the root's included. */
  readonly aliases: ReadonlySet<string>;
}

/** A lockfile's entries, how it records install scripts and the aliases it asks for, or why it cannot be read. */
function readLockfile(content: string): ReadLockfile | string {
  if (content.length > MAX_LOCKFILE_LENGTH) return 'is too large to read';
  let lockfile: unknown;
  try {
    lockfile = JSON.parse(content);
  } catch {
    return 'does not parse';
  }
  if (!isPlainObject(lockfile)) return 'is not an object';
  if (hasDuplicateJsonKeys(content)) return 'names a key twice';
  const entries = readEntries(lockfile);
  if (typeof entries === 'string') return entries;
  const packages = lockfile['packages'];
  const version = lockfile['lockfileVersion'];
  const version1 = !isPlainObject(packages) || !(typeof version === 'number' && version >= 2);
  const aliases = new Set<string>();
  const root = isPlainObject(packages) && isPlainObject(packages['']) ? [packages['']] : [];
  for (const entry of [...root, ...entries.map((each) => each.entry)])
    for (const field of DEPENDENCY_FIELDS) {
      const specs = entry[field];
      if (!isPlainObject(specs)) continue;
      for (const [folder, spec] of Object.entries(specs)) {
        const target = typeof spec === 'string' ? ALIAS.exec(spec)?.[1] : undefined;
        if (target !== undefined) aliases.add(aliasKey(folder, target));
      }
    }
  return { entries, version1, aliases };
}

/** The entries of a parsed lockfile of any version, or why they cannot be read. */
function readEntries(lockfile: Record<string, unknown>): LockEntry[] | string {
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

/** An entry as the rules compare it with the base: its folder, version, source and package name. */
function identity(key: string, entry: Record<string, unknown>): string {
  return [key, entry['version'], entry['resolved'], entry['name']].map(String).join('\u0001');
}

/** The folder name an installed entry's key ends in (`…node_modules/<name>`), or undefined for a workspace folder. */
function installedFolderName(key: string): string | undefined {
  const at = key.lastIndexOf('node_modules/');
  return at === -1 ? undefined : key.slice(at + 'node_modules/'.length);
}

function aliasKey(folder: string, name: string): string {
  return `${folder}\u0001${name}`;
}
