import { isGeneratedPackage } from '../bundle/generated-packages.js';
import { isPlainObject } from '../cfn/is-plain-object.js';
import { caseFoldedPath } from './case-folded-path.js';
import { hasDuplicateJsonKeys } from './has-duplicate-json-keys.js';
import type { RiskReason } from './risk-assessment.js';
import { NPM_LOCKFILE_NAMES, type ReviewedBaseFile } from './reviewed-base-file.js';
import { SHADOWED_COMMANDS } from './shadowed-commands.js';

/** An npm alias spec (`npm:<name>@<range>`): the package installed under the key is `<name>`. */
const ALIAS = /^npm:((?:@[\w.-]+\/)?[\w.-]+)(?:@|$)/;

/** How many new dependencies are named one by one; the rest are counted in one more reason. */
const MAX_NAMED = 20;

/** The reviewed `package.json` a manifest is compared with, as `classifyRisk` knows it. */
export type ReviewedManifest =
  | { readonly content: string }
  | { readonly unreadable: string }
  /** The base branch has no such file: the whole manifest is new. */
  | { readonly absent: true }
  /** No base was read (`classifyRisk` without `base`): every dependency counts as new. */
  | { readonly unknown: true };

/**
 * What a `package.json`'s registry dependencies make the deploy run install unjudged
 * (`unseen-effect`, `where` `<path>#<field>.<name>`):
 * - a dependency (any of `fields`, with a string spec) the reviewed base manifest does not have with
 *   the same spec, unless `pinned` (an npm lockfile, `package-lock.json` or `npm-shrinkwrap.json`,
 *   sits beside it in the change, judged by `npmLockfileRisks`, and the deploy run installs with
 *   `npm ci`, which refuses a lockfile that does not match the manifest) or it is exactly a package
 *   and range the offline blueprints write (`isGeneratedPackage`, `GENERATED_PACKAGES`). Without a
 *   lockfile the deploy run's `npm install` (src/packaging/build-service.ts) takes whatever the
 *   registry serves for the range and runs its install scripts and its dependencies', none of
 *   which the change shows (a typo-squatted `expresss-validator`, say). A base that is unreadable
 *   or does not parse is no base, and the reason says so;
 * - a dependency, pinned or not, installed under a name that is a command the build starts
 *   (`SHADOWED_COMMANDS`) for a package not that command's own (the registry's `tsc` is not
 *   TypeScript): npm links a package's `bin` under its name in `node_modules/.bin`, first on the
 *   build's PATH.
 * Pure; never throws.
 */
export function unpinnedDependencyRisks(params: {
  path: string;
  manifest: Record<string, unknown>;
  fields: readonly string[];
  base: ReviewedManifest;
  pinned: boolean;
}): RiskReason[] {
  const reason = (message: string, at = ''): RiskReason => ({
    code: 'unseen-effect',
    where: `${params.path}${at}`,
    message,
  });
  const reasons: RiskReason[] = [];
  const reviewed = reviewedSpecs(params.base, params.fields);
  const fresh: { at: string; name: string; spec: string }[] = [];
  for (const field of params.fields) {
    const specs = params.manifest[field];
    if (!isPlainObject(specs)) continue;
    for (const [name, spec] of Object.entries(specs)) {
      if (typeof spec !== 'string') continue;
      const at = `#${field}.${name}`;
      const installed = ALIAS.exec(spec.trim())?.[1] ?? name;
      const command = caseFoldedPath(name.slice(name.lastIndexOf('/') + 1));
      const owners = SHADOWED_COMMANDS.get(command);
      if (
        owners !== undefined &&
        !owners.includes(installed) &&
        !isGeneratedPackage(name, spec) &&
        field !== 'overrides' &&
        field !== 'resolutions'
      )
        reasons.push(
          reason(
            `${name} (${installed}) is installed as node_modules/${name}, and npm links its command under that name first on the PATH of npm run build: the deploy run would start this package's code for the build's own command "${command}".`,
            at,
          ),
        );
      if (!params.pinned && !reviewed.specs.has(specKey(name, spec)) && !isGeneratedPackage(name, spec))
        fresh.push({ at, name, spec });
    }
  }
  for (const { at, name, spec } of fresh.slice(0, MAX_NAMED))
    reasons.push(
      reason(
        `${name}@${JSON.stringify(spec)} is ${reviewed.why}, and no npm lockfile in the change pins it: the deploy run's npm install takes whatever the registry serves for that range and runs its install scripts and its dependencies', with its AWS credentials, none of which the change shows.`,
        at,
      ),
    );
  if (fresh.length > MAX_NAMED)
    reasons.push(
      reason(`${fresh.length - MAX_NAMED} more dependencies are new and unpinned, as the ones named above.`),
    );
  return reasons;
}

/** The `name@spec` pairs of the reviewed manifest, and how a dependency missing from them is described. */
function reviewedSpecs(
  base: ReviewedManifest,
  fields: readonly string[],
): { specs: ReadonlySet<string>; why: string } {
  if ('unknown' in base) return { specs: new Set(), why: 'a dependency no reviewed base was read for' };
  if ('absent' in base) return { specs: new Set(), why: 'a dependency of a new manifest' };
  if ('unreadable' in base)
    return {
      specs: new Set(),
      why: `a dependency the reviewed manifest could not be compared for (it could not be read: ${base.unreadable})`,
    };
  let manifest: unknown;
  try {
    manifest = JSON.parse(base.content);
  } catch {
    manifest = undefined;
  }
  if (!isPlainObject(manifest) || hasDuplicateJsonKeys(base.content))
    return {
      specs: new Set(),
      why: 'a dependency the reviewed manifest could not be compared for (it does not parse)',
    };
  const specs = new Set<string>();
  for (const field of fields) {
    const value = manifest[field];
    if (isPlainObject(value))
      for (const [name, spec] of Object.entries(value))
        if (typeof spec === 'string') specs.add(specKey(name, spec));
  }
  return { specs, why: 'new: the reviewed manifest on the base branch does not ask for it so' };
}

function specKey(name: string, spec: string): string {
  return `${name}\u0001${spec}`;
}

/**
 * How the manifest at `path` is reviewed: the same path in `base` (`classifyRisk`'s reviewed base
 * files; absent list: `unknown`), and whether `files` (the change) hold an npm lockfile beside it
 * under the exact name `npm ci` reads on the case-sensitive runner (`package-lock.json`,
 * `npm-shrinkwrap.json`; src/packaging/build-service.ts looks for the same two).
 */
export function manifestReviewOf(params: {
  path: string;
  files: readonly { readonly path: string }[];
  base: readonly ReviewedBaseFile[] | undefined;
}): { base: ReviewedManifest; pinned: boolean } {
  const folder = params.path.slice(0, params.path.lastIndexOf('/') + 1);
  const lockfiles = new Set(NPM_LOCKFILE_NAMES.map((name) => `${folder}${name}`));
  const pinned = params.files.some((file) => lockfiles.has(file.path));
  if (params.base === undefined) return { base: { unknown: true }, pinned };
  const reviewed = params.base.find((file) => file.path === params.path);
  return { base: reviewed ?? { absent: true }, pinned };
}
