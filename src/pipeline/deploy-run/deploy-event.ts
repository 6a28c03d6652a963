import { z } from 'zod';
import type { RepositoryRef } from '../events/task-event.js';

const deploymentEventSchema = z.object({
  deployment: z.object({
    id: z.number().int().positive(),
    sha: z.string(),
    environment: z.string(),
    payload: z.unknown(),
    creator: z.object({ login: z.string() }).nullish(),
  }),
  repository: z.object({
    id: z.number().int().positive(),
    name: z.string(),
    owner: z.object({ login: z.string() }),
    default_branch: z.string().default('main'),
  }),
});

export interface DeployEvent {
  readonly repository: RepositoryRef;
  /**
   * GitHub's id of the repository (`repository.id`, the same as `GITHUB_REPOSITORY_ID`): kept
   * through a rename or a transfer, new for a repository deleted and created again under the name.
   */
  readonly repositoryId: number;
  readonly deploymentId: number;
  readonly sha: string;
  readonly environment: string;
  /** As GitHub delivers it: an object, or a JSON string for deployments made by some clients. */
  readonly payload: unknown;
  /** Who GitHub says created the deployment (`deployment.creator.login`); absent for a deleted account. */
  readonly creator?: string;
}

/** The `deployment` event a deploy workflow runs on, or why this event is not one. */
export function readDeployEvent(event: {
  name: string;
  payload: unknown;
}): DeployEvent | { problem: string } {
  if (event.name !== 'deployment') {
    return {
      problem: `mode: deploy runs on the deployment event, not ${event.name}; see implementation-deploy.yml`,
    };
  }
  const parsed = deploymentEventSchema.safeParse(event.payload);
  if (!parsed.success)
    return { problem: `the deployment event payload is not one GitHub sends: ${parsed.error.message}` };
  const { deployment, repository } = parsed.data;
  return {
    repository: {
      owner: repository.owner.login,
      repo: repository.name,
      defaultBranch: repository.default_branch,
    },
    repositoryId: repository.id,
    deploymentId: deployment.id,
    sha: deployment.sha,
    environment: deployment.environment,
    payload: typeof deployment.payload === 'string' ? safeJson(deployment.payload) : deployment.payload,
    ...(deployment.creator ? { creator: deployment.creator.login } : {}),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
