import { readTeamMemberships, type TeamMembershipClient } from '../../src/github/read-team-memberships.js';

function client(answers: Record<string, 'active' | 'pending' | 404 | 403 | 500>) {
  const asked: string[] = [];
  const teams: TeamMembershipClient = {
    teams: {
      getMembershipForUserInOrg: async (p) => {
        const team = `${p.org}/${p.team_slug}`;
        asked.push(team);
        const answer = answers[team] ?? 404;
        if (typeof answer === 'number') throw Object.assign(new Error(`HTTP ${answer}`), { status: answer });
        return { data: { state: answer } };
      },
    },
  };
  return { teams, asked };
}

describe('readTeamMemberships', () => {
  it('returns the listed teams the user actively belongs to, asking only about teams', async () => {
    const { teams, asked } = client({ 'acme/platform': 'active', 'acme/sre': 'pending', 'acme/web': 404 });

    const memberships = await readTeamMemberships({
      client: teams,
      deployers: ['alice', '@acme/platform', 'acme/sre', 'acme/web'],
      username: 'bob',
    });

    expect(memberships).toEqual(['acme/platform']);
    expect(asked.sort()).toEqual(['acme/platform', 'acme/sre', 'acme/web']);
  });

  it('treats a team the token may not read as no membership, never as access', async () => {
    const { teams } = client({ 'acme/platform': 403 });
    expect(
      await readTeamMemberships({ client: teams, deployers: ['acme/platform'], username: 'bob' }),
    ).toEqual([]);
  });

  it('lets other GitHub errors surface', async () => {
    const { teams } = client({ 'acme/platform': 500 });
    await expect(
      readTeamMemberships({ client: teams, deployers: ['acme/platform'], username: 'bob' }),
    ).rejects.toThrow('HTTP 500');
  });
});
