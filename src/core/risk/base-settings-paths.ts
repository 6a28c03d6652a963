import { caseFoldedPath } from './case-folded-path.js';
import { isPnpmWorkspacePath } from './patched-dependency-file-risks.js';
import { isPackageManifestPath, isYarnLockfilePath } from './reviewed-base-file.js';

/**
 * What kinds of file the change holds that a settings file in any folder of the base may name:
 * a patch (`mayBePatchFile`), a file a script may give the compiler (`mayBeNamedConfigFile`), a
 * JSON file a TypeScript configuration may extend (`mayBeExtendedConfig`).
 */
export interface NameableKinds {
  readonly patches: boolean;
  readonly namedConfigs: boolean;
  readonly extendedConfigs: boolean;
}

/** `tsconfig.json` or `jsconfig.json` in any folder and any case: read by tsc or esbuild without being named. */
const DEFAULT_CONFIG = /(^|\/)[jt]sconfig\.json$/;

/**
 * The files of `listing` (every file path of the base tree) whose settings may name a file of the
 * change from another folder, by `../` or Yarn's `~/` (from the project's root): every
 * `package.json` (its scripts name compiler configurations, its `pnpm.patchedDependencies` and Yarn
 * `patch:` ranges name patches), and for a patch every `pnpm-workspace.yaml` and `yarn.lock`, and for
 * a JSON file every `tsconfig.json`/`jsconfig.json` (`extends`). A path under `node_modules` is a
 * dependency's, which no install or build of the project reads as its own settings, and is left
 * out. Sorted root first, then by name. Pure.
 */
export function baseSettingsPaths(params: { listing: readonly string[]; kinds: NameableKinds }): string[] {
  const { kinds } = params;
  const wanted = (path: string): boolean =>
    ((kinds.patches || kinds.namedConfigs) && isPackageManifestPath(path)) ||
    (kinds.patches && (isPnpmWorkspacePath(path) || isYarnLockfilePath(path))) ||
    (kinds.extendedConfigs && DEFAULT_CONFIG.test(caseFoldedPath(path)));
  return [...new Set(params.listing)]
    .filter((path) => wanted(path) && !caseFoldedPath(path).split('/').includes('node_modules'))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}
