import type { StoryIntent } from '../../../naming/story-intent.js';
import type { DescriptionFields } from './description-fields.js';
import type { NoticeAsk } from './notice-stories.js';
import type { ParsedStory } from './parsed-story.js';
import type { VerbKind } from './verb-kind.js';

export type FieldType = 'string' | 'number' | 'boolean' | 'list';

/** A declared field: checked on every write. Undeclared fields are accepted as JSON scalars, lists or flat objects. */
export interface FieldSpec {
  /** camelCase, `[a-z][A-Za-z0-9]*`. */
  readonly name: string;
  readonly type: FieldType;
  /** Required when an item is created. */
  readonly required: boolean;
  /** For lists: the fewest entries allowed. */
  readonly minItems?: number;
  /** For strings: the only values allowed (`low`, `medium`, `high`). */
  readonly values?: readonly string[];
  /** For numbers: the inclusive range allowed. */
  readonly minimum?: number;
  readonly maximum?: number;
  /** For numbers: bounds a value must be beyond, as the request wrote them (`greater than 0`). */
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  /** For numbers: whole numbers only (`an amount in cents`). */
  readonly integer?: true;
  /** For strings: the length allowed (`at most 280 characters`). */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** For lists: the most entries allowed (`at most 5 items`). */
  readonly maxItems?: number;
  /**
   * For strings: an ISO 8601 date-time, checked on every write and stored in UTC
   * (`2026-01-02T03:04:05.000Z`) so a range of them (`?from=&to=`) compares as text.
   */
  readonly format?: 'date-time';
  /**
   * For numbers: a count the service keeps of an act a story makes on the item (`votes` beside `vote
   * for an idea`): 0 when the item is made; a client never writes it (400 on create and update).
   */
  readonly counter?: true;
}

export interface Transition {
  /** The route's last segment and the action name: `cancel`. */
  readonly action: string;
  /** The status it sets: `cancelled`. */
  readonly to: string;
}

/** Statuses the service manages: clients never write `status`, the routes move it. */
export interface StatusMachine {
  readonly initial: string;
  readonly transitions: readonly Transition[];
  /** Statuses nothing moves an item out of. */
  readonly terminal: readonly string[];
  /** Statuses a rule checks but no route of this service sets (another system must). */
  readonly setElsewhere: readonly string[];
}

export interface Resource {
  /** Singular, camelCase `[a-z][A-Za-z0-9]*`: `order`, `leaveRequest` (a compound the request always uses). */
  readonly name: string;
  /** `Order`. */
  readonly pascal: string;
  /** Path segment and table partition: `orders`, `leave-requests`. */
  readonly collection: string;
  readonly fields: readonly FieldSpec[];
  /** The declared field naming whose item it is (`customerId`), indexed for owner-filtered lists. */
  readonly ownerField?: string;
  /**
   * The resource this one is made under (`comment on a ticket`): created and listed at
   * `/tickets/{id}/comments`, answering 404 when that ticket does not exist; the parent's id is kept in `field`.
   */
  readonly parent?: { readonly name: string; readonly collection: string; readonly field: string };
  readonly status?: StatusMachine;
  /** Every status change is published with this EventBridge detail type. */
  readonly statusEventType?: string;
}

/** What a route does: what a story's verb asks, or `balance` (a total less its children's amounts, worked out on read). */
export type OperationKind = VerbKind | 'balance';

/** What a balance route works out: the item's `total` field less the sum of `amount` over the `child` items made under it. */
export interface BalanceParts {
  readonly total: string;
  /** The child resource's name (`payment`). */
  readonly child: string;
  readonly amount: string;
}

/** What a `set` route does to a yes/no field: set it true or false, or flip it (`toggle`). */
export interface FieldSetting {
  /** The declared boolean field: `enabled`. */
  readonly field: string;
  readonly to: boolean | 'toggle';
}

/** A query parameter a list is filtered by: the item's `status`, a declared string or yes/no field (`priority`, `enabled`), or a declared list field it holds (`tags`). */
export interface ListFilter {
  /** `status`, or the field's camelCase name. */
  readonly field: string;
  /** The values allowed (every status of the model); absent for a field of free text. */
  readonly values?: readonly string[];
  /**
   * The value `me` stands for the caller the x-caller-id header names (`list tickets assigned to me`
   * → `GET /tickets?assignee=me`).
   */
  readonly caller?: true;
  /**
   * The value `none` stands for an item without the field (`list unassigned tickets` →
   * `GET /tickets?assignee=none`).
   */
  readonly missing?: true;
  /**
   * The field is a list: the filter keeps the items whose list holds the value given (`list products
   * by tag` → `GET /products?tags=fragile`), not those equal to it.
   */
  readonly contains?: true;
  /**
   * The list reads a range of this time field (`list entries between two dates`): `?from=` and `?to=`,
   * ISO 8601 date-times, keep the items whose field is within them, both ends included.
   */
  readonly range?: true;
  /** Values the stories named (`list high priority tickets` → `high`), for the docs. */
  readonly asked?: readonly string[];
  /**
   * The field is yes/no (`list enabled flags` → `GET /flags?enabled=true`): `values` are `true` and
   * `false`, compared with the stored boolean.
   */
  readonly yesNo?: true;
  /**
   * The value used when the query names none (`Only published articles are visible to readers.` →
   * `GET /articles` lists only `published` articles unless `?status=` names another); absent: no filter.
   */
  readonly default?: string;
}

