import type { FileRole, GeneratedFile } from '../bundle/artifact-bundle.js';
import { parseTemplate } from '../cfn/parse-template.js';
import { scanJoinedTexts } from '../secrets/scan-joined-texts.js';
import type { SecretMatch } from '../secrets/scan-secrets.js';
import { stringLeaves } from './string-leaves.js';

const STRUCTURED = /\.(json|ya?ml|template)$/i;

/**
 * Whether a file is read as a JSON or YAML document (a template, or a `.json`, `.yaml`, `.yml` or
 * `.template` path), whose strings `findEscapedSecrets` decodes; any other file's escapes are
 * decoded over its whole text (`findDecodedEscapeSecrets`).
 */
export function isDocumentFile(file: { path: string; role?: FileRole }): boolean {
  return file.role === 'template' || STRUCTURED.test(file.path);
}

/**
 * Secrets in a JSON or YAML file that only show once its strings are decoded: an escape splits the
 * value in the text (`"ghp_\u0041…"`, `https:\/\/hooks.slack.com\/…`), yet whoever reads the file
 * gets the whole secret. Matches the raw scan already found are not reported twice: for each kind,
 * only decoded matches beyond the raw count are. A file that does not parse has none.
 */
export async function findEscapedSecrets(params: {
  file: GeneratedFile;
  rawMatches: readonly SecretMatch[];
}): Promise<{ where: string; match: SecretMatch }[]> {
  const { file } = params;
  if (!isDocumentFile(file)) return [];
  // Only a file with an escape can hide anything this way; most files are skipped without parsing.
  if (!file.content.includes('\\')) return [];
  const parsed = parseTemplate(file.content);
  if (!parsed.ok) return [];
  const leaves = stringLeaves(parsed.template);
  const unclaimed = new Map<string, number>();
  for (const { kind } of params.rawMatches) unclaimed.set(kind.slug, (unclaimed.get(kind.slug) ?? 0) + 1);
  const found: { where: string; match: SecretMatch }[] = [];
  for (const { index, match } of await scanJoinedTexts(leaves.map((leaf) => leaf.text))) {
    const left = unclaimed.get(match.kind.slug) ?? 0;
    if (left > 0) unclaimed.set(match.kind.slug, left - 1);
    else found.push({ where: leaves[index]?.where ?? '(document)', match });
  }
  return found;
}
