import { VALIDATION_CHECK_NAME } from '../checks/agent-checks.js';
import type { ChecksState, ChecksVerdict } from '../checks/combine-checks.js';
import type { EnvironmentConfig } from '../config/agent-config.js';
import type { ApprovalDecision } from '../review/decide-approval.js';
import { standingChangesRequest } from '../review/standing-changes-request.js';
import { codeSpan } from '../markdown/code-span.js';
import type { HeadAtRequest } from './head-at-request.js';
import { canChange, type RepositoryPermission } from './repository-permission.js';

export type { ChecksState } from '../checks/combine-checks.js';

/**
 * Every rule a deploy must pass, in the order they are checked: who asks, then what is deployed,
 * then the state of that code. The first failure is the one reported, so a reader without write
 * access learns nothing about the environment's other rules.
 */
export const DEPLOY_RULES = [
  'permission',
  'deployers',
  'fork',
  'allowed-refs',
  'sha-moved',
  'quarantined',
  'approval',
  'green-checks',
  'validation',
  'order',
] as const;

export type DeployRule = (typeof DEPLOY_RULES)[number];

export interface AuthorizeDeployParams {
  environment: string;
  config: Pick<
    EnvironmentConfig,
    'requires_approval' | 'requires_green_checks' | 'allowed_refs' | 'deployers'
  >;
  /** `teams` are `org/team` slugs the actor belongs to. */
  actor: { login: string; permission: RepositoryPermission; teams: readonly string[] };
  ref: {
    /**
     * The branch the sha is on, which `allowed_refs` is matched against: the pull request's head
     * branch while it is open, its base branch once merged (recorded in the deployment payload).
     */
    name: string;
    /** What was there when `/deploy` (or the automated trigger) was given, from server-side facts. */
    atRequest: HeadAtRequest;
    /** The sha that would be deployed now. */
    currentSha: string;
  };
  /** Set when the change comes from a pull request: whether its head lives in another repository. */
  pullRequest?: { fromFork: boolean };
  /** `deploy.allow_fork_pull_requests`: forks are refused unless the config says otherwise. */
  allowForkPullRequests?: boolean;
  /** The approval rule's answer for the pull request; absent means no approval. */
  approval?: ApprovalDecision;
  /** The green-checks rule's answer for the sha; absent means nothing reported. */
  checks?: ChecksVerdict;
  /** Enforced order of environments, e.g. development → staging → production; absent means none. */
  order?: readonly string[];
  /** Environments where `ref.currentSha` already ran successfully (dry runs never count). */
  deployedEnvironments?: ReadonlySet<string>;
  /** Deploys nobody asked for by name (on merge, on schedule): only these skip quarantined shas and stop at a standing request for changes. */
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

  fork: ({ environment, pullRequest, allowForkPullRequests }) =>
    pullRequest?.fromFork !== true || allowForkPullRequests === true
      ? undefined
      : `This pull request comes from a fork, and implementation-agent deploys only branches of this ` +
        `repository (rule \`fork\`), so nothing was deployed to ${codeSpan(environment)}. To deploy the change, ` +
        `push it to a branch here and open a pull request from that branch, or set ` +
        `\`deploy.allow_fork_pull_requests: true\` in the configuration.`,

  'allowed-refs': ({ environment, config, ref }) => {
    if (config.allowed_refs.length === 0) return undefined;
    if (config.allowed_refs.some((pattern) => refMatches(pattern, ref.name))) return undefined;
    const allowed = config.allowed_refs.map((name) => codeSpan(name)).join(', ');
    return (
      `${codeSpan(environment)} only accepts deploys from ${allowed} (rule \`allowed-refs\`), and ` +
      `${codeSpan(ref.name)} is not one of them. Please merge the change into an allowed branch and deploy from there.`
    );
  },

  'sha-moved': ({ environment, ref }) => {
    const { atRequest } = ref;
    const again = `To deploy what is there now, comment ${codeSpan(`/deploy ${environment}`)} again.`;
    if (atRequest.kind === 'unproven') {
      return (
        `GitHub holds no record of when ${codeSpan(shortSha(ref.currentSha))} reached ${codeSpan(ref.name)} (no push ` +
        `activity, no check suite), so it cannot be shown to have existed when the deploy was requested ` +
        `(rule \`sha-moved\`; commit dates are written by whoever pushes and prove nothing). Nothing was deployed.`
      );
    }
    if (atRequest.kind === 'proven') {
      if (sameSha(atRequest.sha, ref.currentSha)) return undefined;
      return (
        `${codeSpan(ref.name)} moved after the deploy was requested (rule \`sha-moved\`): it was ` +
        `${codeSpan(shortSha(atRequest.sha))} and now points to ${codeSpan(shortSha(ref.currentSha))}, so nothing was deployed. ${again}`
      );
    }
    if (atRequest.reason === 'merged') {
      return (
        `The pull request was merged at ${atRequest.movedAt}, after the deploy was requested (rule \`sha-moved\`), ` +
        `so its merge commit ${codeSpan(shortSha(ref.currentSha))} was not what you asked for; nothing was deployed. ${again}`
      );
    }
    const was = atRequest.shaAtRequest ? ` from ${codeSpan(shortSha(atRequest.shaAtRequest))}` : '';
    return (
      `New commits reached ${codeSpan(ref.name)} at ${atRequest.movedAt}, after the deploy was requested ` +
      `(rule \`sha-moved\`): it moved${was} to ${codeSpan(shortSha(ref.currentSha))}, so nothing was deployed. ${again}`
    );
  },

