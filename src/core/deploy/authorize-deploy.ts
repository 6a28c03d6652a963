import type { EnvironmentConfig } from '../config/agent-config.js';
import { codeSpan } from '../markdown/code-span.js';
import { canChange, type RepositoryPermission } from './repository-permission.js';

/**
 * Every rule a deploy must pass, in the order they are checked: who asks, then what is deployed,
 * then the state of that code. The first failure is the one reported, so a reader without write
 * access learns nothing about the environment's other rules.
 */
export const DEPLOY_RULES = [
  'permission',
  'deployers',
  'allowed-refs',
  'sha-moved',
  'quarantined',
  'approval',
  'green-checks',
  'order',
] as const;

export type DeployRule = (typeof DEPLOY_RULES)[number];

export type ChecksState = 'success' | 'pending' | 'failure' | 'none';

export interface AuthorizeDeployParams {
  environment: string;
  config: Pick<
    EnvironmentConfig,
    'requires_approval' | 'requires_green_checks' | 'allowed_refs' | 'deployers'
  >;
  /** `teams` are `org/team` slugs the actor belongs to. */
  actor: { login: string; permission: RepositoryPermission; teams: readonly string[] };
  /** `shaAtRequest` is the head when `/deploy` (or the automated trigger) arrived: the sha that was checked. */
  ref: { name: string; shaAtRequest: string; currentSha: string };
  /** Approved by a reviewer with write access; the caller decides what counts for a ref without a PR. */
  approved: boolean;
  checks: ChecksState;
  /** Enforced order of environments, e.g. development → staging → production; absent means none. */
  order?: readonly string[];
  /** Environments where `ref.shaAtRequest` is already deployed successfully. */
  deployedEnvironments?: ReadonlySet<string>;
  /** Deploys nobody asked for by name (on merge, on schedule); only these skip quarantined shas. */
  automated: boolean;
  quarantinedShas?: ReadonlySet<string>;
}

export interface DeployRefusal {
  allowed: false;
  rule: DeployRule;
  /** One polite markdown paragraph: the rule, what is missing, how to satisfy it. */
  message: string;
}

export type DeployDecision = { allowed: true } | DeployRefusal;

type RuleCheck = (params: AuthorizeDeployParams) => string | undefined;

/** The first failing rule in `DEPLOY_RULES` order, or `allowed`. */
export function authorizeDeploy(params: AuthorizeDeployParams): DeployDecision {
  for (const rule of DEPLOY_RULES) {
    const message = RULE_CHECKS[rule](params);
    if (message !== undefined) return { allowed: false, rule, message };
  }
  return { allowed: true };
}

/** Every failing rule, in `DEPLOY_RULES` order: what a dry run shows so all can be fixed at once. */
export function listDeployRefusals(params: AuthorizeDeployParams): DeployRefusal[] {
  return DEPLOY_RULES.flatMap((rule) => {
    const message = RULE_CHECKS[rule](params);
    return message === undefined ? [] : [{ allowed: false as const, rule, message }];
  });
}

