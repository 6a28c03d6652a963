import { caseFoldedPath } from './case-folded-path.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * Files the deploy run's `npm ci`/`npm install` and `npm run build` execute or load as code by
 * their path alone, with the AWS credentials that deploy the stack, each with why:
 * - node-gyp's build files: npm runs `node-gyp rebuild` as a package's `install` script when its
 *   folder holds a `binding.gyp` and it has no `install`/`preinstall` script (npm Docs,
 *   "scripts", "Default Values": `"install": "node-gyp rebuild"` when "there is a binding.gyp file in
 *   the root of your package"), and gyp runs every `<!(command)` expansion of it, and of the `.gypi` files it
 *   includes (node-gyp adds a `config.gypi` of the package's folder by itself);
 * - anything under a `node_modules` folder: `npm run` puts `node_modules/.bin` of the service's
 *   folder and of every folder above it on `PATH` (npm Docs, "scripts", "path"; @npmcli/run-script
 *   set-path.js walks up to the root), so a
 *   committed `node_modules/.bin/esbuild` is what `npm run build` runs, and `npm install` keeps
 *   the packages it finds there;
 * - yarn's Plug'n'Play loaders (`.pnp.cjs`, `.pnp.js`, `.pnp.loader.mjs`), which yarn loads
 *   into every script it runs, and the `.pnp.data.json` they read (`pnpEnableInlining: false`),
 *   which maps every package to the folder or zip its code is loaded from (Yarn Docs,
 *   "Plug'n'Play", "Settings (.yarnrc.yml)");
 * - anything under a `.yarn` folder: yarn 2+ runs the release `yarnPath` names
 *   (`.yarn/releases/*.cjs`) as itself, loads the `plugins` of `.yarnrc.yml`
 *   (`.yarn/plugins/…`), loads packages from their zip in the offline cache (`.yarn/cache`, the
 *   "zero-install" layout) and from `.yarn/unplugged`, and applies the patches of `patch:`
 *   resolutions (`.yarn/patches`); what else it keeps there is its own state (Yarn Docs,
 *   "Offline Cache", "Plugins", "yarnPath"). A reviewed `.yarnrc.yml` naming a release or plugin
 *   does not review the file's code.
 * - pnpm's and patch-package's patches: a file under a `patches` folder (where `pnpm patch-commit`
 *   writes them, pnpm Docs, "pnpm patch-commit", `--patches-dir` default `patches`; and where
 *   patch-package keeps them) and any `.patch` file: pnpm applies those `patchedDependencies` names
 *   to a dependency's code on install (pnpm Docs, "Settings (package.json)": patchedDependencies),
 *   yarn those of `patch:` resolutions; one named elsewhere is `patchedDependencyFileRisks`'.
 * Matched on `caseFoldedPath`, so a checkout on a case-insensitive disk is judged too.
 */
const EXECUTED_FILES: readonly { readonly pattern: RegExp; readonly why: string }[] = [
  {
    pattern: /(^|\/)[^/]*\.gypi?$/i,
    why: 'a node-gyp build file: npm runs node-gyp on install, and gyp runs the commands it names',
  },
  {
    pattern: /(^|\/)node_modules(\/|$)/i,
    why: 'a file under node_modules: npm runs the programs it finds there (node_modules/.bin is on PATH) and keeps the packages',
  },
  {
    pattern: /(^|\/)\.pnp\.(c?js|loader\.mjs)$/i,
    why: "yarn's Plug'n'Play loader, which yarn loads into every script it runs",
  },
  {
    pattern: /(^|\/)\.pnp\.data\.json$/i,
    why: "yarn's Plug'n'Play data, which tells its loader where every package's code is loaded from",
  },
  {
    pattern: /(^|\/)patches\//i,
    why: "a file under patches: pnpm applies the patches its patchedDependencies name there (pnpm patch-commit's folder), and patch-package every one, to a dependency's code on install",
  },
  {
    pattern: /\.patch$/i,
    why: "a patch file: pnpm (patchedDependencies) and yarn (patch: resolutions) apply patches to a dependency's code on install",
  },
  {
    pattern: /(^|\/)\.yarn\//i,
    why: 'a file under .yarn: yarn runs its release and plugins, and loads packages from its cache, unplugged folder and patches there',
  },
];

/**
 * `unseen-effect` (at the file) for a file of the bundle that the package manager or the build
 * executes by its path alone (`EXECUTED_FILES`), whatever it holds: the change adds code the deploy
 * run executes with its credentials, and no rule reads it. Undefined for any other path. Pure.
 */
export function buildExecutedFileRisks(path: string): RiskReason[] | undefined {
  const folded = caseFoldedPath(path);
  const matched = EXECUTED_FILES.find(({ pattern }) => pattern.test(folded));
  if (matched === undefined) return undefined;
  return [
    {
      code: 'unseen-effect',
      where: path,
      message: `Writes ${matched.why}; the deploy run executes it with its AWS credentials.`,
    },
  ];
}
