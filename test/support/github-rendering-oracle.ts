import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toText } from 'hast-util-to-text';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { stripInvisibleCharacters } from '../../src/core/untrusted/invisible-characters.js';

/**
 * The test oracle for "what a reader sees" (issue #7): the text rendered to HTML by micromark
 * (CommonMark + GFM, raw HTML passed through, as GitHub's cmark-gfm does), sanitized with
 * `hast-util-sanitize`'s default schema — which follows GitHub's — and read as text. A different
 * markdown parser from production's, so the two check each other. Small inputs only: micromark is
 * not linear on adversarial input.
 */
export function renderedText(markdown: string): string {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return toText(sanitize(fromHtml(html, { fragment: true })));
}

/** The words (letters and digits) of a text, for comparing renderings that differ in layout. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Words of `kept` that GitHub does not show in `markdown`: each word must occur in the rendered
 * text with its spacing and punctuation taken out, so layout differences (a code span's backticks,
 * a line break between blocks) do not count, but any text taken from a hidden place does. List
 * numbers, which the browser draws and the oracle's text lacks, are left out of `kept` first.
 */
export function wordsGitHubHides(kept: string, markdown: string): string[] {
  // Invisible characters are invisible in both; the oracle keeps them, so they are taken out of it too.
  const shown = wordsOf(stripInvisibleCharacters(renderedText(markdown)).text).join('');
  return wordsOf(kept.replace(/^[ >]*\d{1,9}[.)](?= |$)/gm, '')).filter((word) => !shown.includes(word));
}
