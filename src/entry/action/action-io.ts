import { z } from 'zod';

/**
 * The Action's inputs and outputs, declared once; `action.yml` is contract-tested against these.
 * Empty strings are how the runner passes inputs that were not set, so they mean "not given".
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

export const ACTION_INPUTS = {
  token: 'GitHub token with contents, issues, pull-requests and checks write permission',
  mode: 'What to do: `implement` (default) turns the triggering issue, comment or dispatch into a pull request; `deploy` carries out the triggering deployment',
  provider: 'Model provider, overriding the repository config: `offline` or `bedrock`',
  model: 'Bedrock model id, overriding the repository config',
  region: 'AWS region for Bedrock, overriding the repository config',
  'deploy-timeout-minutes': 'mode deploy: how long a deploy may take before it counts as failed (default 30)',
  'deployments-dir':
    "mode deploy: a folder that keeps each deployment's exact template, parameters and outputs (rollbacks reuse them); unset keeps none",
  'poll-interval-ms':
    'The longest wait between two polls, in milliseconds: of CloudFormation in mode deploy (default: backoff from 2 s up to 5–10 s), and of the status comment when a run reads its write back once more (default 1 s); for tests against a stand-in such as moto',
  'marker-secret':
    'A repository secret (e.g. IMPLEMENTATION_AGENT_MARKER_SECRET) the status markers are signed with. Under `GITHUB_TOKEN`, `/approve` and `/deploy` act on a task only with it: every workflow can write as github-actions[bot]',
  'previous-marker-secret':
    'During a rotation of `marker-secret`: the secret it replaces. A marker signed with it is accepted once and re-signed',
  'agent-login':
    "mode deploy: the account(s) `/deploy` and `/rollback` create deployments as, comma-separated: the App's bot, e.g. `my-agent[bot]`. A deployment created by anyone else is refused (the run's own token identity is accepted too, for its automatic rollback)",
} as const;

/** Defaults `action.yml` gives; an input without one falls back as its description says. */
export const ACTION_INPUT_DEFAULTS: Readonly<Partial<Record<keyof typeof ACTION_INPUTS, string>>> = {
  token: '${{ github.token }}',
  mode: 'implement',
};

export const ACTION_OUTPUTS = {
  result: 'The outcome as JSON (versioned): status, task, issue, pull request and cost',
  status:
    'pr_open, approved, awaiting_review, changes_requested, merged, cancelled, deployment_created, deployed, deploy_failed, answered, held, refused, invalid_request, invalid_config, failed or ignored',
  'task-id': 'The task id (owner/repo#issue, the repository in lower case)',
  'issue-number': 'The issue the task is tracked on',
  'pull-number': 'The pull request number, when one was opened or updated',
  'pull-url': 'The pull request URL, when one was opened or updated',
  'cost-usd':
    "Model cost of this task so far, in US dollars (the task record's cost), whenever a generation ran",
  'deployment-id': 'The GitHub deployment created by /deploy, or carried out in mode deploy',
  'environment-url': 'mode deploy: the URL from the stack outputs, when the deploy succeeded',
} as const;

export type ActionOutputName = keyof typeof ACTION_OUTPUTS;

/** `poll-interval-ms`: a whole number of milliseconds, 1 to 60,000; absent: the built-in waits. */
const pollIntervalInput = optionalText
  .transform((value) => (value === undefined ? undefined : Number(value)))
  .pipe(
    z
      .number('must be a number of milliseconds')
      .int('must be a whole number of milliseconds')
      .min(1)
      .max(60_000)
      .optional(),
  );

export const implementInputsSchema = z.object({
  'poll-interval-ms': pollIntervalInput,
  token: z.string().min(1, 'is required: pass `${{ github.token }}` or a token with write permissions'),
  mode: z.literal('implement'),
  'marker-secret': optionalText,
  'previous-marker-secret': optionalText,
  provider: optionalText.pipe(z.enum(['offline', 'bedrock']).optional()),
  model: optionalText,
  region: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as ap-southeast-2')
      .optional(),
  ),
});

export type ImplementInputs = z.infer<typeof implementInputsSchema>;

export const deployInputsSchema = z.object({
  'deployments-dir': optionalText,
  'agent-login': optionalText.transform((value) =>
    (value ?? '')
      .split(',')
      .map((login) => login.trim())
      .filter((login) => login !== ''),
  ),
  'marker-secret': optionalText,
  'previous-marker-secret': optionalText,
  'poll-interval-ms': pollIntervalInput,
  token: z
    .string()
    .min(1, 'is required: pass `${{ github.token }}` or a token with deployments write permission'),
  mode: z.literal('deploy'),
  'deploy-timeout-minutes': optionalText
    .transform((value) => (value === undefined ? 30 : Number(value)))
    .pipe(z.number('must be a number of minutes').int('must be a whole number of minutes').min(1).max(360)),
});

export type DeployInputs = z.infer<typeof deployInputsSchema>;

/** One schema per mode; `mode` picks which, and an unknown mode is named in the error. */
export const actionInputsSchema = z.discriminatedUnion('mode', [implementInputsSchema, deployInputsSchema], {
  error: (issue) => (issue.code === 'invalid_union' ? 'mode must be `implement` or `deploy`' : undefined),
});
