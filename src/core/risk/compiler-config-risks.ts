import { isPlainObject } from '../cfn/is-plain-object.js';
import { stringsUnder } from './strings-under.js';
import { parseJsonc } from '../untrusted/parse-jsonc.js';
import { caseFoldedPath } from './case-folded-path.js';
import {
  compilerProjectArguments,
  pathFromFolder,
  type UnknownCompilerProject,
} from './compiler-project-arguments.js';
import { insideRepository } from './lockfile-sources.js';
import { isPlainBuildArgument } from './plain-build-arguments.js';
import { isLockfilePath, isPackageManifestPath, type ReviewedBaseFile } from './reviewed-base-file.js';
import type { RiskReason } from './risk-assessment.js';
import { responseFileArguments } from './tsc-response-file.js';

/** A compiler configuration longer than this is not read, and is high. */
const MAX_CONFIG_LENGTH = 1_000_000;
/** How deep the settings are walked, and how many configurations one change's `extends`/`references` reach. */
const MAX_DEPTH = 32;
const MAX_CONFIGS = 64;

/**
 * A configuration `tsc` and esbuild read by name in the folder they build (TSConfig Reference;
 * esbuild Docs, "tsconfig": `tsconfig.json`, and `jsconfig.json` for JavaScript), or by
 * `tsc -p <file>`, usually `tsconfig.<purpose>.json`: in any case (`caseFoldedPath`).
 */
const CONFIG_NAME = /(^|\/)[jt]sconfig(\.[^/]*)?\.json$/;

/**
 * Every setting that names a file or folder (TSConfig Reference): what `tsc` compiles into the
 * output the deploy run ships (`files`, `include`: with `allowJs`/`resolveJsonModule` any `.js` or
 * `.json` there, globs included; `typeRoots`, `types`: declaration folders and packages it loads),
 * where it writes (`outDir`, `outFile` and its old name `out`, `declarationDir`, `tsBuildInfoFile`,
 * `generateTrace`, `generateCpuProfile`; `rootDir`/`rootDirs` decide the layout under `outDir`),
 * where it and esbuild look modules up (`baseUrl`, `paths`: esbuild bundles what they name), and
 * the other configurations it reads (`extends`, `references`). Left out: `exclude` and
 * `watchOptions`' lists only narrow what is read; `mapRoot`/`sourceRoot` are text written into
 * source maps, not read or written. Compared without case.
 */
const PATH_SETTINGS: ReadonlySet<string> = new Set(
  [
    'files',
    'include',
    'typeRoots',
    'types',
    'outDir',
    'outFile',
    'out',
    'declarationDir',
    'tsBuildInfoFile',
    'generateTrace',
    'generateCpuProfile',
    'rootDir',
    'rootDirs',
    'baseUrl',
    'paths',
    'extends',
    'references',
  ].map((name) => name.toLowerCase()),
);

/**
 * What a TypeScript configuration of the change makes the deploy run's build (`tsc`, or esbuild,
 * which reads the same file: `npm run build`, with its AWS credentials) write or read outside its
 * service's folder (`unseen-effect`, `where` the file and setting): a value of a `PATH_SETTINGS`
 * setting (at any depth; a string in an array or object under it, `paths`' targets and
 * `references`' `path` too, globs as written) that is absolute, a drive (`C:`), a URL, uses `\`, or
 * climbs above the configuration's folder with `..` (`${configDir}` counts as the folder): `outDir:
 * "/home/runner/work/_actions/…"` writes the compiled code over an action a later step runs, and
 * `files: ["/home/runner/.docker/config.json"]` or `include: ["../../_actions/**"]` compiles the
 * runner's files into the deployed code; an `extends` that is not a relative path
 * (`@tsconfig/node20`: a package's settings from `node_modules`, which the change does not show);
 * any `plugins` (language service plugins: tsc does not load them, a patched compiler does; code
 * by name). A configuration named by
 * `CONFIG_NAME`, or named to the compiler by a script of a `package.json` whatever its name
 * (`compilerProjectArguments`: `tsc -p build.json`, `tsc -b a b`, `esbuild --tsconfig=x.json`; the
 * change's manifest, else the reviewed base's at that path, as the deploy run's `npm run build`
 * reads it), or reached from one through `extends` or `references` among the change's files (up to
 * `MAX_CONFIGS`), is judged; one that does not parse as JSON with comments (`parseJsonc`), names a
 * key twice or passes `MAX_CONFIG_LENGTH` is one reason at the file. A base manifest that could not
 * be read, in any folder, when the change has a file no other rule reads (`mayBeNamedConfigFile`), is
 * one reason at the manifest: what its scripts point the compiler at is not known. The tsc response
 * files the scripts name are judged by `responseFileRisks`. A configuration named that the
 * change does not hold is the repository's, as reviewed. Pure; never throws.
 */
