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
  mode: 'What to do: `implement` (default) turns the triggering issue, comment or dispatch into a pull request',
  provider: 'Model provider, overriding the repository config: `offline` or `bedrock`',
  model: 'Bedrock model id, overriding the repository config',
  region: 'AWS region for Bedrock, overriding the repository config',
} as const;

export const ACTION_OUTPUTS = {
  result: 'The outcome as JSON (versioned): status, task, issue, pull request and cost',
  status:
    'pr_open, deployment_created, answered, awaiting_approval, refused, invalid_request, invalid_config, failed or ignored',
  'task-id': 'The task id (owner/repo#issue)',
  'issue-number': 'The issue the task is tracked on',
  'pull-number': 'The pull request number, when one was opened or updated',
  'pull-url': 'The pull request URL, when one was opened or updated',
  'cost-usd': 'Model cost of this task so far, in US dollars',
  'deployment-id': 'The GitHub deployment created by a /deploy command',
} as const;

export type ActionOutputName = keyof typeof ACTION_OUTPUTS;

export const implementInputsSchema = z.object({
  token: z.string().min(1, 'is required: pass `${{ github.token }}` or a token with write permissions'),
  mode: z.literal('implement', {
    error: 'must be `implement` (deploy and rollback modes are not released yet)',
  }),
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
