import { isPlainObject } from '../cfn/is-plain-object.js';
import { stringsUnder } from './strings-under.js';
import { repositoryPath } from '../cfn/repository-path.js';
import { parseJsonc } from '../untrusted/parse-jsonc.js';
import { parseStructuredText } from '../untrusted/parse-structured-text.js';
import { caseFoldedPath } from './case-folded-path.js';
import { insideRepository } from './lockfile-sources.js';
import { MAX_LOCKFILE_LENGTH } from './lockfile-sources.js';
import { readYarnClassicLockfile } from './read-yarn-classic-lockfile.js';
import { isPackageManifestPath, isYarnLockfilePath, type ReviewedBaseFile } from './reviewed-base-file.js';
import { readYarnBerryLockfile } from './yarn-berry-lockfile.js';
import { lockfilePatchPaths, MAX_PATCH_NESTING, nestedYarnPatchRanges } from './yarn-patch-range.js';
import type { RiskReason } from './risk-assessment.js';

/** A `pnpm-workspace.yaml` longer than this is not read (its patches count as unknown). */
const MAX_WORKSPACE_LENGTH = 1_000_000;
/** Most values a workspace file may hold (a large monorepo's package list and catalogs). */
const MAX_WORKSPACE_VALUES = 100_000;
/** How deep the strings under `patchedDependencies` are collected. */
const MAX_DEPTH = 8;

/**
 * `pnpm-workspace.yaml` in any folder, in any case (`caseFoldedPath`): pnpm 10 reads
 * `patchedDependencies` there, relative to the workspace's root folder (pnpm Docs, "Settings
 * (pnpm-workspace.yaml)": patchedDependencies).
 */
export function isPnpmWorkspacePath(path: string): boolean {
  return /(^|\/)pnpm-workspace\.yaml$/.test(caseFoldedPath(path));
}

/**
 * A file of the change pnpm could apply as a patch: one whose text has a line starting a unified
 * diff's file header or hunk (`diff --git `, `+++ `, `@@ `): pnpm applies a patch file as such a
 * diff, and refuses one without (pnpm Docs, "pnpm patch"; the patch-package format it reads), so a
 * file without them changes no dependency. Whatever its name (`fix.txt`, `notes.md`): the reviewed
 * base's manifests and workspace files above it are read for what names it (`readReviewedBase`).
 */
export function mayBePatchFile(file: { readonly path: string; readonly content: string }): boolean {
  return /^(diff --git |\+\+\+ |@@ )/m.test(file.content);
}

/**
 * `unseen-effect` (at the file) for a file of the change that a `package.json`'s
 * `pnpm.patchedDependencies` or Yarn `patch:` range (`yarnPatchPaths`), a `pnpm-workspace.yaml`'s
 * `patchedDependencies`, or a Yarn 2+ `yarn.lock`'s `patch:` resolutions (`lockfilePatches`: Yarn's
 * own `~builtin<…>`/`optional!builtin<…>` patches aside, each path from the lockfile's folder or its
 * `::locator=` workspace's) names, wherever it
 * is (pnpm Docs, "Settings (package.json)" and "Settings (pnpm-workspace.yaml)":
 * patchedDependencies maps `<name>@<version>` to a patch file, read from the manifest's or the
 * workspace's folder, that pnpm applies to the dependency's code on install): the change rewrites
 * code the deploy run's install would hand a dependency. The files read are the change's, and the
 * reviewed base's at paths the change does not write; the workspace file is parsed as YAML, bounded
 * (`parseStructuredText`, `MAX_WORKSPACE_LENGTH`), every string under `patchedDependencies` counting
 * (a merge key or nesting hides none). A base manifest or workspace file that could not be read or
 * parsed, in any folder (it may name a patch by `../` or `~/`), when the change has a file that may
 * be a patch (`mayBePatchFile`), is one reason at that file: what it names is not known. A file under `patches/` or ending `.patch` is already
 * `buildExecutedFileRisks`'. Pure; never throws.
 */
