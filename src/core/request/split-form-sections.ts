const HEADING = /^###[ \t]+(.+?)[ \t]*$/;

/**
 * Splits the markdown GitHub renders from an issue form into `label → section text`.
 * Only headings that name a form field (each once) start a section, so a `### Background`
 * heading a requester writes inside the description stays part of the description.
 */
export function splitFormSections(markdown: string, labels: readonly string[]): Map<string, string> {
  const byLowerCase = new Map(labels.map((label) => [label.toLowerCase(), label]));
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of markdown.split(/\r\n?|\n/)) {
    const label = byLowerCase.get(HEADING.exec(line)?.[1]?.toLowerCase() ?? '');
    if (label !== undefined && !sections.has(label)) {
      current = [];
      sections.set(label, current);
    } else {
      current?.push(line);
    }
  }
  return new Map([...sections].map(([label, lines]) => [label, lines.join('\n').trim()]));
}
