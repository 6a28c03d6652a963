import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseStructuredText } from '../untrusted/parse-structured-text.js';
import {
  MAX_LOCKFILE_ENTRIES,
  MAX_LOCKFILE_LENGTH,
  insideRepository,
  isReviewedRegistryUrl,
} from './lockfile-sources.js';
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
 * (`where` `<file>#importers.<importer>.<field>.<name>`) must stay inside the repository. A file
 * that does not parse or passes the bounds of `lockfile-sources` is one reason at the file. Pure;
 * never throws.
 */
export function pnpmLockfileRisks(params: { path: string; content: string }): RiskReason[] {
  const reason = (message: string, at = ''): RiskReason => ({
    code: 'unseen-effect',
    where: `${params.path}${at}`,
    message,
  });
  const parsed = parseStructuredText({
    text: params.content,
    format: 'yaml',
    maxLength: MAX_LOCKFILE_LENGTH,
    maxValues: MAX_VALUES,
  });
  if (!parsed.ok || !isPlainObject(parsed.value))
    return [
      reason(
        'The pnpm lockfile cannot be read (too large, or not a YAML mapping); what pnpm would install cannot be judged.',
      ),
    ];
  const lockfile = parsed.value;
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
  return reasons;
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
