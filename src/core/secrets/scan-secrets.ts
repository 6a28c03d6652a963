import { lintSource } from '@secretlint/core';
import type { SecretLintCoreResultMessage } from '@secretlint/types';
import { lineColumnFinder } from './line-column-finder.js';
import { secretKind, type SecretKind } from './secret-kind.js';
import { SECRETLINT_CONFIG, TOO_MANY_REPORTS } from './secretlint-config.js';
import { silenceSecretlintProfiler } from './silence-secretlint-profiler.js';

silenceSecretlintProfiler();

/** `[start, end)` UTF-16 offsets into the scanned text. */
export type TextRange = readonly [start: number, end: number];

/** One secret in a text. It says where the value is, never what it is. */
export interface SecretMatch {
  readonly kind: SecretKind;
  /** The secretlint rule that found it, e.g. `@secretlint/secretlint-rule-aws`. */
  readonly ruleId: string;
  /** Where the value is; `line` and `column` are 1-based. */
  readonly range: TextRange;
  readonly line: number;
  readonly column: number;
  /** Every place the same value appears in the text, this one included. */
  readonly occurrences: readonly TextRange[];
  /**
   * True for the one match that stands for a rule's findings past MAX_REPORTS_PER_RULE: it says
   * where they begin, not where each value is, so the text cannot be redacted piece by piece.
   */
  readonly overflow: boolean;
}

/** Keys of secretlint's message data that hold the secret itself (the others name its type or file). */
const VALUE_KEYS = new Set(['KEY', 'TOKEN', 'ID', 'URL', 'URI', 'CREDENTIAL']);
/** Shorter values are not searched for elsewhere in the text, so redaction never eats ordinary words. */
const MIN_REPEATED_VALUE_LENGTH = 8;

/**
 * Every secret secretlint's recommended preset finds in `text`, in order. `path` (repository-relative)
 * lets file-type rules apply (`.npmrc`, `package.json`, a GCP key file); nothing is read from disk.
 * Throws when the scanner fails: callers fail closed (a gate finding, or no text sent at all).
 */
export async function scanSecrets(params: { text: string; path?: string }): Promise<SecretMatch[]> {
  const { text } = params;
  if (text === '') return [];
  const result = await lintSource({
    source: {
      content: text,
      filePath: params.path ?? 'text',
      ext: extensionOf(params.path),
      contentType: 'text',
    },
    options: { config: SECRETLINT_CONFIG, noPhysicFilePath: true },
  });
  // secretlint drops a leading byte order mark before matching, so its offsets are one short.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const locate = lineColumnFinder(text);
  // The same value is often found many times (one per place it appears); search for each once.
  const found = new Map<string, TextRange[]>();
  const occurrencesOf = (value: string): TextRange[] => {
    const known = found.get(value) ?? findAll(text, value);
    found.set(value, known);
    return known;
  };
  return result.messages
    .map((message) => {
      const { range, values } = locateValue({ text, message, shift });
      const { line, column } = locate(range[0]);
      const occurrences = [range, ...values.flatMap(occurrencesOf)];
      return {
        kind: secretKind(message.messageId),
        ruleId: message.ruleId,
        range,
        line,
        column,
        occurrences,
        overflow: message.messageId === TOO_MANY_REPORTS,
      };
    })
    .sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * The span of the value itself. secretlint's own range is not always it: for an AWS secret access
 * key it starts at the `aws_secret_access_key =` before the value, with the value's length.
 */
function locateValue(params: { text: string; message: SecretLintCoreResultMessage; shift: number }): {
  range: TextRange;
  values: string[];
} {
  const { text, message, shift } = params;
  const start = message.range[0] + shift;
  const end = message.range[1] + shift;
  const values = Object.entries(message.data ?? {}).flatMap(([key, value]: [string, unknown]) =>
    VALUE_KEYS.has(key) && typeof value === 'string' && value !== '' ? [value] : [],
  );
  for (const value of values) {
    const at = text.indexOf(value, start);
    if (at !== -1 && at <= end) return { range: [at, at + value.length], values };
  }
  return { range: [start, end], values };
}

function findAll(text: string, value: string): TextRange[] {
  if (value.length < MIN_REPEATED_VALUE_LENGTH) return [];
  const found: TextRange[] = [];
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
    found.push([at, at + value.length]);
  }
  return found;
}

/**
 * The extension secretlint's file-type rules look at. Never `.p12`: that rule reads the named file
 * from disk, and a generated file exists only in memory (and is text, not a PKCS #12 archive).
 */
function extensionOf(path: string | undefined): string {
  const name = path?.slice(path.lastIndexOf('/') + 1) ?? '';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  return extension === '.p12' ? '' : extension;
}
