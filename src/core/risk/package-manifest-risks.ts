import { isPlainObject } from '../cfn/is-plain-object.js';
import { LIFE_CYCLE_SCRIPTS } from './deploy-run-scripts.js';
import { hasDuplicateJsonKeys } from './has-duplicate-json-keys.js';
import { packageManagerFieldRisks } from './package-manager-field-risks.js';
import { PLAIN_BUILD } from './plain-build-arguments.js';
import type { RiskReason } from './risk-assessment.js';
import { unpinnedDependencyRisks, type ReviewedManifest } from './unpinned-dependency-risks.js';

/** A dependency taken from the npm registry by version range or tag (not a URL, git, a path or `user/repo`). */
const REGISTRY_SPEC = /^(npm:[\w@./-]+@)?[\w.^~<>=|* -]*$/;

/**
 * An npm alias (`npm:<name>@<range>`, npm Docs, "package.json": dependencies, "npm install
 * <alias>@npm:<name>"): the package installed under the key is `<name>`.
 */
const ALIAS = /^npm:((?:@[\w.-]+\/)?[\w.-]+)(?:@|$)/;

/**
 * Fields whose entries npm (or yarn/pnpm, when a person uses them) installs: npm 7+ installs peer
 * dependencies by itself (npm Docs, "package.json": peerDependencies); `resolutions` is yarn's
 * `overrides`.
 */
const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
  'overrides',
  'resolutions',
] as const;

/**
 * Code a `package.json` of the bundle makes the deploy run execute with its credentials, which no
 * rule of a template bounds (`unseen-effect`, `where` the file): an install or build life-cycle
 * script (`LIFE_CYCLE_SCRIPTS`), a `build` that is not a plain esbuild or tsc command (`PLAIN_BUILD`),
 * a dependency from anywhere but the registry (git, a URL, a path: code this change does not show,
 * run by its own install scripts), an `npm:` alias to a package of another name (a reviewer reads
 * one name, npm installs another), in any field of `DEPENDENCY_FIELDS`, or a manifest that does not
 * parse or names a key twice. A package manager's own fields changed against the reviewed manifest
 * (`pnpm` settings, `overrides`, `resolutions`, `packageManager`) are judged by
 * `packageManagerFieldRisks`. A registry dependency new against the reviewed manifest (`base`) and
 * not pinned by an npm lockfile in the change (`pinned`), or installed under the name of a command
 * the build starts, is judged by `unpinnedDependencyRisks`.
 */
export function packageManifestRisks(params: {
  path: string;
  content: string;
  /** The same file on the base branch (absent: no base was read, every dependency counts as new). */
  base?: ReviewedManifest;
  /** An npm lockfile beside the manifest is in the change (judged by `npmLockfileRisks`). */
  pinned?: boolean;
}): RiskReason[] {
  const reason = (message: string, at = ''): RiskReason => ({
    code: 'unseen-effect',
    where: `${params.path}${at}`,
    message,
  });
  let manifest: unknown;
  try {
    manifest = JSON.parse(params.content);
  } catch {
    return [reason('The package manifest does not parse; what npm would run from it cannot be judged.')];
  }
  if (!isPlainObject(manifest)) return [reason('The package manifest is not an object.')];
  // Readers disagree on which of two values counts (RFC 8259 §4): what npm runs cannot be judged.
  if (hasDuplicateJsonKeys(params.content))
    return [
      reason('The package manifest names a key twice; which value npm or yarn reads cannot be judged.'),
    ];
  const reasons: RiskReason[] = [];
  const scripts = isPlainObject(manifest['scripts']) ? manifest['scripts'] : {};
  for (const name of LIFE_CYCLE_SCRIPTS)
    if (scripts[name] !== undefined)
      reasons.push(
        reason(
          `The "${name}" script runs when the deploy run installs or builds the service, with its AWS credentials.`,
          `#scripts.${name}`,
        ),
      );
  const build = scripts['build'];
  if (build !== undefined && (typeof build !== 'string' || !PLAIN_BUILD.test(build.trim())))
    reasons.push(
      reason(
        'The "build" script is not a plain esbuild or tsc command; the deploy run executes it with its AWS credentials.',
        '#scripts.build',
      ),
    );
  for (const field of DEPENDENCY_FIELDS) {
    const specs = manifest[field];
    if (!isPlainObject(specs)) continue;
    for (const [name, spec] of Object.entries(specs)) {
      const alias = typeof spec === 'string' ? ALIAS.exec(spec.trim())?.[1] : undefined;
      if (alias !== undefined && alias !== name)
        reasons.push(
          reason(
            `${name} is an alias of another package, ${alias} (${JSON.stringify(spec)}): the code installed is not the package the name says.`,
            `#${field}.${name}`,
          ),
        );
      else if (typeof spec !== 'string' || !REGISTRY_SPEC.test(spec))
        reasons.push(
          reason(
            `${name} comes from outside the npm registry (${JSON.stringify(spec)}): code this change does not show, installed by the deploy run.`,
            `#${field}.${name}`,
          ),
        );
    }
  }
  // Swapped packages and install settings first: their reason, not the unpinned one, names an override.
  reasons.push(
    ...packageManagerFieldRisks({ path: params.path, manifest, base: params.base ?? { unknown: true } }),
    ...unpinnedDependencyRisks({
      path: params.path,
      manifest,
      fields: DEPENDENCY_FIELDS,
      base: params.base ?? { unknown: true },
      pinned: params.pinned ?? false,
    }),
  );
  return reasons;
}
