import { parseTemplate } from '../cfn/parse-template.js';
import { redactInContext } from './redact-in-context.js';

/** Files read as JSON or YAML documents (as `findEscapedSecrets` reads them). */
const STRUCTURED = /\.(json|ya?ml|template)$/i;
const MARKER = /\[REDACTED:[a-z0-9-]+\]/g;
/**
 * What a file must hold for reading its strings together to find more than its text shows: a PEM
 * key's first line (a key written as a list of lines), a name/value record's value field
 * (`OutputValue`, `ParameterValue`, `Value`), or a join (`!Join`, `Fn::Join`: a value in pieces) or a
 * substitution (`!Sub`, `Fn::Sub` with a map of literal variables). A key beside its value is already read together in
 * the text as written; other files are not parsed.
 */
const WORTH_PARSING = /-----BEGIN|value|join|sub/i;
/** Nesting followed; `parseTemplate` already refuses documents deeper than 64 levels. */
const MAX_DEPTH = 128;

/**
 * The markers (`[REDACTED:<kind>]`, each once) of the secrets a JSON or YAML file holds only when
 * its strings are read together (`redactInContext`): a PEM key written as a `!Join` list of quoted
 * lines, a name/value record (`ParameterKey`/`ParameterValue` in a parameters file). Empty for any
 * other file, one without WORTH_PARSING, one that does not parse (`parseTemplate`, bounded), and one with no such secret. Throws when the
 * scanner fails.
 */
export async function structuredFileSecretMarkers(path: string, content: string): Promise<string[]> {
  if (!STRUCTURED.test(path) || !WORTH_PARSING.test(content)) return [];
  const parsed = parseTemplate(content);
  if (!parsed.ok) return [];
  const [redacted] = await redactInContext([parsed.template], { depth: 0, maxDepth: MAX_DEPTH });
  if (redacted === parsed.template) return [];
  const before = new Set(JSON.stringify(parsed.template).match(MARKER) ?? []);
  const after = new Set(JSON.stringify(redacted).match(MARKER) ?? []);
  return [...after].filter((marker) => !before.has(marker));
}
