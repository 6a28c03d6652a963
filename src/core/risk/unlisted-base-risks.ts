import { mayBeNamedConfigFile } from './compiler-config-risks.js';
import { isPnpmWorkspacePath, mayBePatchFile } from './patched-dependency-file-risks.js';
import {
  BASE_LISTING_PATH,
  isPackageManifestPath,
  isYarnLockfilePath,
  type ReviewedBaseFile,
} from './reviewed-base-file.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * `unseen-effect` (at the file) when the reviewed base's files could not all be listed or read
 * (`base` holds `BASE_LISTING_PATH` unreadable: GitHub cut the tree's listing short, or it held more
 * settings files than are read) and the change has a file a settings file in another folder may
 * name: a patch (`mayBePatchFile`: a `package.json`'s `pnpm.patchedDependencies` or Yarn `patch:`
 * range, a `pnpm-workspace.yaml`, a `yarn.lock` may name it by `../` or `~/`) or a file a script may
 * give the compiler or a configuration may extend (`mayBeNamedConfigFile`; not one of
 * `templatePaths`): what applies it to a dependency's code or builds with its settings is not
 * known. One reason, at the first such file. Pure; never throws.
 */
export function unlistedBaseRisks(params: {
  files: readonly { readonly path: string; readonly content: string }[];
  base?: readonly ReviewedBaseFile[];
  templatePaths?: ReadonlySet<string>;
}): RiskReason[] {
  const listing = (params.base ?? []).find((file) => file.path === BASE_LISTING_PATH);
  if (listing === undefined || !('unreadable' in listing)) return [];
  const nameable = params.files.find(
    (file) =>
      (mayBePatchFile(file) && !isSettingsPath(file.path)) ||
      (mayBeNamedConfigFile(file) && !(params.templatePaths?.has(file.path) ?? false)),
  );
  if (nameable === undefined) return [];
  return [
    {
      code: 'unseen-effect',
      where: nameable.path,
      message: `The reviewed base's settings files could not all be read (${listing.unreadable}): whether a package.json, pnpm-workspace.yaml, yarn.lock or TypeScript configuration in another folder names ${nameable.path} (by ../ or Yarn's ~/), and so applies it to a dependency's code or builds with its settings, cannot be judged.`,
    },
  ];
}

/** A file read as settings, not as a patch, when the change writes it. */
function isSettingsPath(path: string): boolean {
  return isPackageManifestPath(path) || isPnpmWorkspacePath(path) || isYarnLockfilePath(path);
}
