import { MAX_LOCKFILE_ENTRIES } from './lockfile-sources.js';

/** One entry of a yarn v1 lockfile: the specs of its header and its own fields. */
export interface ClassicEntry {
  /** The header's specs (`left-pad@^1.3.0`, `"@types/node@*"` unquoted), in the order written. */
  readonly specs: readonly string[];
  /** Its plain fields (`version`, `resolved`, `integrity`…), by name. */
  readonly fields: ReadonlyMap<string, string>;
}

/**
 * The fields yarn v1 keeps in a lockfile entry (yarn src/lockfile/index.js `implodeEntry`: `version`,
 * `uid`, `resolved`, `integrity`, `registry`, and the `dependencies` and `optionalDependencies`
 * lists). yarn also knows `permissions` and `prebuiltVariants`, which change what it installs and
 * which reviewed lockfiles do not carry: a field outside this list is not read.
 */
const PLAIN_FIELDS: ReadonlySet<string> = new Set(['version', 'uid', 'resolved', 'integrity', 'registry']);
const LIST_FIELDS: ReadonlySet<string> = new Set(['dependencies', 'optionalDependencies']);

/**
 * A JSON string without escapes, as yarn writes a key or value that needs quotes (its tokenizer
 * reads one with JSON.parse, but ends it at a `"` by a look-behind of its own that an escaped
 * backslash confuses; specs, versions and URLs need no escape).
 */
const QUOTED = '"[^"\\\\]*"';
/**
 * A key or value yarn writes bare: from a letter up to a space, `:` or `,` (yarn's tokenizer
 * reads such an identifier), not starting with `true`/`false` (which it reads as booleans); yarn
 * quotes anything else (its stringifier's `shouldWrapKey`), so a `"` is never part of one.
 */
const BARE = String.raw`(?!true|false)[A-Za-z][^\s:,"]*`;
const TOKEN = `(?:${QUOTED}|${BARE})`;
const HEADER = new RegExp(`^(${TOKEN}(?:, *${TOKEN})*):$`);
/** `key value` or `key: value`: yarn's parser takes a colon before a plain value as well (its `wasColon`). */
const FIELD = new RegExp(`^(${TOKEN})(?::|(?=[ ]))[ ]*(${TOKEN})$`);
const OPENER = new RegExp(`^(${TOKEN}):$`);

/**
 * A yarn v1 lockfile (Yarn Docs, "yarn.lock") read line by line, as yarn's own parser reads it (yarn
 * src/lockfile/parse.js: header lines of comma-separated specs ending in `:`, entries' fields two
 * spaces in, `key "value"` or `key: "value"`, their dependency lists four spaces in; `#` comments),
 * within the forms yarn writes: a field outside `PLAIN_FIELDS`/`LIST_FIELDS`, a key named twice,
 * deeper nesting, a line of spaces, a comment or anything else after a value, a merge conflict's
 * markers (yarn merges both sides), or any line it does not take, is why the file cannot be read
 * (`line N: …`), never skipped: a line this reader passes over might be one yarn installs from.
 * Bounded by `MAX_LOCKFILE_ENTRIES` (the caller bounds the length). Pure; never throws.
 */
export function readYarnClassicLockfile(content: string): ClassicEntry[] | string {
  const entries: ClassicEntry[] = [];
  const seenSpecs = new Set<string>();
  let fields: Map<string, string> | undefined;
  let list: Set<string> | undefined;
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const fail = (why: string) => `is not written as yarn writes a lockfile (line ${index + 1}: ${why})`;
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      const header = HEADER.exec(line)?.[1];
      if (header === undefined) return fail('not an entry header yarn reads');
      const specs = splitTokens(header);
      if (specs === undefined) return fail('a quoted spec that does not parse');
      for (const spec of specs) {
        if (seenSpecs.has(spec)) return fail(`${JSON.stringify(spec)} is named twice`);
        seenSpecs.add(spec);
      }
      if (entries.length >= MAX_LOCKFILE_ENTRIES) return 'has too many entries to read';
      fields = new Map();
      list = undefined;
      entries.push({ specs, fields });
      continue;
    }
    if (fields === undefined) return fail('a field outside any entry');
    const nested = line.startsWith('    ');
    const text = line.slice(nested ? 4 : 2);
    if (!line.startsWith('  ') || text.startsWith(' ')) return fail('indented other than yarn indents');
    const plain = FIELD.exec(text);
    const key = unquote(plain?.[1] ?? OPENER.exec(text)?.[1]);
    const value = unquote(plain?.[2]);
    if (key === undefined) return fail('not a field yarn reads');
    if (nested) {
      if (list === undefined || value === undefined) return fail('a nested field outside a dependency list');
      if (list.has(key)) return fail(`${JSON.stringify(key)} is named twice`);
      list.add(key);
      continue;
    }
    if (fields.has(key)) return fail(`${JSON.stringify(key)} is named twice`);
    if (value === undefined ? !LIST_FIELDS.has(key) : !PLAIN_FIELDS.has(key))
      return fail(`${JSON.stringify(key)} is not a field yarn writes there`);
    fields.set(key, value ?? '');
    list = value === undefined ? new Set() : undefined;
  }
  return entries;
}

/** The comma-separated specs of a header, unquoted; undefined when a quoted one is not JSON. */
function splitTokens(header: string): string[] | undefined {
  const specs: string[] = [];
  for (const match of header.matchAll(new RegExp(TOKEN, 'g'))) {
    const spec = unquote(match[0]);
    if (spec === undefined) return undefined;
    specs.push(spec);
  }
  return specs;
}

/** A token's text: a quoted one through JSON.parse (as yarn's tokenizer), a bare one as it is. */
function unquote(token: string | undefined): string | undefined {
  if (token === undefined || !token.startsWith('"')) return token;
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
