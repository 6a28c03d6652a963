import { codeSpan } from '../markdown/code-span.js';
import { untrustedInline } from '../markdown/untrusted-inline.js';
import type { DeploymentRecord } from './deployment-record.js';

/** `/rollback <env> to <sha|id>`: a commit sha prefix or a deployment id. */
export type RollbackTargetRequest = { kind: 'sha'; sha: string } | { kind: 'deployment'; id: number };

export type NoRollbackReason =
  | 'no-deployments'
  | 'no-successful'
  | 'no-previous'
  | 'invalid-sha'
  | 'ambiguous-sha'
  | 'not-found'
  | 'other-environment'
  | 'never-succeeded'
  | 'dry-run'
  | 'already-current';

export type RollbackSelection =
  | { kind: 'target'; deployment: DeploymentRecord; current?: DeploymentRecord }
  | { kind: 'nothing'; reason: NoRollbackReason; message: string };

const MIN_SHA_PREFIX = 7;

/**
 * Which deployment `/rollback` redeploys (DESIGN §7). `history` may hold every environment's
 * deployments: the others only serve to explain a target that belongs elsewhere.
 */
export function selectRollbackTarget(params: {
  environment: string;
  history: readonly DeploymentRecord[];
  target?: RollbackTargetRequest;
}): RollbackSelection {
  const ours = params.history.filter((record) => record.environment === params.environment).sort(newestFirst);
  const current = findCurrent(ours);
  const context = { environment: params.environment, history: params.history, ours, current };
  if (params.target?.kind === 'deployment') return selectById({ ...context, id: params.target.id });
  if (params.target?.kind === 'sha') return selectBySha({ ...context, prefix: params.target.sha });
  return selectPrevious(context);
}

interface SelectionContext {
  environment: string;
  history: readonly DeploymentRecord[];
  /** This environment's deployments, newest first. */
  ours: readonly DeploymentRecord[];
  current: DeploymentRecord | undefined;
}

/**
 * GitHub turns older deployments `inactive` when a newer one succeeds, so what runs is the newest one
 * still `success` (or being deployed). When none is, the last one that ever succeeded is what was left
 * running. A dry run deployed nothing, whatever its state says.
 */
function findCurrent(ours: readonly DeploymentRecord[]): DeploymentRecord | undefined {
  const real = ours.filter((record) => !record.dryRun);
  return (
    real.find((record) => record.latestState === 'success' || record.latestState === 'in_progress') ??
    real.find((record) => record.everSucceeded)
  );
}

function selectPrevious({ environment, ours, current }: SelectionContext): RollbackSelection {
  if (current === undefined) {
    return ours.length === 0
      ? nothing(
          'no-deployments',
          `${codeSpan(environment)} has no deployments yet, so there is nothing to roll back.`,
        )
      : nothing(
          'no-successful',
          `No deployment of ${codeSpan(environment)} has succeeded (${ours.length} tried), so there is no good ` +
            `deployment to roll back to.`,
        );
  }
  // Deployments that were themselves rolled back still count: they once ran successfully.
  const earlier = ours.slice(ours.indexOf(current) + 1);
  const deployment = earlier.find((record) => record.everSucceeded && !sameSha(record.sha, current.sha));
  if (deployment) return { kind: 'target', deployment, current };
  return nothing(
    'no-previous',
    `The current deployment of ${codeSpan(environment)} (${describe(current)}) has no earlier successful ` +
      `deployment of a different commit, so there is nothing to roll back to. ` +
      `To deploy another commit, use ${codeSpan(`/deploy ${environment}`)} from its branch.`,
  );
}

function selectById(context: SelectionContext & { id: number }): RollbackSelection {
  const { environment, id } = context;
  const found = context.history.find((record) => record.id === id);
  if (found === undefined) {
    return nothing(
      'not-found',
      `There is no deployment ${id} in the deployment history, so there is nothing to roll back to. ` +
        `Please check the id on the repository's Deployments page.`,
    );
  }
  if (found.environment !== environment) {
    return nothing(
      'other-environment',
      `Deployment ${id} belongs to ${codeSpan(found.environment)}, not ${codeSpan(environment)}, so it cannot be ` +
        `a rollback target here. Please pick a deployment of ${codeSpan(environment)}.`,
    );
  }
  return acceptExplicit(context, found);
}

