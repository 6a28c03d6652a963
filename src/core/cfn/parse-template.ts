import { parseStructuredText, type StructuredTextResult } from '../untrusted/parse-structured-text.js';
import { cloudFormationTags } from './cloudformation-tags.js';

/** Where a parser stopped, 1-based, as editors count. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}
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

/**
 * CloudFormation reads template bodies of up to 1,048,576 bytes from S3 (`TemplateURL`; 51,200 inline),
 * so no larger text is a template. AWS CloudFormation User Guide, "CloudFormation quotas".
 */
const MAX_TEMPLATE_LENGTH = 1_048_576;
/** Deepest nesting a template may have: intrinsic functions inside properties rarely pass 15 levels. */
const MAX_TEMPLATE_DEPTH = 64;
const MAX_TEMPLATE_VALUES = 200_000;

function parseWith(text: string, format: TemplateFormat): TemplateParseResult {
  const parsed: StructuredTextResult = parseStructuredText({
    text,
    format,
    maxLength: MAX_TEMPLATE_LENGTH,
    maxDepth: MAX_TEMPLATE_DEPTH,
    maxValues: MAX_TEMPLATE_VALUES,
    ...(format === 'yaml' ? { customTags: [...cloudFormationTags] } : {}),
  });
  if (parsed.ok) return { ok: true, format, template: parsed.value };
  // The shared parser words its messages after a subject ("is not valid JSON at line 2, column 3: …").
  const message = parsed.message.replace(
    /^(?:is not (?:valid|usable) (?:JSON|YAML)(?: at line \d+, column \d+)?: )/,
    '',
  );
  return parsed.line === undefined || parsed.column === undefined
    ? { ok: false, format, message }
    : { ok: false, format, message, position: { line: parsed.line, column: parsed.column } };
}

function parseJsonTemplate(text: string): TemplateParseResult {
  return parseWith(text, 'json');
}

function parseYamlTemplate(text: string): TemplateParseResult {
  return parseWith(text, 'yaml');
}
