import { isPlainObject } from '../cfn/is-plain-object.js';
import {
  MAX_LOCKFILE_ENTRIES,
  MAX_LOCKFILE_LENGTH,
  insideRepository,
  isRegistryTarball,
} from './lockfile-sources.js';
import { nameSome, newLockfileEntries } from './new-lockfile-entries.js';
import { readYarnClassicLockfile } from './read-yarn-classic-lockfile.js';
import type { RiskReason } from './risk-assessment.js';
import { readYarnBerryLockfile } from './yarn-berry-lockfile.js';
import { patchPathsFromRoot, readYarnPatchRange } from './yarn-patch-range.js';

/** A range or tag the registry answers (`^1.2.0`, `1.x || >=2`, `latest`): not a URL, git, path or `user/repo`. */
const REGISTRY_RANGE = /^[\w.^~<>=|* -]*$/;

/**
 * What a `yarn.lock` makes yarn install, and npm too: npm reads a `yarn.lock` beside the manifest
 * as a source of package metadata (npm Docs, "npm install": "If the package has a package-lock,
 * or an npm shrinkwrap file, or a yarn lock file…"). `unseen-effect`, `where` `<file>#<entry>`:
 * - yarn v1 (`readYarnClassicLockfile`: only the forms yarn writes, `key "value"` or
 *   `key: "value"`; any other line is one reason at the file): an entry asked for by anything but
 *   a registry range (git, a URL, `file:`/`link:`, `user/repo`), or whose `resolved` is not the
 *   registry's tarball of the entry's own name and version on `REVIEWED_REGISTRIES`;
 * - yarn 2+ (YAML whose mapping has a `__metadata` key, however quoted): a `resolution` other than
 *   `<name>@npm:<version>`, a `workspace:` inside the repository, or a `patch:` of one of those
 *   whose patches are Yarn's own built-in ones (`~builtin<…>`, `optional!builtin<…>`) or files of
 *   the repository (`~/` from the lockfile's folder, else from the `::locator=` workspace's), which
 *   `patchedDependencyFileRisks` judges where they are.
 * Install scripts (`where` the file): yarn runs every installed package's `preinstall`, `install`
 * and `postinstall` (Yarn Docs, "Lifecycle Scripts"; yarn 2+: `enableScripts`, on by default, Yarn
 * Docs, "Settings (.yarnrc.yml)"), and neither format records which packages have them (yarn v1's
 * entries hold `version`, `resolved`, `integrity`, `dependencies`; yarn 2+'s `resolution`,
 * `checksum`, `dependencies`, `languageName`, `linkType`). So, as `npmLockfileRisks` does with
 * `hasInstallScript`, every registry package the reviewed base lockfile (`base`) does not have
 * with the same source (a yarn v1 entry without `resolved` too) is one that may run install
 * scripts: one reason naming them. Without a
 * base, or one that could not be read (`baseUnreadable`) or parsed, every package counts, and the
 * reason says why. A file past the bounds of `lockfile-sources`, or not readable as either format,
 * is one reason at the file. Pure; never throws.
 */
export function yarnLockfileRisks(params: {
  path: string;
  content: string;
  base?: string;
  baseUnreadable?: string;
}): RiskReason[] {
  const reason = (message: string, at = ''): RiskReason => ({
    code: 'unseen-effect',
    where: `${params.path}${at}`,
    message,
  });
  const folder = params.path.split('/').slice(0, -1);
  const found = readYarnLockfile(params.content, folder);
  if (typeof found === 'string')
    return [reason(`The yarn lockfile ${found}; what it installs cannot be judged.`)];
  const reasons = found.findings.map(({ entry, message }) => reason(message, `#${entry}`));
  const base = params.base === undefined ? undefined : readYarnLockfile(params.base, folder);
  const unread = params.baseUnreadable ?? (typeof base === 'string' ? `it ${base}` : undefined);
  const added = newLockfileEntries(found.sources, typeof base === 'string' ? undefined : base?.sources);
  if (added.length > 0)
    reasons.push(
      reason(
        `${added.length} package(s) the reviewed yarn.lock does not have (${nameSome(added)}): yarn runs their install scripts, and its lockfile does not record which have them${
          unread === undefined
            ? ''
            : ` (the reviewed lockfile on the base branch could not be read: ${unread}; every package counts)`
        }${params.base === undefined && unread === undefined ? ' (no reviewed lockfile on the base branch to compare with)' : ''}.`,
      ),
    );
  return reasons;
}

interface Finding {
  readonly entry: string;
  readonly message: string;
}

/** A yarn lockfile's findings, and each registry package's source by spec, or why it cannot be read. */
interface YarnLockfile {
  readonly findings: Finding[];
  readonly sources: Map<string, string>;
}