/** One route, on one resource; `stories` empty means it supports the others (something must write what they read). */
export interface Operation {
  readonly kind: OperationKind;
  readonly resource: string;
  /** For transitions and sets: the action name. */
  readonly action?: string;
  /** For a set (`POST /flags/{id}/enable`): the yes/no field the service sets, with no body. */
  readonly sets?: FieldSetting;
  /** For a balance (`GET /invoices/{id}/balance`): the fields it is worked out from. */
  readonly balance?: BalanceParts;
  /** For a redirect (`GET /links/{id}/visit`): the declared field holding the http(s) URL answered as Location. */
  readonly redirectsTo?: string;
  /** For a create or list under a parent (`POST /tickets/{id}/comments`): the parent resource's name. */
  readonly parent?: string;
  /** Statuses the operation is refused from (`cancel an order that has not shipped` → `shipped`). */
  readonly refusedFrom: readonly string[];
  /** The only statuses the operation acts in (`delete a closed ticket` → `closed`); empty for any. */
  readonly onlyIn: readonly string[];
  /** The field set to the caller's identity (`assign a ticket to myself` → `assignee`). */
  readonly callerField?: string;
  /**
   * For a delete: the collections of items made under this one that refuse it (409) while any exists
   * (`Deleting a warehouse is not allowed while it has bins.` → `bins`).
   */
  readonly refusedWhileHas?: readonly string[];
  /**
   * For an update: yes/no values the body may not set on an item in some statuses (`Archived flags
   * cannot be enabled.` → PATCH refuses `enabled: true` on an archived flag, 409), as the set routes
   * refuse the same flip there.
   */
  readonly refusedValues?: readonly RefusedValue[];
  /**
   * For a move that records the caller (`assign a ticket to myself`) whose status the description's
   * list of statuses does not have: it sets the caller field and keeps the item's status.
   */
  readonly keepsStatus?: true;
  /**
   * For moves: declared fields the body must give and the move records (`reject a claim with a
   * reason` → `reason`); a move without one of them answers 400 and changes nothing.
   */
  readonly records: readonly string[];
  /** For lists: the query parameters that filter it (`list open tickets` → `status`); the owner filter is the resource's. */
  readonly filters: readonly ListFilter[];
  /** Roles the caller must hold (`As an admin I can delete a ticket` → `admin`); empty when anyone may call. */
  readonly roles: readonly string[];
  /** As API Gateway sends it: `POST /orders/{id}/cancel`. */
  readonly routeKey: string;
  /** Template logical ID: `RoutePostOrdersIdCancel`. */
  readonly logicalId: string;
  readonly stories: readonly ParsedStory[];
}

/** The application's one model: every route acts on these resources, and the tests prove the routes connect. */
export interface ResourceModel {
  readonly resources: readonly Resource[];
  readonly operations: readonly Operation[];
  /** Every story, parsed; those without an operation or event are not covered. */
  readonly stories: readonly ParsedStory[];
  /** Stories that asked for status events rather than a route. */
  readonly eventStories: readonly StoryIntent[];
  /** Stories that asked for people to be told when something happens to an item (published to the notification topic). */
  readonly notices: readonly NoticeAsk[];
  /** Fields description sentences gave resources (`each ticket has an assignee`). */
  readonly descriptionFields: readonly DescriptionFields[];
  /** What the description forbids doing to a resource (`Entries can never be changed or deleted.`). */
  readonly prohibitions: readonly ProhibitedChange[];
  /** Moves the description refuses in some statuses (`A retired laptop cannot be assigned.`): guarded, 409. */
  readonly refusedMoves: readonly RefusedMove[];
}

/**
 * A clause refusing a status move of a resource's items in some statuses (`A retired laptop cannot
 * be assigned.`): the move's route answers 409 for an item in them and leaves it as it was.
 */
export interface RefusedMove {
  /** The resource's name. */
  readonly resource: string;
  /** The moves refused (`assign`), each a transition of the resource. */
  readonly actions: readonly string[];
  /** The statuses the clause refuses them in (`retired`). */
  readonly inStatuses: readonly string[];
  /** The clause's words, which ask for it. */
  readonly words: readonly string[];
}

/** A yes/no value an update refuses (409) in some statuses, from a prohibition of a flip. */
export interface RefusedValue {
  /** The declared yes/no field (`enabled`). */
  readonly field: string;
  /** The value refused; absent: any change of the field (`cannot be toggled`). */
  readonly value?: boolean;
  /** The statuses it is refused in; absent: every status. */
  readonly inStatuses?: readonly string[];
}

/** A clause forbidding a change or a delete of a resource's items: met by the routes the service lacks. */
export interface ProhibitedChange {
  /** The resource's name. */
  readonly resource: string;
  /** It forbids changing an item (a PATCH, a PUT or a status move). */
  readonly changes: boolean;
  /** It forbids deleting one. */
  readonly deletes: boolean;
  /**
   * The yes/no participle it forbids (`Archived flags cannot be enabled.` → `enabled`): the routes
   * that set or flip a yes/no field (`POST /flags/{id}/toggle`) are refused in its statuses.
   */
  readonly flips?: string;
  /**
   * The statuses the clause forbids it in (`A canceled subscription cannot be changed.` →
   * `canceled`): the routes refuse it (409) in those only. Absent: forbidden in every status.
   */
  readonly inStatuses?: readonly string[];
  /** The clause's words, which ask for it. */
  readonly words: readonly string[];
  /** The clause as written, safe for prose only. */
  readonly text: string;
}