export function compilerConfigRisks(params: {
  files: readonly { readonly path: string; readonly content: string }[];
  /** `package.json` files as on the base branch (`classifyRisk`'s `base`): their scripts name configurations too. */
  base?: readonly ReviewedBaseFile[];
  /** Files other rules read as templates: not compiler configurations. */
  templatePaths?: ReadonlySet<string>;
}): RiskReason[] {
  const contents = new Map(params.files.map((file) => [file.path, file.content]));
  const reviewed = new Map(
    (params.base ?? []).flatMap((file) =>
      'content' in file && !contents.has(file.path) ? [[file.path, file.content] as const] : [],
    ),
  );
  const unreadable = new Map(
    (params.base ?? []).flatMap((file) =>
      'unreadable' in file ? [[file.path, file.unreadable] as const] : [],
    ),
  );
  const named = scriptNamedConfigs(params.files, params.base ?? []);
  const present = (path: string): boolean => contents.has(path) || reviewed.has(path);
  const queue = [
    ...params.files.map((file) => file.path).filter((path) => CONFIG_NAME.test(caseFoldedPath(path))),
    ...named.projects.flatMap(({ path }) => [path, `${path}/tsconfig.json`].filter(present)),
    ...[...reviewed.keys()].filter((path) => CONFIG_NAME.test(caseFoldedPath(path))),
  ];
  const judged = new Set<string>();
  const reasons: RiskReason[] = [];
  while (queue.length > 0 && judged.size < MAX_CONFIGS) {
    const path = queue.shift() ?? '';
    if (judged.has(path)) continue;
    judged.add(path);
    // A configuration as reviewed is not judged; what it extends or references may be the change's.
    const judgement = judgeConfig(path, contents.get(path) ?? reviewed.get(path) ?? '');
    if (contents.has(path)) reasons.push(...judgement.reasons);
    for (const named of judgement.named) {
      const candidates = [named, `${named}.json`, `${named}/tsconfig.json`];
      const found = candidates.find(present);
      if (found !== undefined && !judged.has(found)) queue.push(found);
      const lost = found === undefined ? candidates.find((each) => unreadable.has(each)) : undefined;
      if (lost !== undefined)
        reasons.push({
          code: 'unseen-effect',
          where: lost,
          message: `The reviewed ${lost}, which ${path} extends or references, could not be read (${unreadable.get(lost) ?? ''}): whether it reaches a configuration of the change cannot be judged.`,
        });
    }
  }
  if (queue.some((path) => !judged.has(path)))
    reasons.push({
      code: 'unseen-effect',
      where: queue.find((path) => !judged.has(path)) ?? '',
      message: `More than ${MAX_CONFIGS} TypeScript configurations to judge; the rest are not judged.`,
    });
  reasons.push(...unreadableBaseRisks({ ...params, base: params.base ?? [] }));
  reasons.push(...unknownScriptRisks({ ...params, unknown: named.unknown }));
  reasons.push(...responseFileRisks({ files: params.files, reviewed, responseFiles: named.responseFiles }));
  return reasons;
}

