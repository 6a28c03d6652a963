import type { TaskClient } from '../src/github/task-client.js';

/**
 * An in-memory GitHub that answers every call the pipeline makes and counts them, so the bench
 * measures our calls and not the network.
 */
export function countingGitHub(): { client: TaskClient; calls: string[] } {
  const calls: string[] = [];
  const answer =
    <T>(name: string, data: T) =>
    async () => {
      calls.push(name);
      return { data };
    };
  /** Deploy calls are not part of opening a PR; reaching one means the bench measures the wrong thing. */
  const unused = (name: string) => async (): Promise<never> => {
    throw new Error(`${name} is not expected while opening a pull request`);
  };
  const client: TaskClient = {
    git: {
      getRef: async (params) => {
        calls.push('git.getRef');
        if (params.ref.startsWith('heads/implementation/'))
          throw Object.assign(new Error('Not Found'), { status: 404 });
        return { data: { object: { sha: 'base-sha' } } };
      },
      getCommit: answer('git.getCommit', { tree: { sha: 'base-tree' } }),
      createTree: answer('git.createTree', { sha: 'tree' }),
      createCommit: answer('git.createCommit', { sha: 'commit' }),
      createRef: answer('git.createRef', {}),
      updateRef: answer('git.updateRef', {}),
      getTree: unused('git.getTree'),
      getBlob: unused('git.getBlob'),
    },
    pulls: {
      list: answer('pulls.list', []),
      create: answer('pulls.create', { number: 2, html_url: 'https://github.test/pull/2' }),
      update: answer('pulls.update', {}),
      get: unused('pulls.get'),
      listReviews: unused('pulls.listReviews'),
      listReviewComments: unused('pulls.listReviewComments'),
      createReplyForReviewComment: unused('pulls.createReplyForReviewComment'),
      listFiles: unused('pulls.listFiles'),
      createReview: unused('pulls.createReview'),
      dismissReview: unused('pulls.dismissReview'),
      merge: unused('pulls.merge'),
    },
    issues: {
      addLabels: answer('issues.addLabels', {}),
      listComments: answer('issues.listComments', []),
      createComment: answer('issues.createComment', { id: 9 }),
      updateComment: answer('issues.updateComment', {}),
      create: answer('issues.create', { number: 1, html_url: 'https://github.test/issues/1' }),
      getComment: answer('issues.getComment', { body: '' }),
      deleteComment: answer('issues.deleteComment', {}),
      get: unused('issues.get'),
      listForRepo: answer('issues.listForRepo', []),
    },
    checks: {
      create: answer('checks.create', { id: 3 }),
      listForRef: unused('checks.listForRef'),
      listSuitesForRef: unused('checks.listSuitesForRef'),
      update: unused('checks.update'),
    },
    repos: {
      // The default limit is 60 files; the bench opens a PR with 100.
      getContent: answer('repos.getContent', {
        type: 'file',
        content: Buffer.from('limits:\n  max_files: 150\n').toString('base64'),
      }),
      getCollaboratorPermissionLevel: answer('repos.getCollaboratorPermissionLevel', { permission: 'admin' }),
      createDeployment: unused('repos.createDeployment'),
      createDeploymentStatus: unused('repos.createDeploymentStatus'),
      listDeployments: unused('repos.listDeployments'),
      listDeploymentStatuses: unused('repos.listDeploymentStatuses'),
      getDeployment: unused('repos.getDeployment'),
      getCombinedStatusForRef: unused('repos.getCombinedStatusForRef'),
      listActivities: unused('repos.listActivities'),
      createDispatchEvent: unused('repos.createDispatchEvent'),
      compareCommitsWithBasehead: unused('repos.compareCommitsWithBasehead'),
      listPullRequestsAssociatedWithCommit: unused('repos.listPullRequestsAssociatedWithCommit'),
    },
    teams: { getMembershipForUserInOrg: unused('teams.getMembershipForUserInOrg') },
    reactions: { createForIssueComment: answer('reactions.createForIssueComment', {}) },
    users: { getById: unused('users.getById') },
  };
  return { client, calls };
}
