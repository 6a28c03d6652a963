import { parseTemplate } from '../cfn/parse-template.js';
import { withScalarsAsWritten } from './scalars-as-written.js';
import { embeddedJsonSpans } from './embedded-json-spans.js';

/** What a text must hold for a template quoted in it to assemble a value from literals. */
export const INTRINSIC_IN_TEXT = /Fn::(?:Sub|Join|Select)|!(?:Sub|Join|Select)\b/;

/** The documents of a text, or that their search could not finish within its bound. */
export interface TextDocuments {
  readonly values: unknown[];
  /** False when the JSON search stopped at its bound: the caller must treat the text as not checked. */
  readonly complete: boolean;
}

/**
 * The templates quoted in a plain text (a README, a `.txt`, a log) that CloudFormation would
 * evaluate: none unless the text holds an intrinsic that assembles literals (INTRINSIC_IN_TEXT);
 * else the whole text and each fenced code block read as YAML or JSON (`parseTemplate`, bounded),
 * and, with `json`, each JSON document written inside it (`embeddedJsonSpans`, bounded). Pure; the
 * text is read a bounded number of times.
 */
export function intrinsicDocumentsInText(text: string, options: { json: boolean }): TextDocuments {
  if (!INTRINSIC_IN_TEXT.test(text)) return { values: [], complete: true };
  const values: unknown[] = [];
  for (const block of [text, ...fencedBlocks(text)]) {
    if (!INTRINSIC_IN_TEXT.test(block)) continue;
    const parsed = parseTemplate(block);
    if (parsed.ok && parsed.template !== null && typeof parsed.template === 'object')
      values.push(withScalarsAsWritten(block, parsed.template));
  }
  if (!options.json) return { values, complete: true };
  const search = embeddedJsonSpans(text);
  values.push(...search.documents.map(({ value }) => value));
  return { values, complete: search.complete };
}

/** The insides of a text's fenced code blocks (a line opening with ``` or ~~~ to the next such line), in order; they do not overlap, so parsing them all reads the text once. */
function fencedBlocks(text: string): string[] {
  const blocks: string[] = [];
  const fence = /^[ \t]{0,3}(```|~~~)[^\n]*$/gm;
  let open: { end: number; mark: string } | undefined;
  for (const match of text.matchAll(fence)) {
    const mark = match[1] ?? '';
    if (open === undefined) open = { end: match.index + match[0].length + 1, mark };
    else if (mark === open.mark) {
      blocks.push(text.slice(open.end, match.index));
      open = undefined;
    }
  }
  return blocks;
}
