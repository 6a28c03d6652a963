import { isPlainObject } from '../cfn/is-plain-object.js';
import { hasDuplicateJsonKeys } from './has-duplicate-json-keys.js';
import type { RiskReason } from './risk-assessment.js';
import type { ReviewedManifest } from './unpinned-dependency-risks.js';

/**
 * Why a change to a setting of the `pnpm` field matters (pnpm Docs, "Settings (package.json)";
 * pnpm 10 reads the same settings from `pnpm-workspace.yaml`, which `packageManagerConfigRisks`
 * judges): which dependencies' install scripts run, the patches applied to a dependency's code, the
 * version or package installed in place of another, dependencies added to other packages'
 * manifests, and the Node.js pnpm downloads to run scripts with. Any other setting is one no rule
 * reads, and counts as well.
 */
const PNPM_SETTINGS: ReadonlyMap<string, string> = new Map([
  ['onlyBuiltDependencies', "decides which dependencies' install scripts pnpm runs"],
  ['onlyBuiltDependenciesFile', "names a file deciding which dependencies' install scripts pnpm runs"],
  ['neverBuiltDependencies', "decides which dependencies' install scripts pnpm runs"],
  ['ignoredBuiltDependencies', "decides which dependencies' install scripts pnpm runs"],
  ['dangerouslyAllowAllBuilds', 'lets every dependency run its install scripts'],
  ['patchedDependencies', "patches a dependency's code with the files it names, applied by pnpm on install"],
  ['overrides', 'swaps the version or package pnpm installs for a dependency of any package'],
  ['packageExtensions', "adds dependencies to other packages' manifests, installed and run with them"],
  ['executionEnv', 'makes pnpm download and run scripts with another Node.js'],
]);

/** The reviewed base's fields, or why there is none to compare with. */
type ReviewedFields = { readonly fields: Record<string, unknown> } | { readonly why: string };

/**
 * A change to a `package.json` field a package manager reads to decide what code runs at install or
 * build, or which package is installed for a name, against the reviewed base manifest
 * (`unseen-effect`, `where` `<path>#<field>[.<key>]`): each setting of the `pnpm` field
 * (`PNPM_SETTINGS`), each entry of npm's `overrides` (npm Docs, "package.json": overrides replace
 * a package in the dependency tree with another version or package) and yarn's `resolutions`
 * (Yarn Docs, "Manifest (package.json)": resolutions), and `packageManager` (Node.js Docs,
 * "Corepack": Corepack downloads the package manager it names, a version or a URL, and runs it for
 * `yarn` and `pnpm`), and `devEngines.packageManager` (npm Docs, "package.json": devEngines;
 * recent Corepack versions read its `name` and `version` as they read `packageManager`: the same
 * download). Added, changed and removed all count (a removed `neverBuiltDependencies` lets install
 * scripts run); values are compared as JSON. A base that is absent counts as empty;
 * one not read, unreadable or unparsable makes every such field present count, saying so. Pure.
 */
export function packageManagerFieldRisks(params: {
  path: string;
  manifest: Record<string, unknown>;
  base: ReviewedManifest;
}): RiskReason[] {
  const reviewed = reviewedFields(params.base);
  const before = 'fields' in reviewed ? reviewed.fields : {};
  const unread = 'why' in reviewed ? ` (${reviewed.why})` : '';
  const reasons: RiskReason[] = [];
  const changed = (field: string, why: string, key?: string): void => {
    const at = key === undefined || key === '' ? field : `${field}.${key}`;
    reasons.push({
      code: 'unseen-effect',
      where: `${params.path}#${at}`,
      message: `"${at}" differs from the reviewed manifest${unread}: it ${why}, which the change does not show.`,
    });
  };
  const differs = (now: unknown, then: unknown): boolean =>
    'why' in reviewed ? now !== undefined : JSON.stringify(now) !== JSON.stringify(then);
  if (differs(params.manifest['packageManager'], before['packageManager']))
    changed('packageManager', 'makes Corepack download and run that package manager for yarn and pnpm');
  const devEngines = params.manifest['devEngines'];
  if (devEngines !== undefined && !isPlainObject(devEngines))
    changed(
      'devEngines',
      'is not an object, so which package manager Corepack and npm read from it cannot be judged',
    );
  else if (differs(entryOf(devEngines, 'packageManager'), entryOf(before['devEngines'], 'packageManager')))
    changed(
      'devEngines',
      'makes Corepack download and run the package manager it names for yarn and pnpm, as `packageManager` does',
      'packageManager',
    );
  for (const [field, why] of [
    ['overrides', 'swaps the version or package npm installs for a dependency of any package'],
    ['resolutions', 'swaps the version or package yarn installs for a dependency of any package'],
  ] as const)
    for (const key of keysOf(params.manifest[field], before[field]))
      if (differs(entryOf(params.manifest[field], key), entryOf(before[field], key)))
        changed(field, why, key);
  const pnpm = params.manifest['pnpm'];
  if (pnpm !== undefined && !isPlainObject(pnpm))
    changed('pnpm', 'is not an object, so which settings pnpm reads cannot be judged');
  else
    for (const key of keysOf(pnpm, before['pnpm']))
      if (differs(entryOf(pnpm, key), entryOf(before['pnpm'], key)))
        changed('pnpm', PNPM_SETTINGS.get(key) ?? 'is a pnpm setting no rule reads', key);
  return reasons;
}

/** The keys of either value, when an object (an entry of a field that is no object is `''`, the whole). */
function keysOf(now: unknown, then: unknown): string[] {
  const keys = (value: unknown): string[] =>
    value === undefined ? [] : isPlainObject(value) ? Object.keys(value) : [''];
  return [...new Set([...keys(now), ...keys(then)])];
}

function entryOf(value: unknown, key: string): unknown {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) return key === '' ? value : undefined;
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

function reviewedFields(base: ReviewedManifest): ReviewedFields {
  if ('absent' in base) return { fields: {} };
  if ('unknown' in base) return { why: 'no reviewed base was read' };
  if ('unreadable' in base) return { why: `the reviewed manifest could not be read: ${base.unreadable}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(base.content);
  } catch {
    parsed = undefined;
  }
  return isPlainObject(parsed) && !hasDuplicateJsonKeys(base.content)
    ? { fields: parsed }
    : { why: 'the reviewed manifest does not parse' };
}
