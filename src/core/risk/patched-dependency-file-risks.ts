import { isPlainObject } from '../cfn/is-plain-object.js';
import { repositoryPath } from '../cfn/repository-path.js';
import { insideRepository } from './lockfile-sources.js';
import { isPackageManifestPath, type ReviewedBaseFile } from './reviewed-base-file.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * `unseen-effect` (at the file) for a file of the change that a `package.json`'s
 * `pnpm.patchedDependencies` names, wherever it is (pnpm Docs, "Settings (package.json)":
 * patchedDependencies maps `<name>@<version>` to a patch file, read from the manifest's folder, that
 * pnpm applies to the dependency's code on install): the change rewrites code the deploy run's
 * install would hand a dependency. The manifests read are the change's, and the reviewed base's at
 * paths the change does not write. A file under `patches/` or ending `.patch` is already
 * `buildExecutedFileRisks`'. Pure; never throws.
 */
export function patchedDependencyFileRisks(params: {
  files: readonly { readonly path: string; readonly content: string }[];
  base?: readonly ReviewedBaseFile[];
}): RiskReason[] {
  const changed = new Set(params.files.map((file) => file.path));
  const manifests = [
    ...params.files.filter((file) => isPackageManifestPath(file.path)),
    ...(params.base ?? []).flatMap((file) =>
      'content' in file && isPackageManifestPath(file.path) && !changed.has(file.path) ? [file] : [],
    ),
  ];
  const named = new Map<string, string>();
  for (const manifest of manifests)
    for (const patch of patchesOf(manifest.content)) {
      const folder = manifest.path.split('/').slice(0, -1);
      if (!insideRepository(folder, patch)) continue;
      const path = repositoryPath([...folder, patch].join('/'));
      if (path !== undefined) named.set(path, manifest.path);
    }
  return params.files.flatMap((file): RiskReason[] => {
    const manifest = named.get(file.path);
    return manifest === undefined
      ? []
      : [
          {
            code: 'unseen-effect',
            where: file.path,
            message: `Writes a patch ${manifest}'s pnpm.patchedDependencies names: pnpm applies it to a dependency's code on install, which the deploy run then executes with its AWS credentials.`,
          },
        ];
  });
}

/** The patch paths of a manifest's `pnpm.patchedDependencies`, as written. */
function patchesOf(content: string): string[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(content);
  } catch {
    return [];
  }
  const pnpm = isPlainObject(manifest) ? manifest['pnpm'] : undefined;
  const patches = isPlainObject(pnpm) ? pnpm['patchedDependencies'] : undefined;
  return isPlainObject(patches)
    ? Object.values(patches).filter((patch): patch is string => typeof patch === 'string')
    : [];
}
