/** The details text of a status: `details` and each note, in order, blank-line separated; none: no `details`. */
export function detailsWith(
  details: string | undefined,
  notes: readonly (string | undefined)[],
): { details?: string } {
  const parts = [details, ...notes].filter((part): part is string => part !== undefined && part !== '');
  return parts.length === 0 ? {} : { details: parts.join('\n\n') };
}
