/**
 * Builders for the large, regular adversarial inputs of issue #7 (and their siblings), shared by
 * the tests, the benchmark (`bench/untrusted-input-bench.ts`) and the app process test. `size` is
 * the length of the hostile part in characters; every builder stays under GitHub's 65,536-character
 * body limit for sizes up to 60,000, so the parser is measured, not the refusal.
 */
export const ADVERSARIAL_MARKDOWN: Readonly<Record<string, (size: number) => string>> = {
  /** Issue #7's example: a fenced yaml block of `[`s then `]`s aborted the process when sent twice. */
  'yaml-brackets': (size) =>
    `/implement\n\`\`\`yaml\n${'['.repeat(size / 2)}${']'.repeat(size / 2)}\n\`\`\`\n`,
  /** Issue #7's example: `<a` repeated froze the old sanitizer for 16 s at 62 KB. */
  'lt-a-description': (size) => fencedRequest(`${'<a'.repeat(size / 2)}`),
  'json-brackets': (size) => `\`\`\`json\n${'['.repeat(size / 2)}${']'.repeat(size / 2)}\n\`\`\`\n`,
  'yaml-indentation': (size) => {
    const lines: string[] = ['```yaml'];
    for (let depth = 0, used = 0; used < size; depth += 1) {
      const line = `${' '.repeat(depth)}k${depth}:`;
      lines.push(line);
      used += line.length + 1;
    }
    return `${lines.join('\n')}\n\`\`\`\n`;
  },
  'yaml-dashes': (size) => `\`\`\`yaml\n${'- '.repeat(size / 2)}x\n\`\`\`\n`,
  'nested-quotes': (size) => `${'>'.repeat(size)} deep`,
  'nested-lists': (size) => {
    const lines: string[] = [];
    for (let depth = 0, used = 0; used < size; depth += 1) {
      const line = `${'  '.repeat(depth % 400)}- item`;
      lines.push(line);
      used += line.length + 1;
    }
    return lines.join('\n');
  },
  'emphasis-runs': (size) => '*_'.repeat(size / 2),
  'open-brackets': (size) => '['.repeat(size),
  'link-openers': (size) => '[a]('.repeat(size / 4),
  'html-comments-open': (size) => '<!--'.repeat(size / 4),
  'nested-divs': (size) => `<div>\n${'<div>'.repeat(size / 5)}\n`,
  'nested-svg': (size) => `a ${'<svg>'.repeat(size / 5)} b`,
  'entity-invisibles': (size) => `admin${'&#8203;'.repeat(size / 7)}role`,
  'form-headings': (size) => {
    const block = '### Task name\n\nx\n\n';
    return block.repeat(Math.floor(size / block.length));
  },
  'command-line': (size) => `/deploy ${'staging '.repeat(size / 8)}`,
  'backtick-runs': (size) => '`a``'.repeat(size / 4),
  'table-cells': (size) => `${'|a'.repeat(size / 4)}\n${'|-'.repeat(size / 4)}`,
  /** A fenced yaml mapping of thousands of keys: the YAML library's unique-key check was quadratic. */
  'yaml-many-keys': (size) => {
    const keys = Array.from({ length: Math.floor(size / 10) }, (_, index) => `k${index}: 1`);
    return `\`\`\`yaml\n${keys.join('\n').slice(0, size)}\n\`\`\`\n`;
  },
  /** One paragraph with a run of blanks inside: a trailing-blank regex retried the run from each blank (14 s). */
  'space-run': (size) => `a${' '.repeat(size - 2)}b`,
  'tab-run': (size) => `a${'\t'.repeat(size - 2)}b`,
  /** The same run inside a request's description, which is sanitized on its own. */
  'space-run-description': (size) => fencedRequest(`a${' '.repeat(size - 2)}b`),
};

/** A fenced JSON request whose description is `description`. */
export function fencedRequest(description: string): string {
  const payload = {
    execution_request: {
      task_type: 'application',
      task_name: 'Orders API',
      execution_mode: 'guided',
      target_environment: 'staging',
      description,
    },
  };
  return `/implement\n\`\`\`json\n${JSON.stringify(payload)}\n\`\`\`\n`;
}

/** Issue #7's example: a `repository_dispatch` `client_payload` nested `depth` levels. */
export function deeplyNestedPayload(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let level = 0; level < depth; level += 1) value = { next: value };
  return { execution_request: { task_type: 'application' }, context: value };
}
