import { parseTemplate } from '../cfn/parse-template.js';
import { withScalarsAsWritten } from './scalars-as-written.js';
import { intrinsicDocumentsInText } from './intrinsic-documents-in-text.js';
import { redactInContext } from './redact-in-context.js';
import { NOT_SCANNED_MARKER } from './secret-markers.js';

/** Files read as JSON or YAML documents (as `findEscapedSecrets` reads them). */
const STRUCTURED = /\.(json|ya?ml|template)$/i;
const MARKER = /\[REDACTED:[a-z0-9-]+\]/g;
/**
 * What a file must hold for reading its strings together to find more than its text shows: a PEM
 * key's first line (a key written as a list of lines), a name/value record's value field
 * (`OutputValue`, `ParameterValue`, `Value`), or a join (`!Join`, `Fn::Join`: a value in pieces) or a
 * substitution (`!Sub`, `Fn::Sub` with a map of literal variables), or a `Fn::ForEach` (its
 * identifier filled into its fragment's keys: `"Bucket${Name}"`). A key beside its value is already read together in
 * the text as written; other files are not parsed.
 */
const WORTH_PARSING = /-----BEGIN|value|join|sub|foreach/i;
/** Nesting followed; `parseTemplate` already refuses documents deeper than 64 levels. */
const MAX_DEPTH = 128;

/**
 * The markers (`[REDACTED:<kind>]`, each once) of the secrets a JSON or YAML file holds only when
 * its strings are read together (`redactInContext`): a PEM key written as a `!Join` list of quoted
 * lines, a name/value record (`ParameterKey`/`ParameterValue` in a parameters file), a value
 * CloudFormation assembles from literals (`Fn::Select`, `Fn::Sub` with a parameter's `Default`…).
 * Any other file is read for the templates quoted in it (`textTemplateSecretMarkers`). Empty for a
 * JSON or YAML file without WORTH_PARSING, one that does not parse (`parseTemplate`, bounded), and
 * one with no such secret. Throws when the scanner fails.
 */
export async function structuredFileSecretMarkers(path: string, content: string): Promise<string[]> {
  if (!STRUCTURED.test(path)) return textTemplateSecretMarkers(content, { json: true });
  if (!WORTH_PARSING.test(content)) return [];
  const parsed = parseTemplate(content);
  if (!parsed.ok) return [];
  return markersReadTogether([withScalarsAsWritten(content, parsed.template)]);
}

/**
 * The markers of the secrets that templates quoted in a plain text (`intrinsicDocumentsInText`: a
 * README's JSON `{"Fn::Sub": …}`, a fenced YAML `!Sub`, a `.txt` holding YAML) hold once read as
 * CloudFormation reads them; `json: false` leaves out JSON documents (the caller walks them
 * itself). NOT_SCANNED_MARKER when the search could not finish. Throws when the scanner fails.
 */
export async function textTemplateSecretMarkers(
  content: string,
  options: { json: boolean },
): Promise<string[]> {
  const documents = intrinsicDocumentsInText(content, options);
  if (!documents.complete) return [NOT_SCANNED_MARKER];
  return documents.values.length === 0 ? [] : markersReadTogether(documents.values);
}

/**
 * The markers (each once) of the secrets `values` (parsed documents) hold only when their strings
 * are read together (`redactInContext`) and that they do not already hold as markers; TOO_MANY_SECRETS_MARKER
 * among them when the evaluation passed its bound. Throws when the scanner fails.
 */
export async function markersReadTogether(values: readonly unknown[]): Promise<string[]> {
  const redacted = await redactInContext(values, { depth: 0, maxDepth: MAX_DEPTH });
  if (redacted.every((value, index) => value === values[index])) return [];
  const before = new Set(JSON.stringify(values).match(MARKER) ?? []);
  const after = new Set(JSON.stringify(redacted).match(MARKER) ?? []);
  return [...after].filter((marker) => !before.has(marker));
}
