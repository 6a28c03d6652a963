import type { ChatCommand } from './chat-command.js';

export type CommandName = ChatCommand['kind'];

/**
 * `write` stands for write, maintain or admin on the repository (DESIGN §8); `anyone` needs no check.
 * `/implement` from someone without write access is still accepted but held until a maintainer's `/approve`.
 */
export type CommandPermission = 'anyone' | 'write';

export interface CommandSpec {
  /** Markdown-free syntax, as typed: `/deploy <environment> [--dry-run]`. */
  readonly usage: string;
  readonly requiredPermission: CommandPermission;
}

export const DRY_RUN_FLAG = '--dry-run';

/** Keyed by every `ChatCommand` kind, so a new command cannot be added without its syntax and permission. */
export const COMMAND_SPECS: { readonly [Name in CommandName]: CommandSpec } = {
  implement: { usage: '/implement', requiredPermission: 'anyone' },
  approve: { usage: '/approve', requiredPermission: 'write' },
  retry: { usage: '/retry', requiredPermission: 'write' },
  status: { usage: '/status', requiredPermission: 'anyone' },
  deploy: { usage: `/deploy <environment> [${DRY_RUN_FLAG}]`, requiredPermission: 'write' },
  rollback: { usage: '/rollback <environment> [to <sha|deployment-id>]', requiredPermission: 'write' },
  // Alone it cancels the task; with an environment, the deploy running there.
  cancel: { usage: '/cancel [<environment>]', requiredPermission: 'write' },
  unlock: { usage: '/unlock <environment>', requiredPermission: 'write' },
  help: { usage: '/help', requiredPermission: 'anyone' },
};

// Object.keys widens to string[]; the keys are exactly CommandName because of COMMAND_SPECS' type.
export const COMMAND_NAMES = Object.keys(COMMAND_SPECS) as readonly CommandName[];

export function isCommandName(word: string): word is CommandName {
  return Object.hasOwn(COMMAND_SPECS, word);
}