const RULE_CHECKS: Readonly<Record<DeployRule, RuleCheck>> = {
  permission: ({ environment, actor }) =>
    canChange(actor.permission)
      ? undefined
      : `Deploying to ${codeSpan(environment)} needs **write**, **maintain** or **admin** permission on this ` +
        `repository (rule \`permission\`), and your permission is **${actor.permission}**. ` +
        `A maintainer can deploy for you or grant you write access.`,

  deployers: ({ environment, config, actor }) => {
    if (config.deployers.length === 0 || isListedDeployer(config.deployers, actor)) return undefined;
    const listed = config.deployers.map((entry) => codeSpan(withoutAt(entry))).join(', ');
    return (
      `Only the deployers listed for ${codeSpan(environment)} may deploy there (rule \`deployers\`): ${listed}. ` +
      `You are not one of them and not in any of those teams; please ask one of them to deploy, ` +
      `or add yourself to \`deployers\` in the configuration.`
    );
  },

  'allowed-refs': ({ environment, config, ref }) => {
    if (config.allowed_refs.length === 0) return undefined;
    if (config.allowed_refs.some((pattern) => refMatches(pattern, ref.name))) return undefined;
    const allowed = config.allowed_refs.map((name) => codeSpan(name)).join(', ');
    return (
      `${codeSpan(environment)} only accepts deploys from ${allowed} (rule \`allowed-refs\`), and ` +
      `${codeSpan(ref.name)} is not one of them. Please merge the change into an allowed branch and deploy from there.`
    );
  },

  'sha-moved': ({ environment, ref }) =>
    sameSha(ref.shaAtRequest, ref.currentSha)
      ? undefined
      : `New commits reached ${codeSpan(ref.name)} after the deploy was requested (rule \`sha-moved\`): ` +
        `it was checked at ${codeSpan(shortSha(ref.shaAtRequest))} and now points to ${codeSpan(shortSha(ref.currentSha))}, ` +
        `so nothing was deployed. To deploy the new commits, comment ${codeSpan(`/deploy ${environment}`)} again.`,

  quarantined: ({ environment, ref, automated, quarantinedShas }) => {
    if (!automated || !containsSha(quarantinedShas, ref.shaAtRequest)) return undefined;
    return (
      `${codeSpan(shortSha(ref.shaAtRequest))} was rolled back and is quarantined, so automated deploys to ` +
      `${codeSpan(environment)} skip it (rule \`quarantined\`). Someone with write access can deploy it explicitly ` +
      `with ${codeSpan(`/deploy ${environment}`)}, which releases it from quarantine.`
    );
  },

  approval: ({ environment, config, approved }) =>
    !config.requires_approval || approved
      ? undefined
      : `${codeSpan(environment)} requires an approving review from someone with write access (rule \`approval\`), ` +
        `and this change has none yet. Please ask a reviewer to approve it, then comment ${codeSpan(`/deploy ${environment}`)} again.`,

  'green-checks': ({ environment, config, checks, ref }) => {
    if (!config.requires_green_checks || checks === 'success') return undefined;
    return (
      `${codeSpan(environment)} requires every check to pass before deploying (rule \`green-checks\`), ` +
      `and ${CHECKS_SHORTFALL[checks]} on ${codeSpan(shortSha(ref.shaAtRequest))}. ` +
      `${CHECKS_REMEDY[checks]} then comment ${codeSpan(`/deploy ${environment}`)} again.`
    );
  },

  order: ({ environment, order, deployedEnvironments, ref }) => {
    const position = order?.indexOf(environment) ?? -1;
    if (order === undefined || position <= 0) return undefined;
    const missing = order.slice(0, position).filter((earlier) => !deployedEnvironments?.has(earlier));
    const [first] = missing;
    if (first === undefined) return undefined;
    return (
      `Deploys follow the order ${order.map((name) => codeSpan(name)).join(' → ')} (rule \`order\`), and ` +
      `${codeSpan(shortSha(ref.shaAtRequest))} has not been deployed successfully to ${missing.map((name) => codeSpan(name)).join(', ')} yet. ` +
      `Please deploy it there first, starting with ${codeSpan(`/deploy ${first}`)}.`
    );
  },
};

const CHECKS_SHORTFALL: Readonly<Record<Exclude<ChecksState, 'success'>, string>> = {
  pending: 'some checks are still running',
  failure: 'at least one check failed',
  none: 'no checks have reported yet',
};

const CHECKS_REMEDY: Readonly<Record<Exclude<ChecksState, 'success'>, string>> = {
  pending: 'Please wait for them to finish,',
  failure: 'Please fix what failed and push,',
  none: 'Please make sure the checks run on this commit,',
};

function isListedDeployer(deployers: readonly string[], actor: AuthorizeDeployParams['actor']): boolean {
  // GitHub logins and team slugs are case-insensitive.
  const identities = new Set([actor.login, ...actor.teams].map((name) => name.toLowerCase()));
  return deployers.some((entry) => identities.has(withoutAt(entry).toLowerCase()));
}

function withoutAt(entry: string): string {
  return entry.replace(/^@/, '');
}

/**
 * Exact names or globs with GitHub's branch-policy meaning: `*` stays within one path segment
 * (`release/*` matches `release/1.2` but not `release/1.2/hotfix`), `**` crosses segments.
 */
function refMatches(pattern: string, refName: string): boolean {
  const source = withoutHeads(pattern)
    .split('**')
    .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`).test(withoutHeads(refName));
}

function withoutHeads(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sameSha(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

function containsSha(shas: ReadonlySet<string> | undefined, sha: string): boolean {
  return [...(shas ?? [])].some((quarantined) => sameSha(quarantined, sha));
}

function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