function selectBySha(context: SelectionContext & { prefix: string }): RollbackSelection {
  const { environment, ours } = context;
  const prefix = context.prefix.toLowerCase();
  if (!new RegExp(`^[0-9a-f]{${MIN_SHA_PREFIX},40}$`).test(prefix)) {
    return nothing(
      'invalid-sha',
      `${untrustedInline(context.prefix) || 'An empty target'} is not a commit sha: please give at least ` +
        `${MIN_SHA_PREFIX} hexadecimal characters of one, or a deployment id.`,
    );
  }
  const startsWithPrefix = (record: DeploymentRecord) => record.sha.toLowerCase().startsWith(prefix);
  const succeeded = ours.filter((record) => record.everSucceeded && startsWithPrefix(record));
  const shas = distinct(succeeded.map((record) => record.sha.toLowerCase()));
  if (shas.length > 1) {
    return nothing(
      'ambiguous-sha',
      `${codeSpan(prefix)} matches ${shas.length} commits deployed to ${codeSpan(environment)}: ` +
        `${shas.map((sha) => codeSpan(sha.slice(0, 12))).join(', ')}. Please give more characters of the sha.`,
    );
  }
  const [newest] = succeeded;
  if (newest) return acceptExplicit(context, newest);

  const failed = ours.find(startsWithPrefix);
  if (failed) return neverSucceeded(failed);
  const elsewhere = distinct(context.history.filter(startsWithPrefix).map((record) => record.environment));
  if (elsewhere.length > 0) {
    return nothing(
      'other-environment',
      `${codeSpan(prefix)} was deployed to ${elsewhere.map((name) => codeSpan(name)).join(', ')} but never to ${codeSpan(environment)}, ` +
        `so it cannot be a rollback target here. To deploy it, use ${codeSpan(`/deploy ${environment}`)}.`,
    );
  }
  return nothing(
    'not-found',
    `No deployment of ${codeSpan(environment)} deployed a commit starting with ${codeSpan(prefix)}, so there is ` +
      `nothing to roll back to. Please check the sha.`,
  );
}

function acceptExplicit(
  { environment, current }: SelectionContext,
  chosen: DeploymentRecord,
): RollbackSelection {
  if (!chosen.everSucceeded) return neverSucceeded(chosen);
  if (current && sameSha(chosen.sha, current.sha)) {
    return nothing(
      'already-current',
      `${codeSpan(shortSha(chosen.sha))} is what ${codeSpan(environment)} runs now (${describe(current)}), ` +
        `so rolling back to it would change nothing.`,
    );
  }
  return { kind: 'target', deployment: chosen, ...(current ? { current } : {}) };
}

function neverSucceeded(record: DeploymentRecord): RollbackSelection {
  if (record.dryRun) {
    return nothing(
      'dry-run',
      `Deployment ${record.id} (${codeSpan(shortSha(record.sha))}) was a dry run: it only planned a change set, ` +
        `so nothing it planned ever ran and it is not a rollback target. Please pick a deployment that succeeded.`,
    );
  }
  return nothing(
    'never-succeeded',
    `Deployment ${record.id} (${codeSpan(shortSha(record.sha))}) never succeeded` +
      `${record.latestState ? ` (its last status is \`${record.latestState}\`)` : ''}, so it is not a safe ` +
      `rollback target. Please pick a deployment that succeeded.`,
  );
}

function nothing(reason: NoRollbackReason, message: string): RollbackSelection {
  return { kind: 'nothing', reason, message };
}

function newestFirst(left: DeploymentRecord, right: DeploymentRecord): number {
  return Date.parse(right.createdAt) - Date.parse(left.createdAt) || right.id - left.id;
}

function describe(record: DeploymentRecord): string {
  return `deployment ${record.id} of ${codeSpan(shortSha(record.sha))}`;
}

function sameSha(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