/**
 * The tsc response files the scripts name (`tsc @build.rsp`: tsc reads its arguments as if on the
 * command line) that the change writes, or that a manifest of the change names: one reason at the
 * file when an argument is not one a plain build may give (`isPlainBuildArgument`: `--outDir
 * /home/runner/…`, `../x`), and one at the manifest when the file named could not be read. The
 * projects they name (`-p conf/build.json`) are judged as a script's (`compilerProjectArguments`).
 */
function responseFileRisks(params: {
  files: readonly { readonly path: string; readonly content: string }[];
  reviewed: ReadonlyMap<string, string>;
  responseFiles: readonly { path: string; read: boolean; manifest: string }[];
}): RiskReason[] {
  const contents = new Map(params.files.map((file) => [file.path, file.content]));
  const seen = new Set<string>();
  return params.responseFiles.flatMap(({ path, read, manifest }): RiskReason[] => {
    const ours = contents.has(manifest);
    if (seen.has(path) || !(ours || contents.has(path))) return [];
    seen.add(path);
    const text = contents.get(path) ?? params.reviewed.get(path);
    if (!read || text === undefined)
      return [
        {
          code: 'unseen-effect',
          where: manifest,
          message: `A script gives tsc the response file ${path}, which could not be read: the arguments tsc takes from it cannot be judged.`,
        },
      ];
    const outside = responseFileArguments(text).find((argument) => !isPlainBuildArgument(argument));
    return outside === undefined
      ? []
      : [
          {
            code: 'unseen-effect',
            where: path,
            message: `The tsc response file gives tsc ${JSON.stringify(outside.slice(0, 120))}, not a plain argument inside the service's folder: the build would write or read there, with the deploy run's AWS credentials.`,
          },
        ];
  });
}

/**
 * Source, markup and template files of a service, by extension: written in their own syntax, never
 * as the JSON tsc reads a configuration in, and in every change, so reading the manifests above each
 * of them at the base would cost a GitHub read per folder on every classification.
 */
const NOT_A_CONFIGURATION =
  /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|md|markdown|ya?ml|txt|html?|css|sh|py|snap)$|(^|\/)\.(gitignore|gitattributes|prettierignore|eslintignore|editorconfig|nvmrc)$/;

/**
 * A file of the change not read by its name (not `CONFIG_NAME`, a manifest or a lockfile) that a
 * script's `tsc -p <file>` may make a compiler configuration: a JSON file, or any file not in
 * `NOT_A_CONFIGURATION` (`tsc -p build.cfg` reads it as JSON, and still builds with the settings it
 * could read when the file has syntax errors), so the manifests above it are read at the base
 * (`readReviewedBase`). A source file is one by its text: `mayBeNamedConfigFile`.
 */
export function mayBeNamedConfig(path: string): boolean {
  const folded = caseFoldedPath(path);
  return (
    !CONFIG_NAME.test(folded) &&
    !NOT_A_CONFIGURATION.test(folded) &&
    !isPackageManifestPath(path) &&
    !isLockfilePath(path)
  );
}

/**
 * `mayBeNamedConfig`, or a source, markup or template file (`NOT_A_CONFIGURATION`) whose text
 * `tsc` or esbuild could read settings from when a script names it (`tsc -p src/x.ts`,
 * `esbuild --tsconfig=src/config.js`): `mayHoldConfigSettings`. Pure.
 */
export function mayBeNamedConfigFile(file: { readonly path: string; readonly content: string }): boolean {
  if (mayBeNamedConfig(file.path)) return true;
  const folded = caseFoldedPath(file.path);
  if (CONFIG_NAME.test(folded) || isPackageManifestPath(file.path) || isLockfilePath(file.path)) return false;
  return mayHoldConfigSettings(file.content);
}

/**
 * The keys `tsc` reads a configuration's settings from at its root (TSConfig Reference), compared
 * without case: those `PATH_SETTINGS` and `plugins` live in or under.
 */
