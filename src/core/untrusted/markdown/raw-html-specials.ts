import type { MarkdownIt, StateInline } from 'markdown-it';

/** CommonMark 0.31.2 §6.6: the raw HTML that is not a tag, each ended by the first terminator after its opener. */
const SPECIALS = [
  { opener: '<![CDATA[', terminator: ']]>' },
  { opener: '<!--', terminator: '-->' },
  { opener: '<?', terminator: '?>' },
] as const;
type Terminator = (typeof SPECIALS)[number]['terminator'] | '>';

interface Scans {
  /** Per terminator, the first offset after which it is known not to occur. */
  readonly absentFrom: Map<Terminator, number>;
  /** Per opener offset, where its raw HTML ends (-1: it is not raw HTML). */
  readonly ends: Map<number, number>;
}

const scansOf = new WeakMap<StateInline, Scans>();

/**
 * Mends markdown-it 15.0.3's inline raw HTML rule for comments, processing instructions,
 * declarations and CDATA. After one of them fails to find its terminator, markdown-it refuses
 * every later one in the same paragraph (a single `skipHtmlSpecial` flag), and a link's look-ahead
 * can set that flag before earlier text is read: `a <? b <!-- hidden --> c` rendered the comment
 * as text, while GitHub (cmark-gfm), the CommonMark specification and micromark hide it. Here each
 * opener is judged on its own. Still linear: what is known about a terminator's absence is kept
 * per terminator, and each opener's answer per offset. Tags stay with markdown-it's own rule.
 */
export function rawHtmlSpecials(reader: MarkdownIt): void {
  reader.inline.ruler.before('html_inline', 'html_inline_special', (state, silent) => {
    const { src, pos } = state;
    if (!reader.options.html || src.charCodeAt(pos) !== 0x3c || pos + 2 >= state.posMax) return false;
    const next = src[pos + 1];
    if (next !== '!' && next !== '?') return false;
    const end = specialEnd(state, pos);
    if (end < 0) return false;
    if (!silent) state.push('html_inline', '', 0).content = src.slice(pos, end);
    state.pos = end;
    return true;
  });
}

function specialEnd(state: StateInline, pos: number): number {
  const scans = scansOf.get(state) ?? { absentFrom: new Map(), ends: new Map() };
  scansOf.set(state, scans);
  const known = scans.ends.get(pos);
  if (known !== undefined) return known;
  const end = scan(state.src, pos, scans.absentFrom);
  scans.ends.set(pos, end);
  return end;
}

function scan(src: string, pos: number, absentFrom: Map<Terminator, number>): number {
  if (src.startsWith('<!-->', pos)) return pos + 5;
  if (src.startsWith('<!--->', pos)) return pos + 6;
  const special = SPECIALS.find(({ opener }) => src.startsWith(opener, pos));
  const isDeclaration = special === undefined && src[pos + 1] === '!' && /[A-Za-z]/.test(src[pos + 2] ?? '');
  if (special === undefined && !isDeclaration) return -1;
  const terminator: Terminator = special?.terminator ?? '>';
  const start = pos + (special?.opener.length ?? 3);
  const absent = absentFrom.get(terminator) ?? src.length + 1;
  if (start >= absent) return -1;
  // Only the part before where the terminator is known to be absent is searched.
  const found = src.slice(start, absent + terminator.length - 1).indexOf(terminator);
  if (found < 0) {
    absentFrom.set(terminator, start);
    return -1;
  }
  return start + found + terminator.length;
}
