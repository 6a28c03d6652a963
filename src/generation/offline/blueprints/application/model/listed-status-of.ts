/**
 * Statuses a lifecycle lists under a word of its own (`Rentals are reserved, out, returned or
 * cancelled.`): a move to any of these sets the listed word, `hand over a kayak` → `out`.
 */
const LISTED_AS: Readonly<Record<string, readonly string[]>> = {
  out: ['handed_over', 'checked_out', 'lent', 'loaned', 'rented', 'hired', 'borrowed', 'issued'],
};
/** The fewest letters a listed status shares with a participle to be its stem (`void` → `voided`). */
const STEM = 4;

/**
 * The name a listed lifecycle gives the status a move sets: the status itself (`sent`), the verb
 * (`void` where `void` is listed), a listed stem of it (`voided` → `void`), or the listed word it
 * goes by (`handed_over` → `out`). Undefined when the lifecycle lists none of these (or is empty).
 * `status` is snake_case (`checked_in`), `verb` the move's action (`void`, `check-in`).
 */
export function listedStatusOf(
  status: string,
  verb: string,
  lifecycle: readonly string[],
): string | undefined {
  if (lifecycle.includes(status)) return status;
  return (
    lifecycle.find((listed) => listed === verb) ??
    lifecycle.find((listed) => listed.length >= STEM && status.startsWith(listed)) ??
    lifecycle.find((listed) => Object.hasOwn(LISTED_AS, listed) && LISTED_AS[listed]?.includes(status))
  );
}
