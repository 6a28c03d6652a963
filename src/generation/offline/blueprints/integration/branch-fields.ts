/**
 * Where each GitHub event names the branch it happened on, as a dotted path into the body, and how
 * the branch is written there (push's `ref` is the full `refs/heads/main`). Read from GitHub's
 * payloads (https://docs.github.com/en/webhooks/webhook-events-and-payloads, and the
 * @octokit/webhooks-examples deliveries): `workflow_run.head_branch`, `check_suite.head_branch`,
 * `pull_request.base.ref` (the branch a pull request is opened against), `deployment.ref`. Events
 * absent here (issues, release, status, whose `branches` is a list) carry no one branch field.
 */
export const BRANCH_FIELDS: Readonly<Record<string, { readonly path: string; readonly prefix: string }>> = {
  workflow_run: { path: 'workflow_run.head_branch', prefix: '' },
  workflow_job: { path: 'workflow_job.head_branch', prefix: '' },
  check_suite: { path: 'check_suite.head_branch', prefix: '' },
  check_run: { path: 'check_run.check_suite.head_branch', prefix: '' },
  pull_request: { path: 'pull_request.base.ref', prefix: '' },
  pull_request_review: { path: 'pull_request.base.ref', prefix: '' },
  pull_request_review_comment: { path: 'pull_request.base.ref', prefix: '' },
  pull_request_review_thread: { path: 'pull_request.base.ref', prefix: '' },
  push: { path: 'ref', prefix: 'refs/heads/' },
  deployment: { path: 'deployment.ref', prefix: '' },
  deployment_status: { path: 'deployment.ref', prefix: '' },
};
