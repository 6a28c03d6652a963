import { readTeamMemberships } from '../../github/read-team-memberships.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';

/** The deployer teams the author belongs to; no call when the environment names no team. */
export async function teamsOf(
  deps: TaskEventDependencies,
  deployers: readonly string[],
  username: string,
): Promise<string[]> {
  if (!deployers.some((entry) => entry.includes('/'))) return [];
  return readTeamMemberships({ client: deps.client, deployers, username });
}
