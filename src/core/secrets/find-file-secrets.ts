import type { FileRole } from '../bundle/artifact-bundle.js';
import { findEscapedSecrets } from '../gates/find-escaped-secrets.js';
import { replaceMatches } from './replace-matches.js';
import { scanSecretsAsWritten } from './scan-secrets-as-written.js';
import type { SecretMatch } from './scan-secrets.js';
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
  /** The content with `asWritten` replaced by their markers (TOO_MANY_SECRETS_MARKER whole on overflow). */
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
  const redacted = replaceMatches({ text: file.content, matches: asWritten });
  const escaped = await findEscapedSecrets({
    file: { path: file.path, content: redacted, role: file.role ?? 'config' },
    rawMatches: [],
  });
  const together = await structuredFileSecretMarkers(file.path, redacted);
  const hidden: HiddenFileSecret[] = [
    ...escaped.map(({ where, match }) => ({ where, slug: match.kind.slug, match })),
    ...together.map((marker) => ({ slug: marker.slice('[REDACTED:'.length, -1) })),
  ];
  return { asWritten, redacted, hidden };
}
