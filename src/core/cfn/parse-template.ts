import { parseDocument } from 'yaml';
import type { YAMLError } from 'yaml';
import { cloudFormationTags } from './cloudformation-tags.js';
import { parseJsonDocument } from './parse-json-document.js';
import type { TextPosition } from './parse-json-document.js';

export type TemplateFormat = 'json' | 'yaml';

export interface ParsedTemplate {
  readonly ok: true;
  readonly format: TemplateFormat;
  /** The template in long form (`{ Ref: ... }`, `{ 'Fn::Sub': ... }`); not yet checked to be an object. */
  readonly template: unknown;
}

export interface TemplateParseError {
  readonly ok: false;
  readonly format: TemplateFormat;
  readonly message: string;
  readonly position?: TextPosition;
}

export type TemplateParseResult = ParsedTemplate | TemplateParseError;

/**
 * Reads a CloudFormation template written in JSON or YAML. YAML short-form intrinsics (`!Ref`,
 * `!Sub`, `!GetAtt`...) come back in their long forms, so later checks see one shape.
 */
export function parseTemplate(text: string): TemplateParseResult {
  return looksLikeJson(text) ? parseJsonTemplate(text) : parseYamlTemplate(text);
}

/** CloudFormation treats a body starting with `{` as JSON; YAML's flow mappings would hide JSON's stricter errors. */
function looksLikeJson(text: string): boolean {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{');
}

function parseJsonTemplate(text: string): TemplateParseResult {
  const parsed = parseJsonDocument(text.replace(/^\uFEFF/, ''));
  if (parsed.ok) return { ok: true, format: 'json', template: parsed.value };
  return parsed.position === undefined
    ? { ok: false, format: 'json', message: parsed.message }
    : { ok: false, format: 'json', message: parsed.message, position: parsed.position };
}

function parseYamlTemplate(text: string): TemplateParseResult {
  const document = parseDocument(text, { customTags: [...cloudFormationTags], prettyErrors: true });
  // An unknown tag (`!Reff`) is only a warning to the YAML library, but CloudFormation rejects the template.
  const [problem] = [...document.errors, ...document.warnings];
  if (problem !== undefined) return yamlError(problem);
  try {
    return { ok: true, format: 'yaml', template: document.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    // Thrown for alias expansion bombs, which only show up when the document is turned into values.
    return { ok: false, format: 'yaml', message: error instanceof Error ? error.message : String(error) };
  }
}

function yamlError(error: YAMLError): TemplateParseError {
  // Pretty messages append " at line N, column M:" and a source excerpt; the position is kept separately.
  const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  const start = error.linePos?.[0];
  return start === undefined
    ? { ok: false, format: 'yaml', message }
    : { ok: false, format: 'yaml', message, position: { line: start.line, column: start.col } };
}
