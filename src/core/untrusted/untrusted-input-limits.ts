/**
 * Bounds every parser of untrusted text checks before it does any expensive work (DESIGN §5b).
 * A text or value over a bound is refused with an answer; it is never parsed.
 */

/**
 * GitHub refuses issue bodies, comments and pull request bodies longer than 65,536 characters
 * ("body is too long (maximum is 65536 characters)", REST API validation error), so nothing a
 * person writes on GitHub is longer. Counted in UTF-16 code units (JavaScript's `length`), which is
 * never fewer than the characters GitHub counts.
 */
export const MAX_UNTRUSTED_TEXT_LENGTH = 65_536;

/**
 * Objects and lists nested deeper than this are refused. A request needs four levels; the
 * margin is for the free-form context upstream systems attach.
 */
export const MAX_NESTING_DEPTH = 32;

/** Values (objects, lists, strings, numbers…) in one parsed document; a request has a few dozen. */
export const MAX_VALUE_COUNT = 5_000;
