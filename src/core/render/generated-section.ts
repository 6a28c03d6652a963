/** The comments around a generated part of a markdown file, e.g. `<!-- generated:action-io … -->`. */
function markers(name: string): { start: string; end: string } {
  return {
    start: `<!-- generated:${name} (npm run docs writes this part; do not edit it by hand) -->`,
    end: `<!-- end generated:${name} -->`,
  };
}

/** The text between a generated section's markers, or undefined when the markers are missing. */
export function readGeneratedSection(document: string, name: string): string | undefined {
  const { start, end } = markers(name);
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 || to < from) return undefined;
  return document
    .slice(from + start.length, to)
    .replace(/^\n/, '')
    .replace(/\n$/, '');
}

/** `document` with the generated section `name` holding `content`; throws when the markers are missing. */
export function replaceGeneratedSection(document: string, name: string, content: string): string {
  const { start, end } = markers(name);
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 || to < from)
    throw new Error(`No generated section "${name}": add the lines\n${start}\n${end}`);
  return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`;
}
