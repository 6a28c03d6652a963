// eslint-disable-next-line no-control-regex -- finding control characters is the point
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Untrusted text made fit for one line of prose or a code comment: no line breaks (including
 * U+2028/U+2029, which end a `//` comment in JavaScript), no control characters, and no `*\/`,
 * which would close a block comment. Removal repeats because deleting one `*\/` can join another.
 */
export function commentSafe(text: string, maxLength = 160): string {
  let safe = text.replace(LINE_BREAKS_AND_CONTROLS, ' ');
  while (safe.includes('*/')) safe = safe.replaceAll('*/', '');
  safe = safe.replace(/\s+/g, ' ').trim();
  return safe.length > maxLength ? `${safe.slice(0, maxLength - 1).trimEnd()}…` : safe;
}
