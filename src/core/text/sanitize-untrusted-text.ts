import { HTML_ELEMENT_NAMES } from './html-element-names.js';
import { mergeRemovedContent, type RemovedContent, type RemovedContentKind } from './removed-content.js';

export interface SanitizedText {
  readonly text: string;
  readonly removed: readonly RemovedContent[];
}

/*
 * The threat is text a reviewer cannot see on GitHub but a model would read: comments, invisible and
 * direction-changing characters, collapsed or hidden markup, image alt text. Removing too much is
 * acceptable; leaving hidden text in is not.
 */
// U+034F (combining grapheme joiner) sits outside the class: a combining mark inside one misleads readers and linters.
const INVISIBLE =
  '[\\u00AD\\u115F\\u1160\\u180E\\u200B-\\u200D\\u2060-\\u2064\\u3164\\uFEFF\\uFFA0\\u{E0000}-\\u{E007F}]|\\u034F';
const DIRECTION = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const INVISIBLE_CHARACTERS = new RegExp(INVISIBLE, 'gu');
const DIRECTION_CHARACTERS = new RegExp(`[${DIRECTION}]`, 'gu');
const IS_INVISIBLE = new RegExp(`^(?:${INVISIBLE})$`, 'u');
const IS_DIRECTION = new RegExp(`^[${DIRECTION}]$`, 'u');
const NAMED_INVISIBLE_ENTITY = /&(?:zwj|zwnj|shy|ZeroWidthSpace|NoBreak|InvisibleTimes|InvisibleComma);/g;
const NAMED_DIRECTION_ENTITY = /&(?:lrm|rlm);/g;
const NUMERIC_ENTITY = /&#(?:x([0-9a-f]{1,6})|(\d{1,7}));?/gi;

/** Comments, unterminated ones, and `<!…>` / `<?…>`, which browsers also treat as comments. */
const COMMENT = /<!--[\s\S]*?(?:--!?>|$(?![\s\S]))|<[!?][^>]*(?:>|$(?![\s\S]))/g;
const HIDDEN_ELEMENTS = new Set(['details', 'summary']);
const HIDDEN_ATTRIBUTE =
  /(?:^|\s)(?:hidden\b|aria-hidden\s*=\s*["']?true)|style\s*=\s*["'][^"']*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0)/i;
const EMBEDDED_ELEMENTS = new Set(
  'script style svg math picture template iframe object video audio noscript textarea select canvas title'.split(
    ' ',
  ),
);
const EMBEDDED_VOID = /<(?:img|image|embed|source|track|input|link|meta|base|area|param)\b[^>]*>?/gi;
const OPEN_TAG = /<([a-z][a-z0-9-]*)\b([^>]*)>/gi;
const ATTRIBUTES = `(?:\\s+[^\\s"'<>/=]+(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'=<>\`]+))?)*\\s*\\/?`;
const TAG = new RegExp(`<(\\/?)([a-z][a-z0-9-]*)(${ATTRIBUTES})>`, 'gi');
const MARKDOWN_IMAGE = /!\[(?:[^[\]\\]|\\.|\[[^[\]]*\])*\](?:\((?:[^()\\]|\\.|\([^()]*\))*\)|\[[^\]]*\])/g;
/** `[ref]: url "title"` renders as nothing at all. */
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm;
const CODE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|$(?![\s\S]))|(`+)[^`\n]+?\2/gm;
const MAX_PASSES = 4;

type Counts = Map<RemovedContentKind, number>;

function count(counts: Counts, kind: RemovedContentKind, by = 1): void {
  counts.set(kind, (counts.get(kind) ?? 0) + by);
}

function removeAll(params: {
  text: string;
  pattern: RegExp;
  kind: RemovedContentKind;
  counts: Counts;
}): string {
  let text = params.text;
  for (;;) {
    let removedThisRound = 0;
    text = text.replace(params.pattern, () => {
      removedThisRound += 1;
      return '';
    });
    if (removedThisRound === 0) return text;
    count(params.counts, params.kind, removedThisRound);
  }
}

function removeEncodedInvisibles(text: string, counts: Counts): string {
  return text.replace(NUMERIC_ENTITY, (entity, hex: string | undefined, decimal: string | undefined) => {
    const codePoint = hex === undefined ? Number(decimal) : Number.parseInt(hex, 16);
    const character = String.fromCodePoint(Math.min(codePoint, 0x10ffff));
    const kind = IS_DIRECTION.test(character)
      ? 'direction-control'
      : IS_INVISIBLE.test(character)
        ? 'invisible-character'
        : undefined;
    if (kind === undefined) return entity;
    count(counts, kind);
    return '';
  });
}

