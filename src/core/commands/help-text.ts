import { codeSpan } from '../markdown/code-span.js';
import { COMMAND_NAMES, COMMAND_SPECS, type CommandName, type CommandPermission } from './command-names.js';

/**
 * What each command does today; `undefined` for a command that is recognised (and answered that it
 * is not available yet) but does not work in this release, so `/help` never lists it.
 */
const WHAT_IT_DOES: { readonly [Name in CommandName]: string | undefined } = {
  implement:
    "Starts an implementation from the request in the rest of the comment (a fenced `json` or `yaml` block, or the issue form fields), or runs the task again; on the task's issue.",
  approve:
    "Releases a request that is held because its author lacks write access; on the task's issue. A pull request is approved by an approving review, not by this command.",
  retry:
    "Runs a task again whose generation or validation failed, or that was cancelled (the next attempt, on the same branch and pull request); a failed deploy is retried with `/deploy <environment>`. On the task's issue or pull request.",
  status: "Shows the task's state, its pull request and the model cost so far.",
  deploy:
    'Deploys the pull request to the environment through a GitHub deployment. `--dry-run` creates and reports the change set without executing it.',
  rollback:
    'Redeploys what the last successful deployment before the current one deployed, or exactly the given commit or deployment.',
  cancel:
    'Alone: cancels the task, which stops a queued or running generation at its next step (a pull request already open is closed to cancel its task). With an environment: stops the deploy running there; CloudFormation rolls the update back.',
  unlock: "Releases the environment's deploy lock, e.g. one left behind by a crashed run.",
  help: 'Shows this list.',
};

const WHO_MAY_RUN: { readonly [Permission in CommandPermission]: string } = {
  anyone: 'anyone who can comment',
  write: 'write, maintain or admin',
};

/**
 * The `/help` answer, also sent with every invalid command, so it always names the configured
 * environments. It lists exactly the commands that work today.
 */
export function renderHelp(environments: readonly string[]): string {
  const rows = COMMAND_NAMES.flatMap((name) => {
    const whatItDoes = WHAT_IT_DOES[name];
    if (whatItDoes === undefined) return [];
    const { usage, requiredPermission } = COMMAND_SPECS[name];
    const who =
      name === 'implement'
        ? `${WHO_MAY_RUN.anyone}; without write access the request waits for a maintainer's \`/approve\``
        : WHO_MAY_RUN[requiredPermission];
    return [`| ${codeSpan(usage, { inTableCell: true })} | ${whatItDoes} | ${who} |`];
  });
  return [
    '### Commands',
    '',
    'Write the command on the first line of a comment. Quoted text (`>`) and code blocks are never read as commands.',
    '',
    '| Command | What it does | Who may run it |',
    '| --- | --- | --- |',
    ...rows,
    '',
    environmentsLine(environments),
    '',
    "Each environment's own rules (required approval, green checks, allowed branches, who may deploy) apply on top of these permissions.",
  ].join('\n');
}

function environmentsLine(environments: readonly string[]): string {
  if (environments.length === 0)
    return '**Environments:** none configured; add them under `environments:` in `.github/implementation-agent.yml`.';
  return `**Environments:** ${environments.map((name) => codeSpan(name)).join(', ')}`;
}
