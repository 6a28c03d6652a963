import { singular } from '../../../naming/singular.js';
import type { StoryIntent } from '../../../naming/story-intent.js';

/**
 * Roles a request names to restrict who may act (`As an admin I can delete a ticket`, `Only admins can
 * close a ticket`), by the words people write, to the one role name the route checks. In `As a …`,
 * other roles (`a customer`, `a support agent`) name who the story is for, not a restriction; after
 * `only`, any role noun restricts (`only managers can …` → `manager`).
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
/** Words that end the subject of `only … can`: the role is the one or two words before them. */
const MODALS = new Set(['can', 'may', 'must', 'should', 'will', 'shall']);
/** Words after `only` that name no role: ownership (enforced elsewhere or said not to be), pronouns, conditions. */
const NOT_ROLES = new Set([
  'owner',
  'owners',
  'creator',
  'creators',
  'author',
  'authors',
  'me',
  'i',
  'you',
  'we',
  'they',
  'he',
  'she',
  'it',
  'one',
  'once',
  'if',
  'when',
  'after',
  'before',
  'while',
  'during',
  'for',
  'to',
  'by',
  'in',
  'on',
  'with',
  'from',
  'their',
  'his',
  'her',
  'its',
  'my',
  'our',
  'your',
  'this',
  'that',
  'these',
  'those',
  'who',
  'whoever',
  'someone',
  'people',
  'users',
  'user',
  'callers',
  'caller',
  'of',
  'and',
  'or',
]);
/** The most words a role after `only` spans (`the change advisory board` → `change-advisory-board`). */
const MOST_ROLE_WORDS = 4;
/** Words that end the object of `only … can <verb>` (`approve a change request before it starts`). */
const OBJECT_ENDS = new Set([
  'when',
  'if',
  'after',
  'before',
  'while',
  'once',
  'unless',
  'until',
  'for',
  'by',
  'in',
  'on',
  'with',
  'from',
  'to',
  'of',
  'that',
  'which',
  'and',
  'or',
]);

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
  const fromOnly = onlyRole(after);
  const role = fromRole ?? fromOnly;
  const unenforced =
    only !== -1 && fromOnly === undefined ? words.slice(only, only + 3).join(' ') : undefined;
  return {
    ...(role === undefined ? {} : { role }),
    ...(unenforced === undefined ? {} : { unenforced }),
  };
}

/**
 * The role `only` names: `only admins can …` → `admin`, `only managers can …` → `manager`, `only
 * finance managers may …` → `finance-manager`, `only the change advisory board can …` →
 * `change-advisory-board` (one to four words before a modal, the last singular). None for a passive
 * (`only paid orders can be shipped`), ownership (`only the owner can …`), a phrase (`only members of
 * the team`) or anything longer, which stays unenforced.
 */
function onlyRole(after: readonly string[]): string | undefined {
  const modal = after.findIndex((word) => MODALS.has(word));
  const subject = modal === -1 ? [] : after.slice(0, modal);
  const last = subject.at(-1);
  if (last === undefined || subject.length > MOST_ROLE_WORDS || after[modal + 1] === 'be') return undefined;
  if (subject.some((word) => NOT_ROLES.has(word) || /\d/.test(word))) return undefined;
  const known = RESTRICTING_ROLES[last];
  return [...subject.slice(0, -1), known ?? singular(last)].join('-');
}

/** A role a description sentence restricts one verb on one noun to (`Only finance can approve a report.`). */
export interface DescribedRestriction {
  readonly role: string;
  /** The verb as written: `approve`. */
  readonly verb: string;
  /** The object's words as written, articles left out: `report`, `reports`, `change request`. */
  readonly noun: string;
}

/**
 * `Only finance can approve a report`, `Only admins may close tickets`, `Only the change advisory
 * board can approve a change request`: the role `only` names (as a story's `only` reads it), the
 * verb after the modal and the words of the object it acts on, up to a preposition or a conjunction. Undefined for a
 * sentence with no such role (`Only paid orders can be shipped`, `Only the owner can …`).
 * `words`: the sentence's lower-case words.
 */
export function describedRestriction(words: readonly string[]): DescribedRestriction | undefined {
  const only = words.indexOf('only');
  if (only === -1) return undefined;
  const after = words.slice(only + 1).filter((word) => !ARTICLES.has(word));
  const role = onlyRole(after);
  const modal = after.findIndex((word) => MODALS.has(word));
  const verb = after[modal + 1];
  const object = after.slice(modal + 2);
  const end = object.findIndex((word) => OBJECT_ENDS.has(word));
  const noun = (end === -1 ? object : object.slice(0, end)).join(' ');
  if (role === undefined || verb === undefined || noun === '') return undefined;
  return { role, verb, noun };
}
