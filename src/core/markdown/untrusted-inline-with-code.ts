import { codeSpan } from './code-span.js';
import { escapeInlineText } from './escape-inline-text.js';

/**
 * Untrusted prose that may use inline code (the model's summary, plan steps and risk notes, from
 * Bedrock or the offline blueprints) for the inside of a line. The one rule: text between two
 * equal runs of backticks becomes a real code span, as CommonMark reads it (§6.1: line breaks
 * inside become spaces, one space is stripped from each end when both ends have one); everything
 * else is shown literally as by `untrustedInline`. So `` `POST /orders` `` renders as code, while
 * emphasis, links, HTML and mentions in the same text do not render. A backtick run without its
 * match stays a literal backtick. `inTableCell` escapes pipes inside the code spans too.
 */
export function untrustedInlineWithCode(
  text: string,
  options: { readonly inTableCell?: boolean } = {},
): string {
  const source = text.trim();
  const runs = [...source.matchAll(/`+/g)].map((run) => ({ start: run.index, length: run[0].length }));
  // For each run length, the runs in order and how far the search for a closer has got.
  const byLength = new Map<number, { positions: number[]; next: number }>();
  runs.forEach((run, index) => {
    const entry = byLength.get(run.length) ?? { positions: [], next: 0 };
    entry.positions.push(index);
    byLength.set(run.length, entry);
  });

  const out: string[] = [];
  let textStart = 0;
  for (let index = 0; index < runs.length; index++) {
    const open = runs[index];
    const entry = open === undefined ? undefined : byLength.get(open.length);
    if (open === undefined || entry === undefined) continue;
    while (entry.next < entry.positions.length && (entry.positions[entry.next] ?? 0) <= index) entry.next++;
    const closeIndex = entry.positions[entry.next];
    const close = closeIndex === undefined ? undefined : runs[closeIndex];
    if (closeIndex === undefined || close === undefined) continue;
    out.push(escapeInlineText({ text: source.slice(textStart, open.start), atLineStart: textStart === 0 }));
    out.push(codeSpan(codeContent(source.slice(open.start + open.length, close.start)), options));
    textStart = close.start + close.length;
    index = closeIndex;
  }
  out.push(escapeInlineText({ text: source.slice(textStart), atLineStart: textStart === 0 }));
  return out.join('');
}

function codeContent(raw: string): string {
  const flat = raw.replace(/\r\n?|\n/g, ' ');
  return flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '' ? flat.slice(1, -1) : flat;
}
