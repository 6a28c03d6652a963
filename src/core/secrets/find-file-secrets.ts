import type { FileRole } from '../bundle/artifact-bundle.js';
import { findEscapedSecrets, isDocumentFile } from '../gates/find-escaped-secrets.js';
import { findDecodedEscapeSecrets } from './find-decoded-escape-secrets.js';
import { replaceMatches } from './replace-matches.js';
import { scanSecretsAsWritten } from './scan-secrets-as-written.js';
import type { SecretMatch, TextRange } from './scan-secrets.js';
import { NOT_SCANNED_MARKER } from './secret-markers.js';
import { structuredFileSecretMarkers } from './structured-file-secrets.js';

/** A secret that shows only once a file's strings are decoded or read together: where, and which kind (its marker's slug). */
export interface HiddenFileSecret {
  /** Where in the document (`Resources.Hook.Properties.Url`), or undefined when read together across strings. */
  readonly where?: string;
  readonly slug: string;
  /** The scanner's match, when the secret was found in one decoded string. */
  readonly match?: SecretMatch;
}

/** What one file holds, as both the secrets gate and the artifact redactor see it. */
export interface FileSecrets {
  /** Secrets in the content as written, joined quoted pieces included (`scanSecretsAsWritten`). */
  readonly asWritten: readonly SecretMatch[];
  /**
   * Secrets of any other file (not JSON, YAML or a template) that show only once its escapes are
   * decoded (`findDecodedEscapeSecrets`: a token right after `\n` in a string literal, where the
   * escape's letter touches it as written), where they are written; none that `asWritten` holds.
   */
  readonly decoded: readonly SecretMatch[];
  /** False when the file is escaped more than MAX_ESCAPE_LEVELS times over: it was not read whole, and goes withheld. */
  readonly escapesDecoded: boolean;
  /**
   * The content with `asWritten` and `decoded` replaced by their markers (TOO_MANY_SECRETS_MARKER
   * whole on overflow, NOT_SCANNED_MARKER whole when `escapesDecoded` is false).
   */
  readonly redacted: string;
  /**
   * Secrets of a JSON or YAML file that show only once its strings are decoded (`findEscapedSecrets`)
   * or read together (`structuredFileSecretMarkers`: a `!Join` list of plain lines, a name/value
   * record); escaped ones first, then those read together, each once.
   */
  readonly hidden: readonly HiddenFileSecret[];
}

/**
 * The one detection of secrets in a generated file (DESIGN §5b), shared by the secrets gate, which
 * refuses the file, and the redactor, which shows it without them (`redactJsonStrings`), so what
 * one refuses the other hides. Throws when the scanner fails.
 */
export async function findFileSecrets(file: {
  path: string;
  content: string;
  role?: FileRole;
}): Promise<FileSecrets> {
  const asWritten = await scanSecretsAsWritten({ text: file.content, path: file.path });
  // A JSON or YAML file's strings are decoded one by one (`findEscapedSecrets`, below); any other
  // file's escapes over its whole text, so a token after `\n` in a literal is read as its reader reads it.
  const unescaped = isDocumentFile(file)
    ? { complete: true, matches: [] }
    : await findDecodedEscapeSecrets(file.content);
  const decoded = unescaped.matches.filter((match) => !overlapsAny(match.range, asWritten));
  const redacted = unescaped.complete
    ? replaceMatches({ text: file.content, matches: [...asWritten, ...unescaped.matches] })
    : NOT_SCANNED_MARKER;
  const escaped = await findEscapedSecrets({
    file: { path: file.path, content: redacted, role: file.role ?? 'config' },
    rawMatches: [],
  });
  const together = await structuredFileSecretMarkers(file.path, redacted);
  const hidden: HiddenFileSecret[] = [
    ...escaped.map(({ where, match }) => ({ where, slug: match.kind.slug, match })),
    ...together.map((marker) => ({ slug: marker.slice('[REDACTED:'.length, -1) })),
  ];
  return { asWritten, decoded, escapesDecoded: unescaped.complete, redacted, hidden };
}

/** Whether `range` overlaps any occurrence of `matches` (a secret found both as written and decoded is reported once). */
function overlapsAny(range: TextRange, matches: readonly SecretMatch[]): boolean {
  return matches.some((match) =>
    match.occurrences.some(([start, end]) => start < range[1] && range[0] < end),
  );
}
