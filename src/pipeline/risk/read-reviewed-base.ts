import { parseTemplate } from '../../core/cfn/parse-template.js';
import { repositoryPath } from '../../core/cfn/repository-path.js';
import { localNestedTemplates } from '../../core/deploy/local-nested-templates.js';
import {
  extendedConfigPaths,
  mayBeExtendedConfig,
  mayBeNamedConfig,
  mayBeNamedConfigFile,
} from '../../core/risk/compiler-config-risks.js';
import { baseSettingsPaths, type NameableKinds } from '../../core/risk/base-settings-paths.js';
import { compilerProjectArguments } from '../../core/risk/compiler-project-arguments.js';
import { MAX_NESTED_DEPTH } from '../../core/risk/nested-stack-risks.js';
import { mayBePatchFile } from '../../core/risk/patched-dependency-file-risks.js';
import {
  BASE_LISTING_PATH,
  isLockfilePath,
  isPackageManifestPath,
  type ReviewedBaseFile,
} from '../../core/risk/reviewed-base-file.js';

/**
 * Reads one file at the base: its text, or `undefined` when the base does not have it; throws when
 * it cannot tell (network, permissions, not a file). `list`, when the reader can list the base,
 * gives every file path of the base tree; it throws when it cannot give them all (GitHub cut the
 * listing short). A reader without `list` lists nothing, so settings in other folders are unknown.
 */
export interface BaseFileReader {
  (path: string): Promise<string | undefined>;
  list?: () => Promise<readonly string[]>;
}

/** At most this many files are read at the base; the rest count as unreadable (high). */
const MAX_BASE_FILES = 16;
/** A base file longer than this is not judged (as `lockfile-sources` bounds the bundle's, 20 MB). */
export const MAX_BASE_FILE_LENGTH = 20_000_000;
/** How much of a read error the reason quotes. */
const MAX_WHY_LENGTH = 200;

/**
 * The reviewed base the risk classifier compares a bundle's lockfiles and manifests with
 * (`classifyRisk`'s `base`): every lockfile path of `paths` (npm, yarn, pnpm: `isLockfilePath`) and
 * every `package.json` (`isPackageManifestPath`: its dependencies already reviewed are not new), then
 * the `package.json` of every folder above a file of `paths` that the change does not write (up to
 * `MAX_ENCLOSING_MANIFESTS`, the root first: their scripts name the compiler's configurations, and
 * `pnpm.patchedDependencies` patches); with the change's `files`, also above a source file whose
 * text is written as a configuration (`mayBeNamedConfigFile`: `tsc -p src/x.ts`) or one pnpm could
 * apply as a patch (`mayBePatchFile`), and the `pnpm-workspace.yaml` and `yarn.lock` of every
 * folder above such a patch (its `patchedDependencies`, its `patch:` resolutions; up to
 * `MAX_ENCLOSING_MANIFESTS` each), the TypeScript
 * and JavaScript configurations above a JSON file of the change, and those the base scripts
 * name, with what they extend (`readBaseConfigs`),
 * the shell script files those manifests' scripts run (`readShellFiles`),
 * the settings in every other folder that may name such a file by `../` or `~/` (`readElsewhere`,
 * through the reader's `list`: when it cannot list the base whole, `BASE_LISTING_PATH` says why), and,
 * when `paths` has a template, the deployed template and its local nested ones, read with `read` (on GitHub, `githubBaseReader`,
 * which reads a file above the contents API's 1 MB through the Git blobs API). It fails closed: a
 * read that throws (GitHub refused, or the file is over the reader's bound), comes back empty or
 * passes `MAX_BASE_FILE_LENGTH`, and every file past `MAX_BASE_FILES`, is `unreadable` with
 * why, so its install scripts (or dependencies) all count as new. Never throws.
 */
