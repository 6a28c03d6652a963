import type { StoryIntent } from '../../../naming/story-intent.js';
import type { StoryRestriction } from './story-restriction.js';
import type { VerbKind } from './verb-kind.js';
import type { FieldSetting } from './resource-model-types.js';

/** A field a story asks for (`with one or more items` → `items`, a list of at least one). */
export interface FieldAsk {
  /** camelCase, `[a-z][A-Za-z0-9]*`. */
  readonly name: string;
  readonly list: boolean;
  readonly minItems: number;
  /** The type the words give, when the name alone does not (`a number of days` → `days`, a number). */
  readonly type?: 'number' | 'boolean';
  /** The only values allowed (`a priority (low, medium or high)`), snake_case. */
  readonly values?: readonly string[];
  /** The range a number must be in (`a percentage between 0 and 100`), inclusive. */
  readonly minimum?: number;
  readonly maximum?: number;
  /** Bounds a number must be beyond (`an amount greater than 0`). */
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  /** A whole number (`an amount in cents`). */
  readonly integer?: true;
  /** The length a text must be within (`a message of at most 280 characters`). */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** The most entries a list may hold (`with at most 5 items`). */
  readonly maxItems?: number;
}

/** A story read as an operation on a resource, before resources are resolved. */
export interface ParsedStory {
  readonly intent: StoryIntent;
  readonly kind: VerbKind;
  /** The verb after phrasal verbs are read (`look at` → `view`); the transition's name. */
  readonly verb: string;
  /** The thing it is made on, singular (`comment on a ticket` → `ticket`): it must exist. */
  readonly parent?: string;
  /** For a story that names the state it sets (`mark a ticket in progress`): that status (`in_progress`). */
  readonly state?: string;
  /** Singular head noun (`order`); absent when the story names no object, or names the whole collection (`catalogue`). */
  readonly noun?: string;
  /** The object is the collection as a whole (`browse the catalogue`): the service's main resource. */
  readonly collective: boolean;
  /**
   * For a collective object with a word before it (`a pick list`): that word and the collection word
   * (`['pick', 'list']`), kept so the model can read a countable compound as a resource.
   */
  readonly collection?: readonly [modifier: string, head: string];
  /** Whose items (`a customer's orders` → `customer`; `my orders` → the story's role). */
  readonly owner?: string;
  /** The object's attribute the story is about (`the status of my order` → `status`). */
  readonly attribute?: string;
  /** `redeem part of a gift card` → `part`: a share of the object the story acts on, which no route measures. */
  readonly portion?: string;
  /**
   * `add seats to my subscription`, where a subscription has a seat count: the number field the story
   * adds to (`seatCount`); the route changes it as an update, and coverage says adding is not generated.
   */
  readonly addsTo?: string;
  /** For a `set` (`enable a flag`): the yes/no field the service sets, and to what (`toggle` flips it). */
  readonly sets?: FieldSetting;
  /**
   * What a singular possessive object names, camelCase (`a product's stock level` → `stockLevel`):
   * the owner's attribute when the owner is a resource of the model and the noun is not.
   */
  readonly possessed?: string;
  readonly fields: readonly FieldAsk[];
  /** Statuses the action is refused from (`cancel an order that has not shipped` → `shipped`). */
  readonly refusedFrom: readonly string[];
  /** Words of the story that shaped nothing; the story is then only partly covered. */
  readonly unused: readonly string[];
  /**
   * `list revoked or expired permits` → `['expired']`: values joined to the one the list filters on,
   * which the list does not filter on in the same call; the story is then only partly covered.
   */
  readonly otherValues?: readonly string[];
  /** The owner came from `my`/`our`, which an API without an authorizer cannot enforce. */
  readonly ownerIsSelf: boolean;
  /**
   * The object follows `for` (`pay for an order`): a status transition only when the request lists
   * the status the verb names (`paid`); the model decides, knowing the description.
   */
  readonly objectAfterFor?: boolean;
  /** A delete of an item in a named state (`delete a closed ticket` → `closed`): refused in any other. */
  readonly onlyIn?: string;
  /** The action is done to the caller (`assign a ticket to myself`): the item records who called. */
  readonly toCaller?: boolean;
  /** A list of the items in one status (`list open tickets`, `list orders that are paid` → `open`, `paid`). */
  readonly stateFilter?: string;
  /** A list filtered by a field the caller gives (`list tickets by status` → `status`, `by priority` → `priority`). */
  readonly filterBy?: string;
  /** The value a list story named for its `filterBy` field (`list high priority tickets` → `high`). */
  readonly filterValue?: string;
  /**
   * A list of the items an action was done to for the caller (`list tickets assigned to me`): the
   * field recording the caller (`assignee`), which the list keeps equal to the caller.
   */
  readonly callerFilter?: string;
  /** `list tickets assigned to my team` → `my team`: a group of the caller's the service does not know. */
  readonly ownGroup?: string;
  /** `list orders placed this week` → `this week`: when the items were made or changed; no list filters on it. */
  readonly time?: string;
  /** `list entries between two dates` → `between two dates`: the list reads a range of the items' time field (`?from=&to=`). */
  readonly timeRange?: string;
  /** `list orders sorted by total` → `sorted by total`: an order the list comes in; none is generated. */
  readonly sort?: string;
  /** `list unassigned tickets` → `unassigned` (`assign`): the items something was not done to; not a status. */
  readonly negated?: { readonly word: string; readonly verb: string };
  /** A read of one item by a field of its own (`look up a product by its SKU` → `sku`): a list filtered by it. */
  readonly naturalKey?: string;
  /**
   * A figure computed from other records the story asks to see (`my remaining leave balance`): no
   * resource of the model, so no route; the coverage says what would compute it.
   */
  readonly derived?: string;
  /**
   * `how many frozen cards`, where no card is ever frozen: the word before the counted noun, which is
   * no status of the resource, so the count is of every item and the coverage says so.
   */
  readonly notAStatus?: string;
  /** The figure is a count of events (`how many times my link was clicked`): events the model must store to count. */
  readonly countsEvents?: true;
  /** The verb works a result out of the item (`evaluate a flag for a user`): a read that computes, never a write. */
  readonly computes?: string;
  /**
   * `renew a loan`, where loans are `active, returned or overdue`: the status the verb would set, which
   * the listed lifecycle lacks, so no route moves it there (outside-lifecycle.ts); the coverage says why.
   */
  readonly notInLifecycle?: {
    readonly noun: string;
    readonly status: string;
    readonly lifecycle: readonly string[];
  };
  /** Who may act (`As an admin …`), and any `only …` the routes cannot enforce. */
  readonly restriction: StoryRestriction;
}
