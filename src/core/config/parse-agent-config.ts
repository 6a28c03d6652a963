import type { core } from 'zod';
import { codeSpan } from '../markdown/code-span.js';
import { parseStructuredText } from '../untrusted/parse-structured-text.js';
import { agentConfigSchema, CONFIG_PATH, DEFAULT_CONFIG, type AgentConfig } from './agent-config.js';

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
  const result = agentConfigSchema.safeParse(parsed.value);
  if (result.success) return { ok: true, config: result.data, source: 'file' };
  return { ok: false, problems: result.error.issues.map(describeConfigIssue) };
}

/**
 * Keys and paths come from the file and are code-spanned; messages are the schema's own markdown.
 * The file is read from the default branch, so its author is a maintainer.
 */
function describeConfigIssue(issue: core.$ZodIssue): string {
  const where = issue.path.length ? codeSpan(issue.path.map(String).join('.')) : 'The top level';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => codeSpan(key)).join(', ');
    return `${where} has unknown setting(s) ${keys}; check the spelling against the configuration reference`;
  }
  if (issue.code === 'invalid_key') {
    return `${where}: ${issue.issues[0]?.message ?? issue.message}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${where} must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
  }
  return `${where}: ${issue.message}`;
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