  quarantined: ({ environment, ref, automated, quarantinedShas }) => {
    if (!automated || !containsSha(quarantinedShas, ref.currentSha)) return undefined;
    return (
      `${codeSpan(shortSha(ref.currentSha))} was rolled back and is quarantined, so automated deploys to ` +
      `${codeSpan(environment)} skip it (rule \`quarantined\`). Someone with write access can deploy it explicitly ` +
      `with ${codeSpan(`/deploy ${environment}`)}, which releases it from quarantine.`
    );
  },

  approval: ({ environment, config, approval, automated }) => {
    // DESIGN §4: nobody asked for an automated deploy by name, so a standing request for changes
    // (`standingChangesRequest`, the rule every merge without a person checks; unknown — more
    // reviews than are read — stands too) stops it wherever approval is not required too. A person's
    // `/deploy` answers to the environment's configured rules (DESIGN §8): with `requires_approval`
    // a standing request refuses it below (not approved); without, that writer decides.
    const standing = approval === undefined ? undefined : standingChangesRequest(approval);
    if (automated && standing !== undefined) {
      return (
        `${capitalized(standing.reason)} (rule \`approval\`): a deploy nobody asked for by name does not ship past it. ` +
        `Once the changes are reviewed, someone with write access can deploy with ${codeSpan(`/deploy ${environment}`)}.`
      );
    }
    if (!config.requires_approval || approval?.approved === true) return undefined;
    return (
      `${codeSpan(environment)} requires an approving review of the current head from someone with write, ` +
      `maintain or admin permission (rule \`approval\`), and ${approvalShortfall(approval)}. ` +
      `Please ask such a reviewer to approve it, then comment ${codeSpan(`/deploy ${environment}`)} again.`
    );
  },

  'green-checks': ({ environment, config, checks, ref }) => {
    const state = checks?.state ?? 'none';
    if (!config.requires_green_checks || state === 'success') return undefined;
    const named = state === 'failure' ? checks?.failing : state === 'pending' ? checks?.pending : undefined;
    const which = named && named.length > 0 ? ` (${listNames(named)})` : '';
    return (
      `${codeSpan(environment)} requires every check and commit status to pass before deploying (rule \`green-checks\`), ` +
      `and ${CHECKS_SHORTFALL[state]}${which} on ${codeSpan(shortSha(ref.currentSha))}. ` +
      `${CHECKS_REMEDY[state]} then comment ${codeSpan(`/deploy ${environment}`)} again.`
    );
  },

  validation: ({ environment, config, checks, ref }) =>
    !config.requires_green_checks || checks?.validation !== 'failure'
      ? undefined
      : `implementation-agent's own validation failed on ${codeSpan(shortSha(ref.currentSha))} (rule \`validation\`), ` +
        `and ${codeSpan(environment)} requires passing checks. Please fix what the ${codeSpan(VALIDATION_CHECK_NAME)} check ` +
        `reports and push, then comment ${codeSpan(`/deploy ${environment}`)} again.`,

  order: ({ environment, order, deployedEnvironments, ref }) => {
    const position = order?.indexOf(environment) ?? -1;
    if (order === undefined || position <= 0) return undefined;
    const missing = order.slice(0, position).filter((earlier) => !deployedEnvironments?.has(earlier));
    const [first] = missing;
    if (first === undefined) return undefined;
    return (
      `Deploys follow the order ${order.map((name) => codeSpan(name)).join(' → ')} (rule \`order\`), and ` +
      `${codeSpan(shortSha(ref.currentSha))} has not been deployed successfully to ${missing.map((name) => codeSpan(name)).join(', ')} yet. ` +
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

function approvalShortfall(approval: ApprovalDecision | undefined): string {
  const standing = approval === undefined ? undefined : standingChangesRequest(approval);
  if (standing !== undefined) {
    return standing.by.length > 0 ? `${listLogins(standing.by)} asked for changes` : standing.reason;
  }
  const notes = [
    ...(approval?.withoutWriteAccess ?? []).map(
      ({ login, permission }) =>
        `@${withoutAt(login)}'s approval does not count (permission **${permission}**)`,
    ),
    ...(approval && approval.stale.length > 0
      ? [`${listLogins(approval.stale)} approved an earlier commit, not the current head`]
      : []),
  ];
  return notes.length > 0
    ? `this change has no such approval: ${notes.join('; ')}`
    : 'this change has none yet';
}

function capitalized(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function listLogins(logins: readonly string[]): string {
  return logins.map((login) => `@${withoutAt(login)}`).join(', ');
}

/** Check and status names are chosen by whoever reports them: shown as code, at most five. */
function listNames(names: readonly string[]): string {
  const shown = names
    .slice(0, 5)
    .map((name) => codeSpan(name))
    .join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

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

/** Ref names may hold backticks, which would end a code span early; those are shown escaped instead. */