/** A yarn 2+ lockfile (`readYarnBerryLockfile`); anything else is read as yarn v1's format, which takes only what yarn writes. */
function readYarnLockfile(content: string, folder: readonly string[]): YarnLockfile | string {
  if (content.length > MAX_LOCKFILE_LENGTH) return 'is too large to read';
  const read = readYarnBerryLockfile(content);
  if (read.berry) return berryFindings(read.entries, folder);
  return classicFindings(content);
}

/**
 * Yarn v1's format (`readYarnClassicLockfile`). Every entry is a source, `resolved` or not: an entry
 * without one is fetched from the registry by its version, a package that may run install scripts.
 */
function classicFindings(content: string): YarnLockfile | string {
  const entries = readYarnClassicLockfile(content);
  if (typeof entries === 'string') return entries;
  const sources = new Map<string, string>();
  const findings = entries.flatMap(({ specs, fields }) => {
    sources.set(
      specs.join(', '),
      `${fields.get('version') ?? ''} ${fields.get('resolved') ?? '(no resolved)'}`,
    );
    return judgeClassicEntry(specs, fields);
  });
  return { findings, sources };
}

function judgeClassicEntry(specs: readonly string[], fields: ReadonlyMap<string, string>): Finding[] {
  const entry = specs[0] ?? '';
  const findings: Finding[] = [];
  let installed: string | undefined;
  for (const spec of specs) {
    const { name, range } = splitSpec(spec);
    const alias = range.startsWith('npm:') ? splitSpec(range.slice('npm:'.length)) : undefined;
    installed ??= alias?.name ?? name;
    const asked = alias === undefined ? range : alias.range;
    if (!REGISTRY_RANGE.test(asked))
      findings.push({
        entry,
        message: `${name} is asked for as ${JSON.stringify(range)}, not a registry version: code the manifest does not show.`,
      });
  }
  const resolved = fields.get('resolved');
  const version = fields.get('version') ?? '';
  if (resolved !== undefined && !isRegistryTarball(resolved, installed ?? '', version))
    findings.push({
      entry,
      message: `${entry} is installed from ${JSON.stringify(resolved)}, not the npm registry's tarball of ${installed ?? '?'}@${version}: code the manifest does not show.`,
    });
  return findings;
}

/** `name@range` (a scoped name keeps its leading `@`); a spec without a range has an empty one. */
function splitSpec(spec: string): { name: string; range: string } {
  const at = spec.indexOf('@', 1);
  return at === -1 ? { name: spec, range: '' } : { name: spec.slice(0, at), range: spec.slice(at + 1) };
}

/** Yarn 2+'s YAML lockfile (parsed): each entry's `resolution`. */
function berryFindings(lockfile: Record<string, unknown>, folder: readonly string[]): YarnLockfile | string {
  const entries = Object.entries(lockfile).filter(([key]) => key !== '__metadata');
  if (entries.length > MAX_LOCKFILE_ENTRIES) return 'has too many entries to read';
  const sources = new Map<string, string>();
  const findings = entries.flatMap(([entry, value]): Finding[] => {
    const resolution = isPlainObject(value) ? value['resolution'] : undefined;
    // A package of the registry may have install scripts; the project's own workspaces are its manifests.
    if (typeof resolution === 'string' && /^npm:/.test(splitSpec(resolution).range))
      sources.set(entry, `${resolution} ${String(isPlainObject(value) ? value['checksum'] : '')}`);
    if (typeof resolution === 'string' && reviewedResolution(resolution, folder)) return [];
    return [
      {
        entry,
        message: `${entry} resolves to ${JSON.stringify(resolution)}, not a package of the npm registry: code the manifest does not show.`,
      },
    ];
  });
  return { findings, sources };
}

/**
 * A registry package, a workspace inside the repository, or a `patch:` of the same package of
 * either (`readYarnPatchRange`) whose patches are Yarn's own or files of the repository
 * (`patchPathsFromRoot`; what they hold is judged where they are: `patchedDependencyFileRisks`).
 */
function reviewedResolution(resolution: string, folder: readonly string[]): boolean {
  const { name, range } = splitSpec(resolution);
  if (/^npm:[\w.+-]+$/.test(range)) return true;
  if (range.startsWith('workspace:')) return insideRepository([...folder], range.slice('workspace:'.length));
  const patch = readYarnPatchRange(range);
  if (patch === undefined || splitSpec(patch.source).name !== name || patch.source.includes('patch:'))
    return false;
  const paths = patchPathsFromRoot(patch);
  return (
    paths !== undefined &&
    paths.every((path) => insideRepository([...folder], path)) &&
    reviewedResolution(patch.source, folder)
  );
}
