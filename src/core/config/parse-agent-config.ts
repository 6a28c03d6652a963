import type { core } from 'zod';
import { codeSpan } from '../markdown/code-span.js';
import { parseStructuredText } from '../untrusted/parse-structured-text.js';
import { agentConfigSchema, CONFIG_PATH, DEFAULT_CONFIG, type AgentConfig } from './agent-config.js';
import { protoKeyPaths } from './proto-key-paths.js';

export type AgentConfigResult =
  | { readonly ok: true; readonly config: AgentConfig; readonly source: 'file' | 'defaults' }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Reads `.github/implementation-agent.yml`. Absent (`undefined`) or empty means the defaults;
 * anything else must match the schema exactly, so a typo is reported instead of silently ignored.
 */
export function parseAgentConfig(text: string | undefined): AgentConfigResult {
  if (text === undefined || text.trim() === '')
    return { ok: true, config: DEFAULT_CONFIG, source: 'defaults' };
  const parsed = parseStructuredText({ text, format: 'yaml' });
  if (!parsed.ok) return { ok: false, problems: [`\`${CONFIG_PATH}\` ${parsed.message}`] };
  if (parsed.value === null) return { ok: true, config: DEFAULT_CONFIG, source: 'defaults' };
  // Schemas drop a `__proto__` key silently, so it is reported from the parsed document itself.
  const protoProblems = protoKeyPaths(parsed.value).map(
    (path) =>
      `${whereOf(path)}: \`__proto__\` is not accepted as a name or setting; rename it (environment and parameter names start with a letter or digit)`,
  );
  const result = agentConfigSchema.safeParse(parsed.value);
  if (result.success && protoProblems.length === 0) return { ok: true, config: result.data, source: 'file' };
  const schemaProblems = result.success ? [] : result.error.issues.flatMap(describeConfigIssue);
  return { ok: false, problems: [...protoProblems, ...schemaProblems] };
}

/**
 * Keys and paths come from the file and are code-spanned; messages are the schema's own markdown.
 * The file is read from the default branch, so its author is a maintainer.
 */
function whereOf(path: readonly PropertyKey[]): string {
  return path.length ? codeSpan(path.map(String).join('.')) : 'The top level';
}

function describeConfigIssue(issue: core.$ZodIssue): string[] {
  const where = whereOf(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys.filter((key) => key !== '__proto__');
    if (unknown.length === 0) return [];
    const keys = unknown.map((key) => codeSpan(key)).join(', ');
    return [
      `${where} has unknown setting(s) ${keys}; check the spelling against the configuration reference`,
    ];
  }
  if (issue.code === 'invalid_key') {
    return [`${where}: ${issue.issues[0]?.message ?? issue.message}`];
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return [`${where} must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`];
  }
  return [`${where}: ${issue.message}`];
}

/** The markdown a maintainer sees on the status comment when the config cannot be used. */
export function formatConfigProblems(problems: readonly string[]): string {
  return [
    `**\`${CONFIG_PATH}\` cannot be used**, so nothing was generated. Fix these and comment \`/implement\` again:`,
    '',
    ...problems.map((problem) => `- ${problem}`),
    '',
    'The configuration reference is in the README under *Configuration*.',
  ].join('\n');
}