export async function readReviewedBase(params: {
  paths: readonly string[];
  /**
   * The change's files with their text (the files of `paths`): without them only paths decide
   * which manifests above are read, and a source file named as a configuration or a patch is not.
   */
  files?: readonly { readonly path: string; readonly content: string }[];
  read: BaseFileReader;
  /**
   * The deployed template's path: with it, when `paths` has a template-like file (YAML, JSON), the
   * deployed template and the nested templates it names are read too (`readBaseTemplates`), so the
   * classifier judges a changed nested template with what its parent passes, and knows the
   * stack's existing resources (`baseStackResources`: absent, the deployed template is new).
   */
  templatePath?: string | undefined;
}): Promise<ReviewedBaseFile[]> {
  const reviewed = [
    ...new Set(params.paths.filter((path) => isLockfilePath(path) || isPackageManifestPath(path))),
  ];
  const written = new Set(params.paths);
  const changed = params.files ?? [];
  const patches = changed.filter(mayBePatchFile).map((file) => file.path);
  const loose = [
    ...new Set([
      ...params.paths.filter(mayBeNamedConfig),
      ...changed.filter(mayBeNamedConfigFile).map((file) => file.path),
      ...patches,
    ]),
  ];
  const above = enclosingFiles(loose, 'package.json').filter((path) => !written.has(path));
  const workspaces = enclosingFiles(patches, 'pnpm-workspace.yaml').filter((path) => !written.has(path));
  const yarnLockfiles = enclosingFiles(patches, 'yarn.lock').filter((path) => !written.has(path));
  const extended = params.paths.filter(mayBeExtendedConfig);
  const elsewhere = await readElsewhere({
    kinds: {
      patches: patches.length > 0,
      namedConfigs: loose.length > 0,
      extendedConfigs: extended.length > 0,
    },
    skip: new Set([...written, ...above, ...workspaces, ...yarnLockfiles]),
    read: params.read,
  });
  const manifests = [
    ...(await readBounded(reviewed, params.read, MAX_BASE_FILES)),
    ...(await readBounded(above, params.read, MAX_ENCLOSING_MANIFESTS)),
    ...elsewhere.settings.filter((file) => isPackageManifestPath(file.path)),
  ];
  // Only a file a script may give the compiler makes what the scripts run matter; the change's own
  // scripts' tsc response files are judged whatever the change holds (`compilerConfigRisks`).
  const nameable = loose.length > 0 || extended.length > 0;
  const changedManifests = changed.filter((file) => isPackageManifestPath(file.path));
  const shellFiles = await readShellFiles({
    manifests: nameable ? [...changedManifests, ...manifests] : changedManifests,
    changed,
    written,
    read: params.read,
  });
  const files = [
    ...manifests,
    ...elsewhere.settings.filter((file) => !isPackageManifestPath(file.path)),
    ...shellFiles,
    ...(await readBounded(workspaces, params.read, MAX_ENCLOSING_MANIFESTS)),
    ...(await readBounded(yarnLockfiles, params.read, MAX_ENCLOSING_MANIFESTS)),
    ...(await readBaseConfigs({
      paths: extended,
      also: elsewhere.configs,
      manifests,
      shellFiles: textsOf([...shellFiles, ...changed]),
      written,
      read: params.read,
    })),
  ];
  const templatePath = params.templatePath;
  return templatePath === undefined || !params.paths.some(mayBeTemplate)
    ? files
    : [...files, ...(await readBaseTemplates({ templatePath, read: params.read }))];
}

/** At most this many TypeScript configurations are read at the base, and `extends` followed this many levels. */
const MAX_BASE_CONFIGS = 32;
const MAX_EXTENDS_DEPTH = 8;

/**
 * The `tsconfig.json` and `jsconfig.json` (esbuild reads either) of every folder above a JSON file
 * of the change (`mayBeExtendedConfig`: `svc/settings/compiler.json` under a reviewed
 * `svc/tsconfig.json` that `extends` it, TSConfig Reference "extends"), the root first, then the
 * configurations the scripts of the base `manifests` name to tsc or esbuild
 * (`compilerProjectArguments`: `tsc -p tsconfig.build.json`, a folder's `tsconfig.json`), and
 * level by level the files they extend
 * (`extendedConfigPaths`) that the change does not write, up to `MAX_EXTENDS_DEPTH` levels and
 * `MAX_BASE_CONFIGS` files (the rest `unreadable`): `compilerConfigRisks` judges a file of the
 * change one of them reaches. None without such a file, so an ordinary change reads nothing more.
 */
async function readBaseConfigs(params: {
  paths: readonly string[];
  /** Configurations in other folders that may extend a file of `paths` (`readElsewhere`). */
  also: readonly string[];
  manifests: readonly ReviewedBaseFile[];
  /** The shell script files the manifests' scripts may run, by path (`readShellFiles`, the change's). */
  shellFiles: ReadonlyMap<string, string>;
  written: ReadonlySet<string>;
  read: BaseFileReader;
}): Promise<ReviewedBaseFile[]> {
  const files: ReviewedBaseFile[] = [];
  const seen = new Set<string>();
  if (params.paths.length === 0) return files;
  const named = params.manifests.flatMap((file) =>
    'content' in file && isPackageManifestPath(file.path)
      ? compilerProjectArguments({ ...file, shellFiles: params.shellFiles }).projects.flatMap(({ path }) =>
          /\.json[c5]?$/i.test(path) ? [path] : [`${path}/tsconfig.json`, path],
        )
      : [],
  );
  let level = [
    ...enclosingFiles(params.paths, 'tsconfig.json').flatMap((path) => [
      path,
      path.replace(/tsconfig\.json$/, 'jsconfig.json'),
    ]),
    ...named,
    ...params.also,
  ];
  for (let depth = 0; depth <= MAX_EXTENDS_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const path of level) {
      if (seen.has(path) || params.written.has(path)) continue;
      seen.add(path);
      if (seen.size > MAX_BASE_CONFIGS) {
        files.push({ path, unreadable: `more than ${MAX_BASE_CONFIGS} TypeScript configurations to read` });
        continue;
      }
      const file = await readOne(path, params.read);
      if (file === undefined) continue;
      files.push(file);
      if ('content' in file) next.push(...extendedConfigPaths(path, file.content));
    }
    level = next;
  }
  return files;
}