const ROOT_SETTING = /(compileroptions|extends|files|include|references)["'`]?\s*(:|\/\/|\/\*)/i;

/**
 * Text `tsc` may take settings from, over-approximated: tsc's JSON reader recovers from syntax
 * errors and reads the first object it finds (`x {"compilerOptions": …}`, and valid TypeScript such
 * as `const a = 1; ({"compilerOptions": …})`), so any text that opens an object past comments, names
 * a root setting as a key (`ROOT_SETTING`, quoted or not, spelt with escapes or not:
 * `withoutEscapes`) may be one. Ordinary source rarely does,
 * so the manifests above it are not read at the base; one too large to judge may be one. Linear in
 * the text; pure.
 */
function mayHoldConfigSettings(text: string): boolean {
  if (text.length > MAX_CONFIG_LENGTH) return true;
  return opensAnObject(text) || ROOT_SETTING.test(withoutEscapes(text));
}

/**
 * `text` with the escapes a string or identifier may spell a key with decoded (`\u0063`, `\u{63}`,
 * `\x63`) and line continuations (`\` before a line break) taken out, as tsc's scanner reads them.
 */
function withoutEscapes(text: string): string {
  return text
    .replace(/\\u\{([0-9a-f]{1,6})\}|\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/gi, (whole, ...codes: unknown[]) => {
      const code = Number.parseInt(String(codes.slice(0, 3).find((each) => each !== undefined)), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\\(\r\n|\r|\n|\u2028|\u2029)/g, '');
}

/** A text that, past a byte order mark, blank space and `//` or block comments, starts with `{`. */
function opensAnObject(text: string): boolean {
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  while (at < text.length) {
    const char = text[at] ?? '';
    if (/\s/.test(char)) at += 1;
    else if (text.startsWith('//', at)) at = endOf(text.indexOf('\n', at), text);
    else if (text.startsWith('/*', at)) at = endOf(text.indexOf('*/', at + 2), text) + 2;
    else return char === '{';
  }
  return false;
}

/** `index`, or the text's length when it is not found (-1). */
function endOf(index: number, text: string): number {
  return index < 0 ? text.length : index;
}

/**
 * What the scripts of every manifest name to the compiler, and what they leave unknown: the
 * change's `package.json` files, and the base's readable ones at paths the change does not write
 * (the change's own replaces them), reading the shell script files they run from the change's
 * files and the base's (`compilerProjectArguments`' `shellFiles`).
 */
function scriptNamedConfigs(
  files: readonly { readonly path: string; readonly content: string }[],
  base: readonly ReviewedBaseFile[],
): Omit<ReturnType<typeof compilerProjectArguments>, 'responseFiles'> & {
  responseFiles: { path: string; read: boolean; manifest: string }[];
} {
  const changed = new Set(files.map((file) => file.path));
  const manifests = [
    ...files.filter((file) => isPackageManifestPath(file.path)),
    ...base.flatMap((file) =>
      'content' in file && isPackageManifestPath(file.path) && !changed.has(file.path) ? [file] : [],
    ),
  ];
  const shellFiles = new Map([
    ...base.flatMap((file) =>
      'content' in file && !changed.has(file.path) ? [[file.path, file.content] as const] : [],
    ),
    ...files.map((file) => [file.path, file.content] as const),
  ]);
  const read = manifests.map((manifest) => compilerProjectArguments({ ...manifest, shellFiles }));
  return {
    projects: read.flatMap((each) => each.projects),
    unknown: read.flatMap((each) => each.unknown),
    unreadShellFiles: read.flatMap((each) => each.unreadShellFiles),
    responseFiles: read.flatMap((each, index) =>
      each.responseFiles.map((file) => ({ ...file, manifest: manifests[index]?.path ?? '' })),
    ),
  };
}

/** The files of the change no other rule reads as a configuration that a script or `extends` may make one. */
function looseFiles(params: {
  files: readonly { readonly path: string; readonly content: string }[];
  templatePaths?: ReadonlySet<string>;
}): string[] {
  return params.files
    .filter((file) => mayBeNamedConfigFile(file) && !(params.templatePaths?.has(file.path) ?? false))
    .map((file) => file.path);
}

/**
 * A base `package.json` or TypeScript configuration (`CONFIG_NAME`; not written by the change) that
 * could not be read, in any folder (`../` climbs to any other), when the change has a file that no
 * other rule reads as a configuration (`looseFiles`): its scripts may point the compiler at that
 * file, or it may extend it, which then goes unjudged.
 */
function unreadableBaseRisks(params: {
  files: readonly { readonly path: string; readonly content: string }[];
  base: readonly ReviewedBaseFile[];
  templatePaths?: ReadonlySet<string>;
}): RiskReason[] {
  const changed = new Set(params.files.map((file) => file.path));
  const loose = looseFiles(params);
  return params.base.flatMap((file): RiskReason[] => {
    if (!('unreadable' in file) || changed.has(file.path)) return [];
    const manifest = isPackageManifestPath(file.path);
    if (!manifest && !CONFIG_NAME.test(caseFoldedPath(file.path))) return [];
    // A script or `extends` in any folder may name the file by `../`.
    const under = loose[0];
    if (under === undefined) return [];
    const how = manifest ? 'its scripts point tsc or esbuild at' : 'it extends';
    return [
      {
        code: 'unseen-effect',
        where: file.path,
        message: `The reviewed ${file.path} could not be read (${file.unreadable}): whether ${how} ${under}, and so what that configuration makes the build write or read, cannot be judged.`,
      },
    ];
  });
}

/**
 * A manifest script whose compiler configuration cannot be known from its text
 * (`compilerProjectArguments`' `unknown`: `tsc -p $npm_package_config_tsconfig`), when the change
 * has a file no other rule reads as a configuration (`looseFiles`, anywhere: the argument may climb
 * out of the manifest's folder): that file may be the configuration, unjudged. One reason per script.
 */
function unknownScriptRisks(params: {
  files: readonly { readonly path: string; readonly content: string }[];
  unknown: readonly UnknownCompilerProject[];
  templatePaths?: ReadonlySet<string>;
}): RiskReason[] {
  if (params.unknown.length === 0) return [];
  const loose = looseFiles(params);
  if (loose.length === 0) return [];
  const seen = new Set<string>();
  return params.unknown.flatMap(({ where, why }): RiskReason[] => {
    if (seen.has(where)) return [];
    seen.add(where);
    return [
      {
        code: 'unseen-effect',
        where,
        message: `Which configuration this script gives tsc or esbuild cannot be known (${why}): it may be ${loose[0] ?? ''} of the change, whose settings then go unjudged.`,
      },
    ];
  });
}

/**
 * The files a TypeScript configuration at `path` extends by a relative path (TSConfig Reference,
 * "extends": a string or, since TypeScript 5.0, an array; a path without `.json` is also tried with
 * it), as repository paths to read at the base: `[path, path + ".json"]` for each, those leaving
 * the repository or inside node_modules left out (`compilerConfigRisks` judges them). Pure; never throws.
 */
export function extendedConfigPaths(path: string, content: string): string[] {
  return judgeConfig(path, content).extended.flatMap((each) =>
    /\.json$/i.test(each) ? [each] : [each, `${each}.json`],
  );
}

/**
 * A file of the change whose name a TypeScript configuration at the base may `extend`, so the
 * `tsconfig.json` files above it are read at the base (`readReviewedBase`): any file
 * `mayBeNamedConfig` admits, not only JSON, since `tsc` reads an `extends` path as written before
 * trying it with `.json` (TypeScript's getExtendsConfigPath: `"extends": "../tsconfig.base"` reads
 * a file `tsconfig.base` first, so a new one shadows a reviewed `tsconfig.base.json`). Pure.
 */
export function mayBeExtendedConfig(path: string): boolean {
  return mayBeNamedConfig(path);
}

/** The reasons of one configuration, and the repository paths its `extends` and `references` name. */
function judgeConfig(
  path: string,
  content: string,
): { reasons: RiskReason[]; named: string[]; extended: string[] } {
  const reason = (message: string, at = ''): RiskReason => ({
    code: 'unseen-effect',
    where: `${path}${at}`,
    message,
  });
  if (content.length > MAX_CONFIG_LENGTH)
    return {
      reasons: [reason('The TypeScript configuration is too large to judge.')],
      named: [],
      extended: [],
    };
  const parsed = parseJsonc(content);
  if (!parsed.ok)
    return {
      reasons: [
        reason(
          `The TypeScript configuration cannot be read (${parsed.why}); where the build writes and reads cannot be judged.`,
        ),
      ],
      named: [],
      extended: [],
    };
  const folder = path.split('/').slice(0, -1);
  const reasons: RiskReason[] = [];
  const named: string[] = [];
  const extended: string[] = [];
  for (const { at, setting, value } of settingsOf(parsed.value)) {
    if (setting === 'plugins') {
      if (!(Array.isArray(value) && value.length === 0))
        reasons.push(
          reason(
            `"plugins" names code a patched TypeScript compiler loads by name (${JSON.stringify(value).slice(0, 120)}): code the change does not show.`,
            at,
          ),
        );
      continue;
    }
    for (const target of stringsUnder(value, MAX_DEPTH)) {
      const relative = target.replace(/^\$\{configDir\}(\/|$)/, './');
      // tsc reads `extends` as a path only when it starts `./` or `../` (or is rooted: judged below as
      // outside); `.x/c.json` or `..` is looked up in node_modules (TypeScript, getExtendsConfigPath).
      if (setting === 'extends' && !/^\.\.?\//.test(relative) && !isRooted(relative)) {
        reasons.push(
          reason(
            `"extends" names ${JSON.stringify(target)}, which TypeScript looks up in node_modules: settings of a package the change does not show.`,
            at,
          ),
        );
        continue;
      }
      if (/^[A-Za-z]:/.test(relative) || !insideRepository([], relative)) {
        reasons.push(
          reason(
            `${JSON.stringify(target)} is outside the configuration's folder: the build would write or read there, with the deploy run's AWS credentials.`,
            at,
          ),
        );
        // A reviewed configuration may extend one in another folder (`../conf/base.json`), which
        // may be the change's: followed while it stays inside the repository.
        const followed = setting === 'extends' || setting === 'references';
        if (!followed || !insideRepository(folder, relative)) continue;
      }
      if (setting !== 'extends' && setting !== 'references') continue;
      const resolved = pathFromFolder(folder, relative);
      // `./node_modules/<pkg>/tsconfig.json` is a package's settings, as a bare name is (TSConfig Reference, "extends").
      if (caseFoldedPath(resolved).split('/').includes('node_modules')) {
        reasons.push(
          reason(
            `"${setting}" names ${JSON.stringify(target)}, inside node_modules: settings of a package the change does not show.`,
            at,
          ),
        );
        continue;
      }
      named.push(resolved);
      if (setting === 'extends') extended.push(resolved);
    }
  }
  return { reasons, named, extended };
}

/** A path from the file system's root: `/x`, a drive (`C:`) or `\\`. */
function isRooted(path: string): boolean {
  return /^([A-Za-z]:|[/\\])/.test(path);
}

/** Every `PATH_SETTINGS` or `plugins` setting at any depth (up to `MAX_DEPTH`), with where it is. */
function settingsOf(value: unknown): { at: string; setting: string; value: unknown }[] {
  const found: { at: string; setting: string; value: unknown }[] = [];
  const walk = (node: unknown, at: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${at}[${index}]`, depth + 1));
    if (!isPlainObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      const setting = key.toLowerCase();
      const here = `${at}${at === '' ? '#' : '.'}${key}`;
      if (PATH_SETTINGS.has(setting) || setting === 'plugins')
        found.push({ at: here, setting, value: child });
      else walk(child, here, depth + 1);
    }
  };
  walk(value, '', 0);
  return found;
}