/** Where the element opened before `from` closes, counting nested elements of the same name; unclosed runs to the end. */
function findElementEnd(text: string, name: string, from: number): number {
  const tags = new RegExp(`<(\\/?)${name}\\b[^>]*?(\\/?)>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let tag = tags.exec(text); tag; tag = tags.exec(text)) {
    if (tag[1] === '/') depth -= 1;
    else if (tag[2] !== '/') depth += 1;
    if (depth === 0) return tag.index + tag[0].length;
  }
  return text.length;
}

function removeElements(params: {
  text: string;
  shouldRemove: (name: string, attributes: string) => boolean;
  kind: RemovedContentKind;
  counts: Counts;
}): string {
  let text = params.text;
  const openTag = new RegExp(OPEN_TAG);
  for (let open = openTag.exec(text); open; open = openTag.exec(text)) {
    const [tag, name = '', attributes = ''] = open;
    if (!params.shouldRemove(name.toLowerCase(), attributes)) continue;
    const end = attributes.endsWith('/')
      ? open.index + tag.length
      : findElementEnd(text, name, open.index + tag.length);
    text = text.slice(0, open.index) + text.slice(end);
    openTag.lastIndex = open.index;
    count(params.counts, params.kind);
  }
  return text;
}

/** Runs `transform` on prose only: code blocks and spans show their text literally, so tags there hide nothing. */
function outsideCode(text: string, transform: (prose: string) => string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(CODE)) {
    result += transform(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + transform(text.slice(last));
}

/** Drops tags and keeps their text; a bare `<Word>` that is no HTML element (a generic type) stays. */
function stripTags(prose: string, counts: Counts): string {
  return prose.replace(TAG, (tag, _slash: string, name: string, attributes: string) => {
    const isElement = HTML_ELEMENT_NAMES.has(name.toLowerCase());
    if (!isElement && attributes.replace(/[\s/]/g, '') === '') return tag;
    count(counts, 'html-tag');
    return name.toLowerCase() === 'br' ? '\n' : '';
  });
}

function collapseBlankLines(text: string): string {
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function sanitizeOnce(input: string, counts: Counts): string {
  let text = input.replace(/\r\n?/g, '\n');
  text = removeAll({ text, pattern: DIRECTION_CHARACTERS, kind: 'direction-control', counts });
  text = removeAll({ text, pattern: INVISIBLE_CHARACTERS, kind: 'invisible-character', counts });
  text = removeAll({ text, pattern: NAMED_DIRECTION_ENTITY, kind: 'direction-control', counts });
  text = removeAll({ text, pattern: NAMED_INVISIBLE_ENTITY, kind: 'invisible-character', counts });
  text = removeEncodedInvisibles(text, counts);
  text = removeAll({ text, pattern: COMMENT, kind: 'html-comment', counts });
  text = removeElements({
    text,
    shouldRemove: (name) => HIDDEN_ELEMENTS.has(name),
    kind: 'hidden-block',
    counts,
  });
  text = removeElements({
    text,
    shouldRemove: (_name, attributes) => HIDDEN_ATTRIBUTE.test(attributes),
    kind: 'hidden-block',
    counts,
  });
  text = removeAll({ text, pattern: LINK_DEFINITION, kind: 'hidden-block', counts });
  text = removeElements({
    text,
    shouldRemove: (name) => EMBEDDED_ELEMENTS.has(name),
    kind: 'embedded-content',
    counts,
  });
  text = removeAll({ text, pattern: EMBEDDED_VOID, kind: 'embedded-content', counts });
  text = outsideCode(text, (prose) =>
    stripTags(removeAll({ text: prose, pattern: MARKDOWN_IMAGE, kind: 'markdown-image', counts }), counts),
  );
  return collapseBlankLines(text);
}

/**
 * Cleans issue text before it can reach a model prompt (DESIGN §5 "Issue text is untrusted").
 * Repeats until nothing changes, so removing one construct cannot assemble another (`<<b></b>!-- … -->`).
 */
export function sanitizeUntrustedText(input: string): SanitizedText {
  const counts: Counts = new Map();
  let text = input;
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const next = sanitizeOnce(text, counts);
    if (next === text) break;
    text = next;
  }
  const removed = [...counts].map(([kind, total]) => ({ kind, count: total }));
  return { text, removed: mergeRemovedContent([removed]) };
}