/** At most this many shell script files the scripts run are read at the base, this many levels deep (`. x.sh` in x.sh). */
const MAX_BASE_SHELL_FILES = 16;
const MAX_SHELL_DEPTH = 8;

/**
 * The shell script files the scripts of `manifests` (the change's and the base's read) run, as
 * `compilerProjectArguments` finds them (`bash scripts/build.sh`, `./build.sh`, `. env.sh`), that
 * the change does not write, read at the base level by level (a file may run another) up to
 * `MAX_SHELL_DEPTH` levels and `MAX_BASE_SHELL_FILES` files (the rest `unreadable`): the compiler
 * configurations their commands name are judged as a script's are; the tsc response files they name
 * (`tsc @build.rsp`) are read the same way. None when the manifests run or name no such file; only
 * the change's manifests when the change has no file a script could give the compiler.
 */
async function readShellFiles(params: {
  manifests: readonly ReviewedBaseFile[];
  changed: readonly { readonly path: string; readonly content: string }[];
  written: ReadonlySet<string>;
  read: BaseFileReader;
}): Promise<ReviewedBaseFile[]> {
  const files: ReviewedBaseFile[] = [];
  const tried = new Set<string>();
  const manifests = params.manifests.flatMap((file) => ('content' in file ? [file] : []));
  for (let depth = 0; depth < MAX_SHELL_DEPTH; depth++) {
    const shellFiles = textsOf([...files, ...params.changed]);
    const wanted = [
      ...new Set(
        manifests.flatMap((file) => compilerProjectArguments({ ...file, shellFiles }).unreadShellFiles),
      ),
    ].filter((path) => !tried.has(path) && !params.written.has(path));
    if (wanted.length === 0) break;
    for (const path of wanted) {
      tried.add(path);
      if (tried.size > MAX_BASE_SHELL_FILES) {
        files.push({ path, unreadable: `more than ${MAX_BASE_SHELL_FILES} shell script files to read` });
        continue;
      }
      const file = await readOne(path, params.read);
      if (file !== undefined) files.push(file);
    }
  }
  return files;
}

/** The texts of the files read, by path (later ones win). */
function textsOf(files: readonly ReviewedBaseFile[]): Map<string, string> {
  return new Map(files.flatMap((file) => ('content' in file ? [[file.path, file.content] as const] : [])));
}

/**
 * At most this many settings files in folders not above the change's files are read
 * (`readElsewhere`); past it, what they name is unknown (`BASE_LISTING_PATH` unreadable).
 */
export const MAX_ELSEWHERE_SETTINGS = 64;

/**
 * The base's settings files in any folder that may name a file of the change of `kinds` by `../` or
 * Yarn's `~/` (`baseSettingsPaths` over the reader's `list`), but those of `skip` (the change's and
 * those read as above it): the `package.json`, `pnpm-workspace.yaml` and `yarn.lock` files read, up to
 * `MAX_ELSEWHERE_SETTINGS` with the TypeScript configurations, which are returned by path for
 * `readBaseConfigs` (it follows what they extend). When the reader cannot list the base, GitHub cut
 * the listing short, or there are more than the bound, one `BASE_LISTING_PATH` entry says why
 * (`unlistedBaseRisks` then judges the change's nameable files high). Nothing read, and no listing,
 * when the change has no such file. Never throws.
 */
