import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseStructuredText } from '../untrusted/parse-structured-text.js';
import {
  MAX_LOCKFILE_ENTRIES,
  MAX_LOCKFILE_LENGTH,
  insideRepository,
  isReviewedRegistryUrl,
} from './lockfile-sources.js';
import { nameSome, newLockfileEntries } from './new-lockfile-entries.js';
import type { RiskReason } from './risk-assessment.js';

/** Values a pnpm lockfile of `MAX_LOCKFILE_ENTRIES` packages may hold (a dozen or so each). */
const MAX_VALUES = MAX_LOCKFILE_ENTRIES * 20;

/**
 * What a `pnpm-lock.yaml` makes `pnpm install` fetch, for a person (or a later workflow) who builds
 * with pnpm (pnpm Docs, "pnpm-lock.yaml"): each `packages.<key>.resolution` is judged
 * (`unseen-effect`, `where` `<file>#packages.<key>`) unless it is a registry package (only an
 * `integrity`: fetched from the configured registry, which `.npmrc` judging covers), a `tarball`
 * on `REVIEWED_REGISTRIES`, or a `directory` inside the repository; git, another host and paths
 * outside the repository are code the manifest does not show. An importer's `link:` dependency
 * (`where` `<file>#importers.<importer>.<field>.<name>`) must stay inside the repository.
 * Install scripts, as `npmLockfileRisks` judges `hasInstallScript`, against the reviewed base
 * lockfile (`base`; absent, unreadable — `baseUnreadable` — or unparsable, every package counts
 * and the reason says why): a lockfile before version 9 marks a package pnpm builds (runs its
 * install scripts, or compiles it) `requiresBuild: true`, and each such package the base does not
 * have with the same resolution is a reason at `<file>#packages.<key>`. Any other package the base
 * does not have may run install scripts too, whatever the version, one reason at the file naming
 * them: version 9 no longer writes `requiresBuild` (pnpm pull request 7710, "remove requiresBuild
 * from the lockfile"; pnpm 9 runs every package's scripts, pnpm 10 only `onlyBuiltDependencies`',
 * set outside the lockfile: pnpm Docs, "Settings (pnpm-workspace.yaml)"), and before 9 a missing
 * `requiresBuild` is no record that nothing runs: pnpm wrote it only when it knew (not for a
 * package it did not fetch, nor for one built from files its tarball holds, such as a
 * `binding.gyp`: pnpm issues 7707 and 7577), and pnpm 9 and later convert an older lockfile and
 * decide builds from the package itself, so an attacker's lockfile claiming an older version
 * proves nothing. A file that does not parse or passes the bounds of `lockfile-sources` is one
 * reason at the file. Pure; never throws.
 */
