import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseStructuredText } from '../untrusted/parse-structured-text.js';
import {
  MAX_LOCKFILE_ENTRIES,
  MAX_LOCKFILE_LENGTH,
  insideRepository,
  isRegistryTarball,
} from './lockfile-sources.js';
import { nameSome, newLockfileEntries } from './new-lockfile-entries.js';
import type { RiskReason } from './risk-assessment.js';

/** A range or tag the registry answers (`^1.2.0`, `1.x || >=2`, `latest`): not a URL, git, path or `user/repo`. */
const REGISTRY_RANGE = /^[\w.^~<>=|* -]*$/;

/** Yarn 2+ patches it applies to some npm packages by itself (`typescript`, `resolve`, `fsevents`). */
const BUILTIN_PATCH = /^(@?[^@]+)@patch:\1@npm%3A[^#]+#optional!builtin<compat\/[\w-]+>$/;

/**
 * What a `yarn.lock` makes yarn install, and npm too: npm reads a `yarn.lock` beside the manifest
 * as a source of package metadata (npm Docs, "npm install": "If the package has a package-lock,
 * or an npm shrinkwrap file, or a yarn lock file…"). `unseen-effect`, `where` `<file>#<entry>`:
 * - yarn v1 (read line by line, bounded): an entry asked for by anything but a registry range
 *   (git, a URL, `file:`/`link:`, `user/repo`), or whose `resolved` is not the registry's tarball
 *   of the entry's own name and version on `REVIEWED_REGISTRIES`;
 * - yarn 2+ (YAML with `__metadata`): a `resolution` other than `<name>@npm:<version>`, a
 *   `workspace:` inside the repository, or one of yarn's own built-in patches.
 * Install scripts (`where` the file): yarn runs every installed package's `preinstall`, `install`
 * and `postinstall` (Yarn Docs, "Lifecycle Scripts"; yarn 2+: `enableScripts`, on by default, Yarn
 * Docs, "Settings (.yarnrc.yml)"), and neither format records which packages have them (yarn v1's
 * entries hold `version`, `resolved`, `integrity`, `dependencies`; yarn 2+'s `resolution`,
 * `checksum`, `dependencies`, `languageName`, `linkType`). So, as `npmLockfileRisks` does with
 * `hasInstallScript`, every registry package the reviewed base lockfile (`base`) does not have
 * with the same source is one that may run install scripts: one reason naming them. Without a
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

function readYarnLockfile(content: string, folder: readonly string[]): YarnLockfile | string {
  if (content.length > MAX_LOCKFILE_LENGTH) return 'is too large to read';
  return /^__metadata:/m.test(content) ? berryFindings(content, folder) : classicFindings(content);
}

/** Yarn v1's format: a header line of specs ending in `:`, then indented `key "value"` lines. */
function classicFindings(content: string): YarnLockfile | string {
  const findings: Finding[] = [];
  const sources = new Map<string, string>();
  let entries = 0;
  let header: string | undefined;
  let fields = new Map<string, string>();
  const close = () => {
    if (header === undefined) return;
    findings.push(...judgeClassicEntry(header, fields));
    const resolved = fields.get('resolved');
    if (resolved !== undefined) sources.set(header, `${fields.get('version') ?? ''} ${resolved}`);
  };
  for (const line of content.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      close();
      if (++entries > MAX_LOCKFILE_ENTRIES) return 'has too many entries to read';
      header = line.replace(/:\s*$/, '');
      fields = new Map();
      continue;
    }
    // Only an entry's own fields (two spaces), not its `dependencies:` list (four).
    const field = /^ {2}(\w+) +"?([^"]*)"?\s*$/.exec(line);
    if (field?.[1] !== undefined && field[2] !== undefined) fields.set(field[1], field[2]);
  }
  close();
  return { findings, sources };
}

function judgeClassicEntry(header: string, fields: ReadonlyMap<string, string>): Finding[] {
  const specs = header.split(/,\s*/).map((spec) => spec.trim().replace(/^"|"$/g, ''));
  const entry = specs[0] ?? header;
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

/** Yarn 2+'s YAML lockfile: each entry's `resolution`. */
function berryFindings(content: string, folder: readonly string[]): YarnLockfile | string {
  const parsed = parseStructuredText({
    text: content,
    format: 'yaml',
    maxLength: MAX_LOCKFILE_LENGTH,
    maxValues: MAX_LOCKFILE_ENTRIES * 20,
  });
  if (!parsed.ok || !isPlainObject(parsed.value)) return 'does not parse as YAML';
  const entries = Object.entries(parsed.value).filter(([key]) => key !== '__metadata');
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

function reviewedResolution(resolution: string, folder: readonly string[]): boolean {
  const { range } = splitSpec(resolution);
  if (/^npm:[\w.+-]+$/.test(range)) return true;
  if (range.startsWith('workspace:')) return insideRepository([...folder], range.slice('workspace:'.length));
  return BUILTIN_PATCH.test(resolution);
}
