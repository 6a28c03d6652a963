import { caseFoldedPath } from './case-folded-path.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * Package manager settings the deploy run's `npm ci` reads from the service folder (npm Docs,
 * "npmrc": the per-project config file), and yarn's and pnpm's counterparts for a person who
 * builds with them (Yarn Docs, "Settings (.yarnrc.yml)"; pnpm Docs, ".pnpmfile.cjs" and "Settings
 * (pnpm-workspace.yaml)": pnpm 10 reads its settings there, `onlyBuiltDependencies` and
 * `dangerouslyAllowAllBuilds` among them). Matched on `caseFoldedPath`: a case-insensitive disk opens
 * `.NPMRC` as `.npmrc`.
 */
const CONFIG_FILE = /(^|\/)(\.npmrc|\.yarnrc|\.yarnrc\.yml|\.pnpmfile\.cjs|pnpm-workspace\.yaml)$/;

/**
 * Settings called out by name, each with why: where packages come from, and whether install
 * scripts run (npm Docs, "config": `registry`, `@scope:registry`, `ignore-scripts`, `script-shell`,
 * `node-options`; Yarn Docs: `npmRegistryServer`, `yarnPath`, `plugins`, `enableScripts`).
 */
const NAMED_SETTINGS: readonly { readonly pattern: RegExp; readonly why: string }[] = [
  { pattern: /^\s*(@[\w.-]+:)?registry\s*=/m, why: 'changes the registry packages are fetched from' },
  { pattern: /^\s*ignore-scripts\s*=\s*false\b/m, why: 'turns install scripts on explicitly' },
  { pattern: /^\s*(script-shell|node-options|onload-script|git)\s*=/m, why: 'changes what npm runs' },
  { pattern: /npmRegistryServer\s*:/, why: 'changes the registry packages are fetched from' },
  { pattern: /^\s*(yarnPath|plugins)\s*:/m, why: 'runs JavaScript of its own as the package manager' },
  { pattern: /^\s*enableScripts\s*:\s*true\b/m, why: 'turns install scripts on explicitly' },
  {
    pattern: /^\s*(onlyBuiltDependencies|dangerouslyAllowAllBuilds|neverBuiltDependencies)\s*:/m,
    why: "decides which packages' install scripts run",
  },
];

/**
 * `unseen-effect` for a package manager configuration in the bundle (`CONFIG_FILE`): every such
 * file changes how the deploy run installs the service, with its AWS credentials, so none is low;
 * the reason names what it does when a `NAMED_SETTINGS` entry matches (a registry, install scripts
 * turned on, a shell or plugins), else says it is a configuration nobody reviewed. `where` is the
 * file. Undefined for any other path. Pure.
 */
export function packageManagerConfigRisks(params: {
  path: string;
  content: string;
}): RiskReason[] | undefined {
  const folded = caseFoldedPath(params.path);
  if (!CONFIG_FILE.test(folded)) return undefined;
  if (folded.endsWith('.pnpmfile.cjs'))
    return [
      {
        code: 'unseen-effect',
        where: params.path,
        message:
          'Writes a .pnpmfile.cjs: code pnpm runs on every install, with the credentials of whoever installs.',
      },
    ];
  const named = NAMED_SETTINGS.filter(({ pattern }) => pattern.test(params.content)).map(({ why }) => why);
  const what = named.length > 0 ? ` that ${[...new Set(named)].join('; ')}` : ' (registry, scripts, shell…)';
  return [
    {
      code: 'unseen-effect',
      where: params.path,
      message: `Writes a package manager configuration${what}; the deploy run uses it when it installs and builds the service, with its AWS credentials.`,
    },
  ];
}