export function pnpmLockfileRisks(params: {
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
  const parsed = readPnpmLockfile(params.content);
  if (parsed === undefined)
    return [
      reason(
        'The pnpm lockfile cannot be read (too large, or not a YAML mapping); what pnpm would install cannot be judged.',
      ),
    ];
  const lockfile = parsed;
  const folder = params.path.split('/').slice(0, -1);
  const reasons: RiskReason[] = [];
  const packages = isPlainObject(lockfile['packages']) ? lockfile['packages'] : {};
  if (Object.keys(packages).length > MAX_LOCKFILE_ENTRIES)
    return [
      reason('The pnpm lockfile has too many entries to read; what pnpm would install cannot be judged.'),
    ];
  for (const [key, entry] of Object.entries(packages)) {
    const resolution = isPlainObject(entry) ? entry['resolution'] : undefined;
    const source = unreviewedSource(resolution, folder);
    if (source !== undefined)
      reasons.push(
        reason(
          `${key} is installed from ${source}, not the npm registry: code the manifest does not show.`,
          `#packages.${key}`,
        ),
      );
  }
  // A single-project lockfile of older versions keeps its dependencies at the top level.
  const importers = isPlainObject(lockfile['importers']) ? lockfile['importers'] : { '.': lockfile };
  for (const [importer, project] of Object.entries(importers)) {
    if (!isPlainObject(project)) continue;
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies'])
      for (const [name, written] of Object.entries(isPlainObject(project[field]) ? project[field] : {})) {
        const version = isPlainObject(written) ? written['version'] : written;
        if (typeof version !== 'string' || !version.startsWith('link:')) continue;
        const importerFolder = [
          ...folder,
          ...importer.split('/').filter((part) => part !== '.' && part !== ''),
        ];
        if (!insideRepository(importerFolder, version.slice('link:'.length)))
          reasons.push(
            reason(
              `${name} links to ${JSON.stringify(version)}, outside the repository.`,
              `#importers.${importer}.${field}.${name}`,
            ),
          );
      }
  }
  reasons.push(...installScriptRisks({ ...params, lockfile, packages }, reason));
  return reasons;
}

function readPnpmLockfile(content: string): Record<string, unknown> | undefined {
  const parsed = parseStructuredText({
    text: content,
    format: 'yaml',
    maxLength: MAX_LOCKFILE_LENGTH,
    maxValues: MAX_VALUES,
  });
  return parsed.ok && isPlainObject(parsed.value) ? parsed.value : undefined;
}

/** Packages that may run install scripts and that the reviewed base lockfile does not have. */
function installScriptRisks(
  params: {
    lockfile: Record<string, unknown>;
    packages: Record<string, unknown>;
    base?: string;
    baseUnreadable?: string;
  },
  reason: (message: string, at?: string) => RiskReason,
): RiskReason[] {
  const base = params.base === undefined ? undefined : readPnpmLockfile(params.base);
  const unreadable =
    params.baseUnreadable ??
    (params.base !== undefined && base === undefined ? 'it does not parse' : undefined);
  const noBase =
    unreadable === undefined
      ? ''
      : ` (the reviewed lockfile on the base branch could not be read: ${unreadable}; every package counts)`;
  const basePackages = base !== undefined && isPlainObject(base['packages']) ? base['packages'] : undefined;
  const recordsBuilds = Number.parseFloat(String(params.lockfile['lockfileVersion'])) < 9;
  const sources = (packages: Record<string, unknown>, onlyBuilt: boolean) =>
    new Map(
      Object.entries(packages)
        .filter(([, entry]) => !onlyBuilt || (isPlainObject(entry) && entry['requiresBuild'] === true))
        .map(([key, entry]) => [key, JSON.stringify(isPlainObject(entry) ? entry['resolution'] : null)]),
    );
  const built = recordsBuilds
    ? newLockfileEntries(
        sources(params.packages, true),
        basePackages === undefined ? undefined : sources(basePackages, true),
      )
    : [];
  const marked = new Set(built);
  const unrecorded = newLockfileEntries(
    sources(params.packages, false),
    basePackages === undefined ? undefined : sources(basePackages, false),
  ).filter((key) => !marked.has(key));
  const why = recordsBuilds
    ? 'a missing requiresBuild is no record that nothing runs (pnpm wrote it only when it knew, and pnpm 9 and later decide builds from the package itself)'
    : 'a version 9 lockfile does not record which have them';
  return [
    ...built.map((key) =>
      reason(
        `${key} is built at install (requiresBuild: its install scripts run) and the reviewed lockfile does not build it${noBase}.`,
        `#packages.${key}`,
      ),
    ),
    ...(unrecorded.length === 0
      ? []
      : [
          reason(
            `${unrecorded.length} package(s) the reviewed pnpm-lock.yaml does not have (${nameSome(unrecorded)}): pnpm may run their install scripts, and ${why}${noBase}.`,
          ),
        ]),
  ];
}

/** Where a resolution fetches from, quoted, when that is not reviewed; undefined when it is. */
function unreviewedSource(resolution: unknown, folder: readonly string[]): string | undefined {
  if (!isPlainObject(resolution)) return 'an entry without a resolution';
  const keys = Object.keys(resolution);
  if (keys.length === 1 && typeof resolution['integrity'] === 'string') return undefined;
  const tarball = resolution['tarball'];
  if (typeof tarball === 'string' && resolution['type'] === undefined)
    return isReviewedRegistryUrl(tarball) ? undefined : JSON.stringify(tarball);
  const directory = resolution['directory'];
  if (resolution['type'] === 'directory' && typeof directory === 'string')
    return insideRepository([...folder], directory) ? undefined : JSON.stringify(directory);
  return JSON.stringify(resolution).slice(0, 200);
}
