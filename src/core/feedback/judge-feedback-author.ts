import { canChange, type RepositoryPermission } from '../deploy/repository-permission.js';

/** Whether a person's feedback may change the pull request, and when not, whether they get an answer. */
export type FeedbackStanding =
  | { readonly counts: true }
  | {
      readonly counts: false;
      /** Why not, for logs and the answer. */
      readonly reason: string;
      /** Answer them once: a person asked; a bot or the agent itself is never answered (no loops). */
      readonly answer: boolean;
    };

/**
 * Who may steer a pull request by review (DESIGN §5b, §8): users with write, maintain or admin
 * permission on the repository. Bots (`type: Bot` or a `[bot]` login) and the agent itself change
 * nothing and get no answer, so two agents cannot answer each other forever; the author of a fork
 * (the head repository is not the base) and users with read or triage permission change nothing
 * and are told why once. Logins compare case-insensitively, as GitHub's do.
 */
export function judgeFeedbackAuthor(params: {
  author: { readonly login: string; readonly type: string };
  permission: RepositoryPermission;
  agentLogin: string | undefined;
  /** The author's feedback came from a fork's pull request or they push from a fork. */
  fromFork?: boolean;
}): FeedbackStanding {
  const machine = machineAuthor(params);
  if (machine !== undefined) return { counts: false, reason: machine, answer: false };
  if (params.fromFork === true)
    return {
      counts: false,
      reason: 'feedback from a fork does not change the agent’s branch',
      answer: true,
    };
  if (!canChange(params.permission))
    return {
      counts: false,
      reason: `only people with write, maintain or admin permission on the repository can ask for changes (yours: ${params.permission})`,
      answer: true,
    };
  return { counts: true };
}

/**
 * Why the author is the agent itself or a bot (`type: Bot` or a `[bot]` login), or `undefined`
 * for a person: a caller need not ask GitHub for a machine's permission, which never counts.
 */
export function machineAuthor(params: {
  author: { readonly login: string; readonly type: string };
  agentLogin: string | undefined;
}): string | undefined {
  const { author } = params;
  if (params.agentLogin !== undefined && author.login.toLowerCase() === params.agentLogin.toLowerCase())
    return 'the agent does not take its own comments as feedback';
  if (author.type === 'Bot' || /\[bot\]$/i.test(author.login))
    return `@${author.login} is a bot; bots do not steer the agent`;
  return undefined;
}
