import type { GeneratedFile } from '../bundle/artifact-bundle.js';
import { isCodeOwnersPath } from '../gates/github-path-problem.js';
import { parseTemplate } from '../cfn/parse-template.js';
import { repositoryPath } from '../cfn/repository-path.js';
import { buildExecutedFileRisks } from './build-executed-file-risks.js';
import { baseStackResources } from './base-stack-resources.js';
import { changeSetRisks } from './change-set-risks.js';
import { dataExpiryRisks } from './data-expiry-risks.js';
import { npmLockfileRisks } from './npm-lockfile-risks.js';
import {
  isLockfilePath,
  isNpmLockfilePath,
  isPackageManifestPath,
  isYarnLockfilePath,
  type ReviewedBaseFile,
} from './reviewed-base-file.js';
import { packageManagerConfigRisks } from './package-manager-config-risks.js';
import { compilerConfigRisks } from './compiler-config-risks.js';
import { packageManifestRisks } from './package-manifest-risks.js';
import { patchedDependencyFileRisks } from './patched-dependency-file-risks.js';
import { unlistedBaseRisks } from './unlisted-base-risks.js';
import { manifestReviewOf } from './unpinned-dependency-risks.js';
import { pnpmLockfileRisks } from './pnpm-lockfile-risks.js';
import { ingressBreadthRisks } from './ingress-breadth-risks.js';
import { nestedParameterBindings } from './nested-parameter-bindings.js';
import { baseNestedParents } from './base-nested-parents.js';
import { MAX_NESTED_DEPTH, nestedStacks } from './nested-stack-risks.js';
import type { ChangeSetResourceChange, RiskAssessment, RiskReason } from './risk-assessment.js';
import { templateRisks } from './template-risks.js';
import { templateTextRisks } from './template-text-risks.js';
import { yarnLockfileRisks } from './yarn-lockfile-risks.js';

/**
 * The risk classifier of DESIGN §4 (hybrid mode, and automated mode's fallback): `high` with every
 * reason when the change touches IAM or resource policies, allows `*` actions, resources or
 * principals, opens a security group to the internet, keeps data under a Delete policy, destroys
 * data a resource of the base branch holds by a setting (`dataExpiryRisks`: an expiration, a
 * shorter retention, a key disabled; unknown base: any such setting), deletes or replaces
 * resources (when a change set is known), writes under `.github/`, or targets production;
 * else `low` with no reasons. Templates are the files with role `template`, `templatePath`, and any
 * YAML or JSON file holding CloudFormation resources; a declared template that does not parse is
 * itself a reason. A nested stack (`AWS::CloudFormation::Stack`, `AWS::Serverless::Application`)
 * whose template is a file of the bundle is judged by judging that file as a template (its reasons
 * name the nested file), with the parameters its parents pass in place of their `Default`s
 * (`nestedParameterBindings`); one whose template is elsewhere stays high (`nestedStacks`). A
 * changed template that is not the deployed one and that nothing in the change nests is judged
 * with what its parent on the base passes, or with unknown parameters when none is found
 * (`baseNestedParents`). A `package.json`, lockfile (npm, yarn, pnpm) or package manager configuration of
 * the bundle is judged for what an install would fetch and run (`packageManifestRisks`,
 * `npmLockfileRisks`, `yarnLockfileRisks`, `pnpmLockfileRisks`, `packageManagerConfigRisks`), and a
 * file the install or build executes by its path alone (a `binding.gyp`, anything under
 * `node_modules/`, a patch: `buildExecutedFileRisks`, `patchedDependencyFileRisks`) is high whatever it holds; a TypeScript
 * configuration (by name, or named to tsc or esbuild by a `package.json` script of the change or
 * the base: `compilerConfigRisks`) is judged for where the build writes and reads; these files are known by
 * their names in any case (`caseFoldedPath`), as a case-insensitive disk opens them. Values only
 * known at deploy time (parameters, `Fn::ImportValue`...) count as broad and say so. Paths are
 * compared in one spelling (`repositoryPath`), and configured `stackParameters` that reach no
 * template of the bundle are themselves a reason (`unmatchedParameterRisks`). Pure; never
 * throws on malformed templates.
 */
