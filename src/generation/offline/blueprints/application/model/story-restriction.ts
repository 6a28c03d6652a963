import type { StoryIntent } from '../../../naming/story-intent.js';

/**
 * Roles a request names to restrict who may act (`As an admin I can delete a ticket`, `Only admins can
 * close a ticket`), by the words people write, to the one role name the route checks. Other roles
 * (`a customer`, `a support agent`) name who the story is for, not a restriction.
 */
const RESTRICTING_ROLES: Readonly<Record<string, string>> = {
  admin: 'admin',
  admins: 'admin',
  administrator: 'admin',
  administrators: 'admin',
  superuser: 'superuser',
  superusers: 'superuser',
  superadmin: 'superuser',
  moderator: 'moderator',
  moderators: 'moderator',
};
const ARTICLES = new Set(['a', 'an', 'the']);

/** Who a story restricts its action to. */
export interface StoryRestriction {
  /** The role the route requires (`admin`), when the story names one the generated route can check. */
  readonly role?: string;
  /** The story says `only …` of something other than a role (`only the owner can …`): nothing enforces it. */
  readonly unenforced?: string;
}

/**
 * The restriction a story names: a restricting role as its role (`As an admin`) or after `only`
 * (`only admins can …`); any other `only` phrase is returned as unenforced, so the story is never
 * counted covered on a route anyone may call.
 */
export function storyRestriction(intent: StoryIntent): StoryRestriction {
  const words: readonly string[] = intent.text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const fromRole = intent.role.map((word) => RESTRICTING_ROLES[word]).find((role) => role !== undefined);
  const only = words.indexOf('only');
  const after = only === -1 ? [] : words.slice(only + 1).filter((word) => !ARTICLES.has(word));
  const fromOnly = after[0] === undefined ? undefined : RESTRICTING_ROLES[after[0]];
  const role = fromRole ?? fromOnly;
  const unenforced =
    only !== -1 && fromOnly === undefined ? words.slice(only, only + 3).join(' ') : undefined;
  return {
    ...(role === undefined ? {} : { role }),
    ...(unenforced === undefined ? {} : { unenforced }),
  };
}
