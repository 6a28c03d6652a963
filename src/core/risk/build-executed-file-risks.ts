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
 * - yarn's Plug'n'Play loaders (`.pnp.cjs`, `.pnp.loader.mjs`), which yarn loads into every
 *   script it runs (Yarn Docs, "Plug'n'Play").
 * Case-insensitive, so a checkout on a case-insensitive disk is judged too.
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
];

/**
 * `unseen-effect` (at the file) for a file of the bundle that the package manager or the build
 * executes by its path alone (`EXECUTED_FILES`), whatever it holds: the change adds code the deploy
 * run executes with its credentials, and no rule reads it. Undefined for any other path. Pure.
 */
export function buildExecutedFileRisks(path: string): RiskReason[] | undefined {
  const matched = EXECUTED_FILES.find(({ pattern }) => pattern.test(path));
  if (matched === undefined) return undefined;
  return [
    {
      code: 'unseen-effect',
      where: path,
      message: `Writes ${matched.why}; the deploy run executes it with its AWS credentials.`,
    },
  ];
}
