import type { VisibleBlock } from '../untrusted/markdown/read-markdown-blocks.js';

/** GitHub renders each issue-form field as a `### <label>` heading followed by the value. */
const FORM_HEADING_LEVEL = 3;

/**
 * Splits the blocks GitHub renders from an issue form into `label → the blocks of its value`.
 * Labels are matched in the form's own order, from the last field back: each field's heading is
 * the last one with its label before the next field's heading. So a `### User stories` (or any
 * other label) written inside the Description stays part of the Description, whichever label it
 * repeats and wherever it stands; a field whose heading is missing is absent. Linear in the blocks
 * (one pass to index the headings, one backward pass over the labels).
 */
export function splitFormSections(
  blocks: readonly VisibleBlock[],
  labels: readonly string[],
): Map<string, VisibleBlock[]> {
  const headingsByLabel = new Map<string, number[]>();
  const byLowerCase = new Map(labels.map((label) => [label.toLowerCase(), label]));
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading' || block.level !== FORM_HEADING_LEVEL) return;
    const label = byLowerCase.get(block.title.trim().toLowerCase());
    if (label === undefined) return;
    const indexes = headingsByLabel.get(label) ?? [];
    indexes.push(index);
    headingsByLabel.set(label, indexes);
  });
  const starts: [label: string, index: number][] = [];
  let before = blocks.length;
  for (const label of [...labels].reverse()) {
    const candidates = headingsByLabel.get(label) ?? [];
    const index = lastBelow(candidates, before);
    if (index === undefined) continue;
    starts.unshift([label, index]);
    before = index;
  }
  const sections = new Map<string, VisibleBlock[]>();
  starts.forEach(([label, start], position) => {
    const end = starts[position + 1]?.[1] ?? blocks.length;
    sections.set(label, blocks.slice(start + 1, end));
  });
  return sections;
}

/** The largest index below `limit` in an ascending list. */
function lastBelow(ascending: readonly number[], limit: number): number | undefined {
  for (let position = ascending.length - 1; position >= 0; position -= 1) {
    const index = ascending[position];
    if (index !== undefined && index < limit) return index;
  }
  return undefined;
}
