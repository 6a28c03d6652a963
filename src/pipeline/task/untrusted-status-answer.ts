import type { StatusCommentRef } from '../../github/status-comment.js';

/**
 * The answer when the only task status found is display-only (`judgeMarker`): a deploy takes the
 * pull request and the template only from a status the agent provably wrote.
 */
export function untrustedStatusAnswer(status: StatusCommentRef, issueNumber: number): string {
  return (
    `The task status on #${issueNumber} cannot be proven to be implementation-agent's: it ${status.reason}. ` +
    '`/deploy` takes the pull request and the CloudFormation template only from a status the agent provably ' +
    `wrote, so nothing was deployed. Comment \`/implement\` on #${issueNumber} to have the agent write its status again; ` +
    'with the Action under `GITHUB_TOKEN`, set its `marker-secret` input first, so the status is signed.'
  );
}
