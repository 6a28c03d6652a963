import { isBotAccount } from './account.js';

/** Who pushed to a pull request's branch, as the `pull_request.synchronize` delivery's `sender` says. */
export type PushAuthor =
  | { readonly kind: 'agent' }
  | { readonly kind: 'bot'; readonly login: string; readonly id?: number }
  | { readonly kind: 'human'; readonly login: string; readonly id?: number };

/**
 * Classifies a push from GitHub's own facts, never from commit text: the delivery's `sender` is
 * the account whose push GitHub recorded (docs.github.com, *Webhook events and payloads*,
 * `pull_request` `synchronize`), while a commit's author and committer names are whatever the
 * pusher's Git was told. The agent's own push (its login: `<app>[bot]`, or `github-actions[bot]`
 * in the Action) and any other bot's (`type: Bot`) are not a human's; logins compare
 * case-insensitively, as GitHub treats them. The account's numeric `id`, when given, is kept: the
 * login changes with a rename, the id does not.
 */
export function pushAuthor(params: {
  readonly sender: { readonly login: string; readonly type: string; readonly id?: number } | undefined;
  readonly agentLogin: string | undefined;
}): PushAuthor {
  const { sender, agentLogin } = params;
  if (sender === undefined) return { kind: 'bot', login: 'unknown' };
  if (agentLogin !== undefined && sender.login.toLowerCase() === agentLogin.toLowerCase())
    return { kind: 'agent' };
  const id = sender.id === undefined ? {} : { id: sender.id };
  if (isBotAccount(sender)) return { kind: 'bot', login: sender.login, ...id };
  return { kind: 'human', login: sender.login, ...id };
}
