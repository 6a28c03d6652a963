import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseStructuredText } from '../untrusted/parse-structured-text.js';
import {
  MAX_LOCKFILE_ENTRIES,
  MAX_LOCKFILE_LENGTH,
  insideRepository,
  isRegistryTarball,
} from './lockfile-sources.js';
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
 * A file past the bounds of `lockfile-sources`, or not readable as either, is one reason at the
 * file. Pure; never throws.
 */
export function yarnLockfileRisks(params: { path: string; content: string }): RiskReason[] {
  const reason = (message: string, at = ''): RiskReason => ({
    code: 'unseen-effect',
    where: `${params.path}${at}`,
    message,
  });
  if (params.content.length > MAX_LOCKFILE_LENGTH)
    return [reason('The yarn lockfile is too large to read; what it installs cannot be judged.')];
  const folder = params.path.split('/').slice(0, -1);
  const found = /^__metadata:/m.test(params.content)
    ? berryFindings(params.content, folder)
    : classicFindings(params.content);
  if (typeof found === 'string')
    return [reason(`The yarn lockfile ${found}; what it installs cannot be judged.`)];
  return found.map(({ entry, message }) => reason(message, `#${entry}`));
}

interface Finding {
  readonly entry: string;
  readonly message: string;
}

/** Yarn v1's format: a header line of specs ending in `:`, then indented `key "value"` lines. */
function classicFindings(content: string): Finding[] | string {
  const findings: Finding[] = [];
  let entries = 0;
  let header: string | undefined;
  let fields = new Map<string, string>();
  const close = () => {
    if (header !== undefined) findings.push(...judgeClassicEntry(header, fields));
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
  return findings;
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
function berryFindings(content: string, folder: readonly string[]): Finding[] | string {
  const parsed = parseStructuredText({
    text: content,
    format: 'yaml',
    maxLength: MAX_LOCKFILE_LENGTH,
    maxValues: MAX_LOCKFILE_ENTRIES * 20,
  });
  if (!parsed.ok || !isPlainObject(parsed.value)) return 'does not parse as YAML';
  const entries = Object.entries(parsed.value).filter(([key]) => key !== '__metadata');
  if (entries.length > MAX_LOCKFILE_ENTRIES) return 'has too many entries to read';
  return entries.flatMap(([entry, value]): Finding[] => {
    const resolution = isPlainObject(value) ? value['resolution'] : undefined;
    if (typeof resolution === 'string' && reviewedResolution(resolution, folder)) return [];
    return [
      {
        entry,
        message: `${entry} resolves to ${JSON.stringify(resolution)}, not a package of the npm registry: code the manifest does not show.`,
      },
    ];
  });
}

function reviewedResolution(resolution: string, folder: readonly string[]): boolean {
  const { range } = splitSpec(resolution);
  if (/^npm:[\w.+-]+$/.test(range)) return true;
  if (range.startsWith('workspace:')) return insideRepository([...folder], range.slice('workspace:'.length));
  return BUILTIN_PATCH.test(resolution);
}
