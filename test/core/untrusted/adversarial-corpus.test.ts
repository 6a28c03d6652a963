import { readdirSync, readFileSync } from 'node:fs';
import { parseIssueRequest } from '../../../src/core/request/parse-issue-request.js';
import { validateParsedRequest } from '../../../src/core/request/validate-parsed-request.js';
import { wordsGitHubHides } from '../../support/github-rendering-oracle.js';

const folder = new URL('../../fixtures/adversarial/markdown/', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.md'));

interface Expectation {
  readonly outcome: 'request' | 'no-request' | 'rejected';
  readonly fields: Readonly<Record<string, string>>;
  readonly words: string;
}

/** `<!-- expect: request task_name=Orders API stories=a|b -->` on the first line of each file. */
function expectationOf(text: string): Expectation {
  const match = /^<!-- expect: (request|no-request|rejected)\s*(.*?) -->/.exec(text);
  if (!match) throw new Error('corpus file without an expect line');
  const fields: Record<string, string> = {};
  for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)=((?:(?!\s\w+=).)*)/g))
    if (key !== undefined && value !== undefined) fields[key] = value.trim();
  return { outcome: match[1] as Expectation['outcome'], fields, words: match[2] ?? '' };
}

/** Every string value in a parsed candidate (keys are field names, not request text). */
function stringValuesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringValuesOf);
}

describe('the adversarial markdown corpus', () => {
  it.each(files)('%s gets its right answer', (name) => {
    const text = readFileSync(new URL(name, folder), 'utf8');
    const expected = expectationOf(text);
    const parsed = parseIssueRequest(text);
    if (expected.outcome === 'no-request') {
      const result = parsed.kind === 'not-a-request' ? undefined : validateParsedRequest(parsed);
      expect(result).toMatchObject({ ok: false, errors: [{ field: 'issue body' }] });
      expect(result?.ok ? '' : result?.errors[0]?.message).toContain('holds no implementation request');
      return;
    }
    if (parsed.kind === 'not-a-request') throw new Error(`${name}: expected an answer`);
    const result = validateParsedRequest(parsed);
    if (expected.outcome === 'rejected') {
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.errors.map((error) => error.field)).toContainEqual(
        expect.stringMatching(new RegExp(`(^|\\.)${expected.words.trim()}$`)),
      );
      return;
    }
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
    const request = result.payload.execution_request;
    for (const [key, value] of Object.entries(expected.fields)) {
      if (key === 'stories') expect(result.payload.support_artifacts?.user_stories).toEqual(value.split('|'));
      else expect((request as Record<string, unknown>)[key]).toBe(value);
    }
  });

  it.each(files)('%s: every word of the request is a word GitHub shows', (name) => {
    const text = readFileSync(new URL(name, folder), 'utf8');
    const parsed = parseIssueRequest(text);
    if (parsed.kind !== 'parsed') return;
    const unseen = stringValuesOf(parsed.candidate).flatMap((value) => wordsGitHubHides(value, text));
    expect(unseen).toEqual([]);
  });
});
