/** What a rollback goes back to; without one it is the last successful deployment before the current one. */
export type RollbackTarget =
  { readonly kind: 'sha'; readonly sha: string } | { readonly kind: 'deployment'; readonly id: number };

/**
 * A slash command read from a comment (DESIGN §8). Environments are in their configured spelling,
 * shas lower-cased, so handlers never re-normalise what the author typed.
 */
export type ChatCommand =
  /** `body` is the rest of the comment (the request payload), still unparsed. */
  | { readonly kind: 'implement'; readonly body: string }
  | { readonly kind: 'approve' }
  | { readonly kind: 'retry' }
  | { readonly kind: 'status' }
  | { readonly kind: 'deploy'; readonly environment: string; readonly dryRun: boolean }
  | { readonly kind: 'rollback'; readonly environment: string; readonly target?: RollbackTarget }
  /** With an environment it stops the deploy running there; without one it cancels the task. */
  | { readonly kind: 'cancel'; readonly environment?: string }
  | { readonly kind: 'unlock'; readonly environment: string }
  | { readonly kind: 'help' };

/**
 * `not-a-command` is ordinary conversation and gets no answer at all; `invalid` was meant as one of
 * our commands but cannot run, and is answered with `problem` (what is wrong, how to fix it) and `help`.
 */
export type CommandParseResult =
  | { readonly kind: 'command'; readonly command: ChatCommand }
  | { readonly kind: 'not-a-command' }
  | { readonly kind: 'invalid'; readonly problem: string; readonly help: string };
