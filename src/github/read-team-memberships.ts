import { httpStatusOf } from './http-status.js';

export interface TeamMembershipClient {
  teams: {
    getMembershipForUserInOrg(p: {
      org: string;
      team_slug: string;
      username: string;
    }): Promise<{ data: { state: string } }>;
  };
}

/**
 * Which of the `org/team` entries in an environment's `deployers` the user actively belongs to.
 * Only teams are looked up (logins need no call); a team the token may not read counts as not
 * a member, so a missing permission can only refuse, never allow.
 */
export async function readTeamMemberships(params: {
  client: TeamMembershipClient;
  deployers: readonly string[];
  username: string;
}): Promise<string[]> {
  const teams = params.deployers
    .map((entry) => entry.replace(/^@/, ''))
    .filter((entry) => /^[^/\s]+\/[^/\s]+$/.test(entry));
  const memberships = await Promise.all(
    teams.map(async (team) => {
      const [org = '', teamSlug = ''] = team.split('/');
      try {
        const { data } = await params.client.teams.getMembershipForUserInOrg({
          org,
          team_slug: teamSlug,
          username: params.username,
        });
        return data.state === 'active' ? team : undefined;
      } catch (error) {
        const status = httpStatusOf(error);
        if (status === 404 || status === 403) return undefined;
        throw error;
      }
    }),
  );
  return memberships.filter((team): team is string => team !== undefined);
}
