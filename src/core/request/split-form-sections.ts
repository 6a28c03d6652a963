import type { VisibleBlock } from '../untrusted/markdown/read-markdown-blocks.js';

/** GitHub renders each issue-form field as a `### <label>` heading followed by the value. */
const FORM_HEADING_LEVEL = 3;

export interface FormSectionField {
  /** The label GitHub renders as the field's `### <label>` heading. */
  readonly label: string;
  /**
   * A dropdown or one-line input: GitHub renders its value as one block (none when it is hidden),
   * so the next field's heading follows its own within two blocks. A textarea's value may hold
   * anything, headings included.
   */
  readonly singleBlock: boolean;
}

/**
 * Splits the blocks GitHub renders from an issue form into `label → the blocks of its value`.
 * Fields are matched in the form's own order, from the last back, each before the next field's
 * heading: a one-block field's heading is the one just before its value; a textarea's is the last
 * heading with its label that comes right after the previous field's short section (or starts the
 * body), else the last one. So a heading typed inside a value stays part of the value, whichever
 * label it repeats — the next field's (`### User stories` in the Description) or its own
 * (`### Description` in the Description). A field whose heading is missing is absent. Linear in the
 * blocks (one pass to index the headings, one backward pass over the fields).
 */
export function splitFormSections(
  blocks: readonly VisibleBlock[],
  fields: readonly FormSectionField[],
): Map<string, VisibleBlock[]> {
  const position = new Map(fields.map((field, index) => [field.label.toLowerCase(), index]));
  /** The form position of the field each form heading names, by block index. */
  const headings = new Map<number, number>();
  const headingsByField = fields.map((): number[] => []);
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading' || block.level !== FORM_HEADING_LEVEL) return;
    const field = position.get(block.title.trim().toLowerCase());
    if (field === undefined) return;
    headings.set(index, field);
    headingsByField[field]?.push(index);
  });
  const starts: [label: string, index: number][] = [];
  let before = blocks.length;
  for (let field = fields.length - 1; field >= 0; field -= 1) {
    const candidates = headingsByField[field] ?? [];
    const isCandidate = (index: number): boolean => index >= 0 && headings.get(index) === field;
    /** Right after the short section of an earlier field, or at the start of the body. */
    const follows = (index: number): boolean =>
      index === 0 || [index - 1, index - 2].some((at) => (headings.get(at) ?? field) < field);
    const index = fields[field]?.singleBlock
      ? [before - 2, before - 1].find(isCandidate)
      : lastBelow(candidates, before, follows);
    const start = index ?? lastBelow(candidates, before, () => true);
    if (start === undefined) continue;
    starts.unshift([fields[field]?.label ?? '', start]);
    before = start;
  }
  const sections = new Map<string, VisibleBlock[]>();
  starts.forEach(([label, start], at) => {
    const end = starts[at + 1]?.[1] ?? blocks.length;
    sections.set(label, blocks.slice(start + 1, end));
  });
  return sections;
}

/** The largest index below `limit` in an ascending list that passes `test`. */
function lastBelow(
  ascending: readonly number[],
  limit: number,
  test: (index: number) => boolean,
): number | undefined {
  for (let at = ascending.length - 1; at >= 0; at -= 1) {
    const index = ascending[at];
    if (index !== undefined && index < limit && test(index)) return index;
  }
  return undefined;
}