export function patchedDependencyFileRisks(params: {
  files: readonly { readonly path: string; readonly content: string }[];
  base?: readonly ReviewedBaseFile[];
}): RiskReason[] {
  const changed = new Set(params.files.map((file) => file.path));
  const settings = [
    ...params.files.filter((file) => isSettingsPath(file.path)),
    ...(params.base ?? []).filter((file) => isSettingsPath(file.path) && !changed.has(file.path)),
  ];
  const named = new Map<string, string>();
  const unknown: { path: string; why: string }[] = [];
  for (const file of settings) {
    const patches =
      'content' in file ? patchesOf(file.path, file.content) : { ok: false as const, why: file.unreadable };
    if (!patches.ok) {
      unknown.push({ path: file.path, why: patches.why });
      continue;
    }
    for (const written of patches.paths) {
      // Yarn reads `~/` from the project's root, every other path from the manifest's folder.
      const folder = written.startsWith('~/') ? [] : file.path.split('/').slice(0, -1);
      const patch = written.replace(/^~\//, './');
      if (!insideRepository(folder, patch)) continue;
      const path = repositoryPath([...folder, patch].join('/'));
      if (path !== undefined) named.set(path, file.path);
    }
  }
  return [
    ...params.files.flatMap((file): RiskReason[] => {
      const by = named.get(file.path);
      return by === undefined
        ? []
        : [
            {
              code: 'unseen-effect',
              where: file.path,
              message: `Writes a patch that ${by}'s ${namingSetting(by)} name: pnpm or Yarn applies it to a dependency's code on install, which the deploy run then executes with its AWS credentials.`,
            },
          ];
    }),
    ...unknownSettingsRisks(params.files, unknown),
  ];
}

function isSettingsPath(path: string): boolean {
  return isPackageManifestPath(path) || isPnpmWorkspacePath(path) || isYarnLockfilePath(path);
}

/** What names a patch in the settings file at `path`, for the reason's message. */
function namingSetting(path: string): string {
  if (isPnpmWorkspacePath(path)) return 'patchedDependencies';
  if (isYarnLockfilePath(path)) return 'Yarn patch: resolutions';
  return 'pnpm.patchedDependencies or Yarn patch: ranges';
}

/** One reason per base settings file (in any folder) not read or parsed, when a file of the change may be a patch. */
function unknownSettingsRisks(
  files: readonly { readonly path: string; readonly content: string }[],
  unknown: readonly { path: string; why: string }[],
): RiskReason[] {
  const changed = new Set(files.map((file) => file.path));
  const patches = files.filter((file) => mayBePatchFile(file) && !isSettingsPath(file.path));
  return unknown.flatMap(({ path, why }): RiskReason[] => {
    // The change's own manifest that does not parse is `packageManifestRisks`'; its own workspace file `packageManagerConfigRisks`'.
    if (changed.has(path)) return [];
    // Any folder's settings may name a patch anywhere (`../`, Yarn's `~/`).
    const under = patches[0];
    return under === undefined
      ? []
      : [
          {
            code: 'unseen-effect',
            where: path,
            message: `The reviewed ${path} could not be read (${why}): whether its ${namingSetting(path)} make pnpm or Yarn apply ${under.path} to a dependency's code cannot be judged.`,
          },
        ];
  });
}

/** The patch paths a manifest's `pnpm.patchedDependencies` or a workspace's `patchedDependencies` names, as written. */
function patchesOf(
  path: string,
  content: string,
): { ok: true; paths: string[] } | { ok: false; why: string } {
  if (isYarnLockfilePath(path)) return lockfilePatches(content);
  if (isPnpmWorkspacePath(path)) {
    const parsed = parseStructuredText({
      text: content,
      format: 'yaml',
      maxLength: MAX_WORKSPACE_LENGTH,
      maxValues: MAX_WORKSPACE_VALUES,
    });
    if (!parsed.ok) return { ok: false, why: `it ${parsed.message}` };
    const patches = isPlainObject(parsed.value) ? parsed.value['patchedDependencies'] : undefined;
    return { ok: true, paths: stringsUnder(patches, MAX_DEPTH) };
  }
  const parsed = parseJsonc(content);
  if (!parsed.ok) return { ok: false, why: parsed.why };
  const pnpm = isPlainObject(parsed.value) ? parsed.value['pnpm'] : undefined;
  const patches = isPlainObject(pnpm) ? pnpm['patchedDependencies'] : undefined;
  const yarn = stringsUnder(parsed.value, MAX_DEPTH).map(yarnPatchPaths);
  if (yarn.includes(undefined)) return { ok: false, why: NESTED_TOO_DEEP };
  return {
    ok: true,
    paths: [...stringsUnder(patches, MAX_DEPTH), ...yarn.flatMap((paths) => paths ?? [])],
  };
}

const NESTED_TOO_DEEP = `it nests Yarn patch: ranges more than ${MAX_PATCH_NESTING} deep`;

/**
 * The patch files a Yarn `patch:` range names at every level of a nested range
 * (`nestedYarnPatchRanges`), as written; nothing for any other text; undefined past the nesting bound.
 */
function yarnPatchPaths(range: string): string[] | undefined {
  return nestedYarnPatchRanges(range)?.flatMap((patch) => patch.paths);
}

/**
 * The patch files a `yarn.lock` records (`lockfilePatchPaths`, from the lockfile's folder), read as
 * YAML, bounded as a lockfile (`lockfile-sources`). Yarn v1's format, which has no `patch:`
 * protocol, names none; a text neither format reads is not known.
 */
function lockfilePatches(content: string): { ok: true; paths: string[] } | { ok: false; why: string } {
  const read = readYarnBerryLockfile(content);
  if (read.berry) {
    const paths = lockfilePatchPaths(read.entries);
    return paths === undefined ? { ok: false, why: NESTED_TOO_DEEP } : { ok: true, paths };
  }
  if (content.length <= MAX_LOCKFILE_LENGTH && typeof readYarnClassicLockfile(content) !== 'string')
    return { ok: true, paths: [] };
  return {
    ok: false,
    why:
      read.yamlProblem === undefined
        ? 'it is neither a Yarn 2+ nor a yarn v1 lockfile'
        : `it ${read.yamlProblem}`,
  };
}