export function classifyRisk(params: {
  files: readonly GeneratedFile[];
  templatePath?: string;
  targetEnvironment: string;
  /** The target is production: its name, or its config asking for approval (`isProductionEnvironment`). */
  production: boolean;
  /** DescribeChangeSet's resource changes, once a change set exists. */
  changeSet?: readonly ChangeSetResourceChange[];
  /**
   * Files as they are on the branch the change merges into (reviewed): a lockfile's install
   * scripts already there are not new (`npmLockfileRisks`, `yarnLockfileRisks`, `pnpmLockfileRisks`),
   * nor a `package.json`'s dependencies (`unpinnedDependencyRisks`). Absent, or a file there unreadable:
   * every one counts, and an unreadable one's reasons say why. The deployed template and its
   * local nested templates there are the stack's existing resources (`baseStackResources`): the
   * deployed template absent from a given `base` means a new stack (`readReviewedBase` reads it
   * whenever the change has a template).
   */
  base?: readonly ReviewedBaseFile[];
  /**
   * The parameter values the deploy run passes the template at `templatePath` (the target
   * environment's configured `parameters`): each replaces its parameter's `Default` when rules read
   * it (`nestedParameterBindings`). Absent: the Defaults hold.
   */
  stackParameters?: Readonly<Record<string, string>>;
}): RiskAssessment {
  // Paths compared in one spelling: `./infra/template.json` is the bundle's `infra/template.json`.
  const spelled = <T extends { path: string }>(file: T): T => ({
    ...file,
    path: repositoryPath(file.path) ?? file.path,
  });
  const files = params.files.map(spelled);
  const reviewedBase = params.base?.map(spelled);
  // A path leaving the repository names no template of it: configured parameters then fail closed.
  const templatePath = params.templatePath === undefined ? undefined : repositoryPath(params.templatePath);
  const reasons: RiskReason[] = [];
  const templates: { path: string; template: unknown }[] = [];
  const pending: { at: number; path: string; template: unknown }[] = [];
  if (params.production)
    reasons.push({
      code: 'production-target',
      where: 'execution_request.target_environment',
      message: `Targets the production environment "${params.targetEnvironment}".`,
    });
  for (const file of files) {
    if (/^\.github\//i.test(file.path))
      reasons.push({
        code: 'github-path',
        where: file.path,
        message: 'Writes under .github/, where workflows and repository settings live.',
      });
    else if (isCodeOwnersPath(file.path))
      reasons.push({
        code: 'github-path',
        where: file.path,
        message: 'Writes a CODEOWNERS file, which decides who must review.',
      });
    const executed = buildExecutedFileRisks(file.path);
    if (executed !== undefined) {
      reasons.push(...executed);
      continue;
    }
    if (isPackageManifestPath(file.path)) {
      const review = manifestReviewOf({ path: file.path, files, base: reviewedBase });
      reasons.push(...packageManifestRisks({ path: file.path, content: file.content, ...review }));
      continue;
    }
    if (isLockfilePath(file.path)) {
      const base = reviewedBase?.find((reviewed) => reviewed.path === file.path);
      const lockfile = {
        path: file.path,
        content: file.content,
        ...(base === undefined
          ? {}
          : 'content' in base
            ? { base: base.content }
            : { baseUnreadable: base.unreadable }),
      };
      reasons.push(
        ...(isNpmLockfilePath(file.path)
          ? npmLockfileRisks(lockfile)
          : isYarnLockfilePath(file.path)
            ? yarnLockfileRisks(lockfile)
            : pnpmLockfileRisks(lockfile)),
      );
      continue;
    }
    const config = packageManagerConfigRisks(file);
    if (config !== undefined) {
      reasons.push(...config);
      continue;
    }
    const declared = file.role === 'template' || file.path === templatePath;
    if (!declared && !/\.(ya?ml|json|template)$/i.test(file.path)) continue;
    const parsed = parseTemplate(file.content);
    // A file not declared a template is judged as one when it reads as one (a nested stack, say),
    // or when it does not parse but names resources (another reader may take it: a key named twice).
    if (!declared && !(parsed.ok ? looksLikeTemplate(parsed.template) : namesResources(file.content)))
      continue;
    if (parsed.ok) {
      templates.push({ path: file.path, template: parsed.template });
      reasons.push(...templateTextRisks({ path: file.path, content: file.content }));
      // Judged once every nested stack is known: what parents pass replaces its parameters' Defaults.
      pending.push({ at: reasons.length, path: file.path, template: parsed.template });
    } else
      reasons.push({
        code: 'template-unreadable',
        where: file.path,
        message: `The template does not parse (${parsed.message}); treated as high risk.`,
      });
  }
  const deployed =
    params.stackParameters === undefined || templatePath === undefined
      ? undefined
      : { path: templatePath, parameters: params.stackParameters };
  // The deployed template is judged as the run deploys it: with its configured parameters.
  const standalone = new Set(
    templates.map((judged) => judged.path).filter((path) => path !== deployed?.path),
  );
  // Nested stacks: a template in the bundle is judged as one (once), whatever its name; a nested
  // template that nests more is followed, round by round, up to the depth `nestedStacks` bounds.
  const contents = new Map(files.map((file) => [file.path, file.content]));
  const attempted = new Set(templates.map((judged) => judged.path));
  let nested = nestedStacks({ templates, files: contents });
  for (let round = 0; round <= MAX_NESTED_DEPTH; round++) {
    const fresh = [...nested.nestedPaths].filter((path) => !attempted.has(path));
    if (fresh.length === 0) break;
    for (const path of fresh) {
      attempted.add(path);
      const content = contents.get(path) ?? '';
      const parsed = parseTemplate(content);
      if (parsed.ok) {
        templates.push({ path, template: parsed.template });
        reasons.push(...templateTextRisks({ path, content }));
        pending.push({ at: reasons.length, path, template: parsed.template });
      } else
        reasons.push({
          code: 'template-unreadable',
          where: path,
          message: `The nested stack template does not parse (${parsed.message}); treated as high risk.`,
        });
    }
    nested = nestedStacks({ templates, files: contents });
  }
  // A changed nested template whose parent the change leaves as it is: that parent, read at the base.
  const parents = baseNestedParents({
    templates,
    edges: nested.edges,
    deployedPath: templatePath,
    changed: new Set(files.map((file) => file.path)),
    base: reviewedBase,
  });
  // Each template is judged once, in the order found, with what every nested stack reaching it passes.
  const bindings = new Map([
    ...nestedParameterBindings({
      templates: [...templates, ...parents.templates],
      standalone: new Set([
        ...standalone,
        // A base template another base template nests is deployed only that way.
        ...parents.templates
          .map((judged) => judged.path)
          .filter((path) => path !== deployed?.path && !parents.edges.some((edge) => edge.target === path)),
      ]),
      edges: [...nested.edges, ...parents.edges],
      deployed,
    }),
    ...parents.unknown,
  ]);
  for (const { at, path, template } of pending.reverse())
    reasons.splice(at, 0, ...templateRisks({ path, template, bindings: bindings.get(path) }));
  // Data an existing resource holds, destroyed by a setting the change writes (the resource kept).
  const existing = baseStackResources({ base: reviewedBase, templatePath });
  for (const { path, template } of templates)
    reasons.push(...dataExpiryRisks({ path, template, base: existing }));
  reasons.push(
    ...nested.reasons,
    ...unmatchedParameterRisks({ templates, templatePath, stackParameters: params.stackParameters }),
  );
  // What tsc or esbuild (the build) writes or reads by the TypeScript configurations of the change.
  // Configurations by name, by what a package.json script passes tsc or esbuild, or reached from those.
  const templatePaths = new Set(templates.map((judged) => judged.path));
  reasons.push(
    ...compilerConfigRisks({
      files,
      ...(reviewedBase === undefined ? {} : { base: reviewedBase }),
      templatePaths,
    }),
  );
  // A patch pnpm applies to a dependency, wherever a manifest's patchedDependencies puts it.
  reasons.push(
    ...patchedDependencyFileRisks({ files, ...(reviewedBase === undefined ? {} : { base: reviewedBase }) }),
  );
  // Settings in another folder that may name a patch or configuration of the change, not all read.
  reasons.push(
    ...unlistedBaseRisks({
      files,
      ...(reviewedBase === undefined ? {} : { base: reviewedBase }),
      templatePaths,
    }),
  );
  // Ingress open only in sum, over every template of the bundle together.
  reasons.push(...ingressBreadthRisks({ templates }));
  reasons.push(...changeSetRisks(params.changeSet ?? []));
  const unique = [...new Map(reasons.map((reason) => [`${reason.code} ${reason.where}`, reason])).values()];
  return { level: unique.length > 0 ? 'high' : 'low', reasons: unique };
}

/**
 * Text that names `Resources` and a CloudFormation resource type (`AWS::…::…`, `Org::Service::…`):
 * what an unparsable file must hold to be judged as a template that does not parse. CloudFormation's
 * reader may still take what the project's refuses (a JSON key named twice, RFC 8259 §4).
 */
function namesResources(text: string): boolean {
  return /Resources/.test(text) && /[A-Za-z0-9]+::[A-Za-z0-9]+::/.test(text);
}

/**
 * A mapping with `Resources` whose entries have CloudFormation resource types (`AWS::`, `Custom::`,
 * or a registry extension's `Org::Service::Resource`), or that makes resources by `Fn::ForEach` or
 * `Fn::Transform`.
 */
function looksLikeTemplate(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('Resources' in value)) return false;
  const resources = (value as { Resources: unknown }).Resources;
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) return false;
  return Object.entries(resources).some(
    ([key, resource]: [string, unknown]) =>
      key === 'Fn::Transform' ||
      key.startsWith('Fn::ForEach::') ||
      (typeof resource === 'object' &&
        resource !== null &&
        'Type' in resource &&
        typeof resource.Type === 'string' &&
        /^[A-Za-z0-9]+::[A-Za-z0-9]+::/.test(resource.Type)),
  );
}

/**
 * Configured stack parameters that reach no template: the bundle has templates, but none at the
 * deployed template's path (or that path is missing or leaves the repository), so every template
 * was judged with its `Default`s where the deploy passes other values. Unknown counts as high.
 */
function unmatchedParameterRisks(params: {
  templates: readonly { readonly path: string }[];
  templatePath: string | undefined;
  stackParameters: Readonly<Record<string, string>> | undefined;
}): RiskReason[] {
  const { templates, templatePath, stackParameters } = params;
  if (stackParameters === undefined || Object.keys(stackParameters).length === 0) return [];
  if (templates.length === 0 || templates.some((judged) => judged.path === templatePath)) return [];
  return [
    {
      code: 'unresolved-value',
      where: templatePath ?? 'template_path',
      message: `The target environment configures stack parameters (${Object.keys(stackParameters).join(', ')}), but no template of the change is at the deployed template's path, so the values the deploy passes were not judged.`,
    },
  ];
}
