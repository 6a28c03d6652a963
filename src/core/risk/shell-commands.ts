/**
 * One word of a shell command: `text` with quotes and escapes taken off (what the program receives
 * when nothing expands), `raw` as written, and whether the shell would rewrite it before the program
 * sees it (`expands`: a `$` parameter or command substitution, a backtick, or an unquoted glob
 * character `*`, `?`, `[`), so its final value is not known from the script.
 */
export interface ShellWord {
  readonly text: string;
  readonly raw: string;
  readonly expands: boolean;
}

/** Characters that end a command outside quotes: `&&`, `||`, `;`, `|`, `&`, a line break, a subshell's parentheses. */
const COMMAND_END = new Set([';', '&', '|', '\n', '(', ')']);
/** Characters that make the shell expand a word (POSIX Shell Command Language, 2.6 "Word Expansions", 2.13 "Pattern Matching"). */
const GLOB = new Set(['*', '?', '[']);

/**
 * The commands of a shell script as npm runs it (`sh -c`, npm Docs "scripts"), each as its words,
 * read by the POSIX Shell Command Language's quoting rules (2.2 "Quoting"): `'…'` is literal;
 * `"…"` is literal but for `\` before `"`, `\`, `$` or a backtick, and `$`/backticks in it expand;
 * an unquoted `\` keeps the next character (a line continuation is dropped); `#` at a word's start
 * begins a comment to the line's end. A `$(…)`, `${…}` or backtick substitution stays inside its
 * word (parentheses counted, bounded by the text). Commands end at `COMMAND_END` outside quotes and
 * substitutions. An unterminated quote runs to the end. Linear in the text; pure; never throws.
 */
export function shellCommands(script: string): ShellWord[][] {
  const commands: ShellWord[][] = [];
  let words: ShellWord[] = [];
  let text = '';
  let start = -1;
  let expands = false;
  const endWord = (at: number): void => {
    if (start >= 0) words.push({ text, raw: script.slice(start, at), expands });
    text = '';
    start = -1;
    expands = false;
  };
  const endCommand = (at: number): void => {
    endWord(at);
    if (words.length > 0) commands.push(words);
    words = [];
  };
  let at = 0;
  while (at < script.length) {
    const char = script[at] ?? '';
    if (char === ' ' || char === '\t' || char === '\r') {
      endWord(at);
      at += 1;
      continue;
    }
    if (COMMAND_END.has(char)) {
      endCommand(at);
      at += 1;
      continue;
    }
    if (start < 0 && char === '#') {
      at = endOf(script.indexOf('\n', at), script);
      continue;
    }
    if (start < 0) start = at;
    if (char === "'") {
      const close = endOf(script.indexOf("'", at + 1), script);
      text += script.slice(at + 1, close);
      at = close + 1;
    } else if (char === '"') {
      at = readDoubleQuoted(script, at + 1, (part, expanding) => {
        text += part;
        expands ||= expanding;
      });
    } else if (char === '\\') {
      const next = script[at + 1] ?? '';
      if (next !== '\n') text += next;
      // A line continuation alone is no word (`--project \⏎ build.json`).
      else if (start === at) start = -1;
      at += 2;
    } else if (char === '$' || char === '`') {
      const end = substitutionEnd(script, at);
      text += script.slice(at, end);
      expands = true;
      at = end;
    } else {
      if (GLOB.has(char)) expands = true;
      text += char;
      at += 1;
    }
  }
  endCommand(script.length);
  return commands;
}

/**
 * The scripts inside a word's command substitutions (`$(…)`, backticks), also inside a parameter
 * expansion (`${X:-$(tsc -p x)}`), read from its `raw` text outside single quotes (in double quotes
 * they still run): the shell runs them as commands of their own. Outermost only (read each with
 * `shellCommands`, whose words give the nested ones). Pure.
 */
export function substitutionScripts(raw: string): string[] {
  const scripts: string[] = [];
  let inDouble = false;
  let at = 0;
  while (at < raw.length) {
    const char = raw[at] ?? '';
    if (char === "'" && !inDouble) at = endOf(raw.indexOf("'", at + 1), raw) + 1;
    else if (char === '\\') at += 2;
    else if (char === '"') {
      inDouble = !inDouble;
      at += 1;
    } else if (char === '`' || (char === '$' && /[({]/.test(raw[at + 1] ?? ''))) {
      const end = substitutionEnd(raw, at);
      const inner = raw.slice(at + (char === '`' ? 1 : 2), Math.max(at + 1, end - 1));
      // A parameter expansion is no script; the substitutions inside it are.
      if (raw[at + 1] === '{') scripts.push(...substitutionScripts(inner));
      else scripts.push(inner);
      at = end;
    } else at += 1;
  }
  return scripts;
}

/** Reads a `"…"` from just after its opening quote; returns where reading goes on. */
function readDoubleQuoted(
  script: string,
  from: number,
  take: (part: string, expands: boolean) => void,
): number {
  let at = from;
  while (at < script.length) {
    const char = script[at] ?? '';
    if (char === '"') return at + 1;
    if (char === '\\' && /["\\$`\n]/.test(script[at + 1] ?? '')) {
      if (script[at + 1] !== '\n') take(script[at + 1] ?? '', false);
      at += 2;
    } else if (char === '$' || char === '`') {
      const end = substitutionEnd(script, at);
      take(script.slice(at, end), true);
      at = end;
    } else {
      take(char, false);
      at += 1;
    }
  }
  return at;
}

/**
 * Where a `$…` or backtick substitution starting at `at` ends: a backtick's closing backtick; a
 * `$(`/`${`'s matching bracket (counted, quotes inside skipped); a `$name`'s last name character.
 */
function substitutionEnd(script: string, at: number): number {
  if (script[at] === '`') return endOf(script.indexOf('`', at + 1), script) + 1;
  const open = script[at + 1] ?? '';
  if (open !== '(' && open !== '{') {
    const name = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9@*#?$!-]/.exec(script.slice(at + 1, at + 256));
    return at + 1 + (name?.[0].length ?? 0);
  }
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  let index = at + 1;
  while (index < script.length) {
    const char = script[index] ?? '';
    if (char === "'" || char === '"') index = endOf(script.indexOf(char, index + 1), script);
    else if (char === open) depth += 1;
    else if (char === close && --depth === 0) return index + 1;
    index += 1;
  }
  return script.length;
}

/** `index`, or the text's length when it is not found (-1). */
function endOf(index: number, text: string): number {
  return index < 0 ? text.length : index;
}
