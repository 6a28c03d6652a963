/**
 * Deploy state, kept per environment beside the task state (DESIGN §3): a failed staging deploy
 * fails neither the task nor a later deploy.
 */
export const DEPLOY_STATES = ['deploying', 'deployed', 'deploy_failed', 'rolled_back'] as const;

export type DeployState = (typeof DEPLOY_STATES)[number];

/**
 * The one table of legal moves of an environment's deploy state; `none` is an environment this
 * task never deployed to. Every state may deploy again (a new deployment supersedes one whose end
 * was never recorded, so a run that died blocks nothing); a rollback may replace what is running,
 * what is still being deployed (an alarm while baking) or what failed (redeploying the last good).
 */
const DEPLOY_TRANSITIONS: Readonly<Record<DeployState | 'none', readonly DeployState[]>> = {
  none: ['deploying'],
  deploying: ['deploying', 'deployed', 'deploy_failed', 'rolled_back'],
  deployed: ['deploying', 'rolled_back'],
  deploy_failed: ['deploying', 'rolled_back'],
  rolled_back: ['deploying'],
};

export function canDeployTransition(from: DeployState | undefined, to: DeployState): boolean {
  return DEPLOY_TRANSITIONS[from ?? 'none'].includes(to);
}

export class IllegalDeployTransitionError extends Error {
  constructor(
    readonly environment: string,
    readonly from: DeployState | undefined,
    readonly to: DeployState,
  ) {
    const was = from === undefined ? 'never deployed' : `"${from}"`;
    super(
      `The deploy state of ${environment} cannot move from ${was} to "${to}"; allowed: ${DEPLOY_TRANSITIONS[from ?? 'none'].join(', ')}`,
    );
    this.name = 'IllegalDeployTransitionError';
  }
}

export function assertDeployTransition(params: {
  environment: string;
  from: DeployState | undefined;
  to: DeployState;
}): void {
  const { environment, from, to } = params;
  if (!canDeployTransition(from, to)) throw new IllegalDeployTransitionError(environment, from, to);
}