async function readElsewhere(params: {
  kinds: NameableKinds;
  skip: ReadonlySet<string>;
  read: BaseFileReader;
}): Promise<{ settings: ReviewedBaseFile[]; configs: string[] }> {
  const { kinds } = params;
  if (!kinds.patches && !kinds.namedConfigs && !kinds.extendedConfigs) return { settings: [], configs: [] };
  const unlisted = (why: string) => ({
    settings: [{ path: BASE_LISTING_PATH, unreadable: why }],
    configs: [],
  });
  if (params.read.list === undefined) return unlisted('the base branch could not be listed');
  let listing: readonly string[];
  try {
    listing = await params.read.list();
  } catch (error) {
    return unlisted(shortWhy(error));
  }
  const paths = baseSettingsPaths({ listing, kinds }).filter((path) => !params.skip.has(path));
  if (paths.length > MAX_ELSEWHERE_SETTINGS)
    return unlisted(`the base branch has more than ${MAX_ELSEWHERE_SETTINGS} such settings files`);
  const configs = paths.filter((path) => /(^|\/)[jt]sconfig\.json$/i.test(path));
  const settings = await readBounded(
    paths.filter((path) => !configs.includes(path)),
    params.read,
    MAX_ELSEWHERE_SETTINGS,
  );
  return { settings, configs };
}

/**
 * At most this many `package.json` files above the change's files are read; the rest are unreadable.
 * Every file of the change counts (`mayBeNamedConfig`), so a change across many folders reads many.
 */
const MAX_ENCLOSING_MANIFESTS = 32;

/**
 * The file `name` (`package.json`, `pnpm-workspace.yaml`) of every folder holding one of `paths`,
 * and of every folder above it, the root first: the manifests whose scripts may point tsc or
 * esbuild at a file of the change (`compilerConfigRisks`), npm running a script in its manifest's
 * folder, and the settings whose `patchedDependencies` may name one (`patchedDependencyFileRisks`).
 */
function enclosingFiles(paths: readonly string[], name: string): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/').slice(0, -1);
    for (let depth = 0; depth <= parts.length; depth++) folders.add(parts.slice(0, depth).join('/'));
  }
  return [...folders]
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
    .map((folder) => (folder === '' ? name : `${folder}/${name}`));
}

/** Each of `paths` read, the ones past `bound` unreadable with why; those the base lacks left out. */
async function readBounded(
  paths: readonly string[],
  read: BaseFileReader,
  bound: number,
): Promise<ReviewedBaseFile[]> {
  const files: ReviewedBaseFile[] = [];
  for (const [index, path] of paths.entries()) {
    if (index >= bound) {
      files.push({ path, unreadable: `more than ${bound} files to read` });
      continue;
    }
    const file = await readOne(path, read);
    if (file !== undefined) files.push(file);
  }
  return files;
}

/** A path of the change the classifier may judge as a template: the deployed one or another. */
function mayBeTemplate(path: string): boolean {
  const spelled = repositoryPath(path) ?? path;
  return (
    /\.(ya?ml|json|template)$/i.test(spelled) && !isLockfilePath(spelled) && !isPackageManifestPath(spelled)
  );
}

/**
 * The deployed template at the base and, level by level, the local nested templates it names
 * (`localNestedTemplates`), up to `MAX_NESTED_DEPTH` levels and `MAX_BASE_FILES` files: where the
 * parent of a changed nested template that the change leaves as it is lives (`baseNestedParents`).
 * A template that cannot be read is `unreadable` with why, so the classifier knows its search was
 * cut short. Never throws.
 */
async function readBaseTemplates(params: {
  templatePath: string;
  read: BaseFileReader;
}): Promise<ReviewedBaseFile[]> {
  const files: ReviewedBaseFile[] = [];
  const seen = new Set<string>();
  let level = [repositoryPath(params.templatePath) ?? params.templatePath];
  for (let depth = 0; depth <= MAX_NESTED_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const path of level) {
      if (seen.has(path)) continue;
      seen.add(path);
      if (seen.size > MAX_BASE_FILES) {
        files.push({ path, unreadable: `more than ${MAX_BASE_FILES} templates to read` });
        continue;
      }
      const file = await readOne(path, params.read);
      if (file === undefined) continue;
      files.push(file);
      if (!('content' in file)) continue;
      const parsed = parseTemplate(file.content);
      if (!parsed.ok) continue;
      for (const entry of localNestedTemplates({ templatePath: path, template: parsed.template }))
        if (entry.path !== undefined) next.push(entry.path);
    }
    level = next;
  }
  return files;
}

async function readOne(path: string, read: BaseFileReader): Promise<ReviewedBaseFile | undefined> {
  let content: string | undefined;
  try {
    content = await read(path);
  } catch (error) {
    return { path, unreadable: shortWhy(error) };
  }
  if (content === undefined) return undefined;
  if (content === '') return { path, unreadable: 'it is empty' };
  if (content.length > MAX_BASE_FILE_LENGTH) return { path, unreadable: 'it is too large to read' };
  return { path, content };
}

/** A read error's message on one line, cut at `MAX_WHY_LENGTH`. */
function shortWhy(error: unknown): string {
  const why = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  return why.length > MAX_WHY_LENGTH ? `${why.slice(0, MAX_WHY_LENGTH)}…` : why;
}
