import { taskOnPullRequest } from '../../../src/core/control/task-on-pull-request.js';

describe('taskOnPullRequest', () => {
  it('accepts a command on the issue, and on the pull request the marker names', () => {
    expect(
      taskOnPullRequest({ marker: { pull_number: 34 }, issueNumber: 12, pullNumber: undefined }),
    ).toBeUndefined();
    expect(
      taskOnPullRequest({ marker: { pull_number: 34 }, issueNumber: 12, pullNumber: 34 }),
    ).toBeUndefined();
  });

  it('refuses a pull request the marker does not name, or a task with none', () => {
    expect(taskOnPullRequest({ marker: { pull_number: 34 }, issueNumber: 12, pullNumber: 35 })).toContain(
      'does not name pull request #35',
    );
    expect(taskOnPullRequest({ marker: {}, issueNumber: 12, pullNumber: 35 })).toContain(
      'give the command on the issue',
    );
    expect(taskOnPullRequest({ marker: undefined, issueNumber: 12, pullNumber: 35 })).toBeDefined();
  });
});
