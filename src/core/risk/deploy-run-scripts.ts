/**
 * Scripts npm runs by itself when the deploy run installs and builds a service (`npm ci` or
 * `npm install`, then `npm run build`: src/packaging/build-service.ts). They run in the deploy
 * workflow, with the AWS credentials that deploy the stack. Source: npm Docs, "scripts" (v11): "Life
 * Cycle Operation Order" lists for `npm ci` and `npm install` `preinstall`, `install`,
 * `postinstall`, `prepublish`, `preprepare`, `prepare`, `postprepare`; "Life Cycle Scripts" adds
 * `dependencies` ("after any operations that modify the node_modules directory"), which
 * @npmcli/arborist (reify.js) runs with its `predependencies` and `postdependencies`; "Pre & Post
 * Scripts" makes `npm run build` run `prebuild` and `postbuild`. `prepack`, `postpack` and
 * `prepublishOnly` run only for `npm pack` and `npm publish`, which the deploy run never calls. The
 * deploy run installs with `--ignore-scripts` today; the install scripts count all the same, so a
 * change of that flag cannot open a way round the review.
 */
export const LIFE_CYCLE_SCRIPTS = [
  'preinstall',
  'install',
  'postinstall',
  'prepublish',
  'preprepare',
  'prepare',
  'postprepare',
  'predependencies',
  'dependencies',
  'postdependencies',
  'prebuild',
  'postbuild',
] as const;

/** The script the deploy run starts by name (`npm run build`, src/packaging/build-service.ts). */
export const BUILD_SCRIPT = 'build';

/**
 * Every script of a manifest the deploy run starts itself, in the order npm runs them: the install's
 * life-cycle scripts, then `prebuild`, `build`, `postbuild` (`LIFE_CYCLE_SCRIPTS`, `BUILD_SCRIPT`).
 * The scripts these run (`npm run x`, `yarn x`, `run-s x`) run too; no other script runs.
 */
export const DEPLOY_RUN_SCRIPTS: readonly string[] = [
  ...LIFE_CYCLE_SCRIPTS.filter((name) => name !== 'postbuild'),
  BUILD_SCRIPT,
  'postbuild',
];
