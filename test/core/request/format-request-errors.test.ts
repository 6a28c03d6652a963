import { formatRequestErrors } from '../../../src/core/request/format-request-errors.js';
import { MINIMAL_REQUEST_EXAMPLE } from '../../../src/core/request/minimal-request-example.js';
import { validateRequest } from '../../../src/core/request/validate-request.js';
import { elementNames, renderGithubMarkdown } from '../markdown/render-github-markdown.js';

function jsonExampleIn(markdown: string): unknown {
  const block = /```json\n([\s\S]*?)\n```/.exec(markdown)?.[1];
  return block === undefined ? undefined : JSON.parse(block);
}

describe('formatRequestErrors', () => {
  it('lists every field error with its fix and gives payload users a valid JSON example', () => {
    const result = validateRequest({}, 'repository_dispatch');
    if (result.ok) throw new Error('expected failure');
    const markdown = formatRequestErrors(result);
    expect(markdown).toMatch(/^### .*cannot run yet/);
    expect(markdown).toContain('4 problems need fixing');
    for (const field of ['task_type', 'task_name', 'execution_mode', 'target_environment']) {
      expect(markdown).toContain(`| \`execution_request.${field}\` | is required but missing |`);
    }
    expect(jsonExampleIn(markdown)).toEqual(MINIMAL_REQUEST_EXAMPLE);
    expect(validateRequest(jsonExampleIn(markdown), 'api').ok).toBe(true);
    expect(markdown).toContain('client_payload');
  });

  it('points form users at the form fields to fill', () => {
    const markdown = formatRequestErrors({
      channel: 'issue-form',
      errors: [
        {
          field: 'execution_request.task_type',
          message: 'is required but missing',
          fix: 'Use one of: application.',
        },
        { field: 'support_artifacts.user_stories.2', message: 'must not be empty', fix: 'Write each story.' },
        { field: 'additional_context', message: 'must be a JSON object', fix: 'Write an object.' },
      ],
    });
    expect(markdown).toContain('| **Task type** form field | is required but missing |');
    expect(markdown).toContain('| **User stories** form field (line 3) |');
    expect(markdown).toContain('| **Additional context** form field |');
    expect(markdown).toContain('- **Task type**: application');
    expect(markdown).toContain('- **Target environment**: development');
    expect(markdown).toContain('3 problems need fixing');
  });

  it('escapes user-controlled text so it cannot mention, inject HTML or break the table', () => {
    const hostile = '@octocat <img src=x onerror=alert(1)> `code` | **bold** [link](https://evil.test)\nnext';
    const markdown = formatRequestErrors({
      channel: 'api',
      errors: [
        {
          field: `team.${hostile}`,
          message: `"${hostile}" is not one of the allowed values`,
          fix: 'Use one of: a, b.',
        },
      ],
    });
    const row = markdown.split('\n').find((line) => line.includes('octocat')) ?? '';
    const html = renderGithubMarkdown(
      ['| Field | Problem | How to fix |', '| --- | --- | --- |', row].join('\n'),
    );
    // One row of three cells; the path is a code span (where GitHub links nothing), the rest plain
    // text in which only the bare URL is linked, showing its whole address.
    expect(elementNames(html.slice(html.indexOf('<tbody>')))).toEqual([
      'tbody',
      'tr',
      'td',
      'code',
      'td',
      'a',
      'td',
    ]);
    expect(html).toContain('[link](<a href="https://evil.test">https://evil.test</a>)');
    expect(html.replace(/<code>[\s\S]*?<\/code>/g, '')).not.toMatch(/@octocat/);
    expect(html).toContain(
      `<code>team.${hostile.replace('\n', '\\u000a').replace('<', '&lt;').replace('>', '&gt;')}</code>`,
    );
    expect(markdown).not.toContain('\nnext');
  });
});
