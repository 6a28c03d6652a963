import { fitBody } from '../../../src/core/markdown/fit-body.js';
import {
  CHECK_RUN_SUMMARY_LIMIT,
  COMMENT_BODY_LIMIT,
  type TextLimit,
} from '../../../src/core/markdown/github-limits.js';
import { parseStateMarker, renderStateMarker } from '../../../src/core/state/state-marker.js';
import { elementNames, renderGithubMarkdown } from './render-github-markdown.js';

const small = (max: number): TextLimit => ({ max, unit: 'characters', what: 'comment' });
const rows = (count: number) => Array.from({ length: count }, (_, index) => `| row ${index + 1} | value |`);
const marker = renderStateMarker({
  task_id: 'acme/shop#7',
  state: 'failed',
  attempt: 2,
  cost_usd: 0.5,
  updated_at: '2026-11-24T10:00:00.000Z',
});

describe('fitBody', () => {
  it('returns a body within the limit unchanged', () => {
    const body = ['# Title', '', ...rows(3), '', marker, ''].join('\n');
    expect(fitBody({ body, limit: small(body.length) })).toBe(body);
  });

  it('cuts a table at a row boundary and counts the rows cut', () => {
    const body = ['| Name | Value |', '| --- | --- |', ...rows(100)].join('\n');
    const fitted = fitBody({ body, limit: small(500) });
    expect(fitted.length).toBeLessThanOrEqual(500);
    const lines = fitted.split('\n');
    const kept = lines.filter((line) => line.startsWith('| row ')).length;
    expect(kept).toBeGreaterThan(5);
    expect(lines.at(-1)).toBe(
      `…and ${100 - kept} more (cut to fit GitHub's 500-character limit for a comment)`,
    );
    // Every kept row is whole, and the note is not swallowed by the table.
    expect(lines.slice(2, 2 + kept).every((line) => /^\| row \d+ \| value \|$/.test(line))).toBe(true);
    expect(renderGithubMarkdown(fitted)).toMatch(/<\/table>\n<p>…and \d+ more/);
  });

  it('keeps the hidden state marker intact at the end', () => {
    const body = [
      '### Status',
      '',
      ...Array.from({ length: 300 }, (_, i) => `- problem ${i}`),
      '',
      marker,
      '',
    ].join('\n');
    const fitted = fitBody({ body, limit: small(1_000) });
    expect(fitted.length).toBeLessThanOrEqual(1_000);
    expect(
      fitted.endsWith(`more (cut to fit GitHub's 1,000-character limit for a comment)\n\n${marker}\n`),
    ).toBe(true);
    expect(parseStateMarker(fitted)).toEqual(parseStateMarker(body));
  });

  it('closes a fenced code block that the cut lands in', () => {
    const body = [
      'Problems:',
      '',
      '```text',
      ...Array.from({ length: 200 }, (_, i) => `${i + 1}. bad`),
      '```',
      '',
      marker,
    ].join('\n');
    const fitted = fitBody({ body, limit: small(600) });
    const html = renderGithubMarkdown(fitted);
    expect(elementNames(html)).toEqual(['p', 'pre', 'code', 'p']);
    expect(html).toContain('<p>…and ');
    expect(fitted.endsWith(marker)).toBe(true);
    // The marker is a hidden comment, not text inside the code block.
    expect(html).toContain(marker);
  });

  it('closes a fence inside a quote with the quote marker and inside a list item with indentation', () => {
    const quoted = ['> ```', ...Array.from({ length: 100 }, () => '> code line'), '> ```'].join('\n');
    expect(elementNames(renderGithubMarkdown(fitBody({ body: quoted, limit: small(300) })))).toEqual([
      'blockquote',
      'pre',
      'code',
      'p',
    ]);
    const listed = ['- ```', ...Array.from({ length: 100 }, () => '  code line'), '  ```'].join('\n');
    expect(elementNames(renderGithubMarkdown(fitBody({ body: listed, limit: small(300) })))).toEqual([
      'ul',
      'li',
      'pre',
      'code',
      'p',
    ]);
  });

  it('shows the start of a single line too long to keep whole', () => {
    const body = `Intro\n\n${'x'.repeat(5_000)}\n\nlast line`;
    const fitted = fitBody({ body, limit: small(1_000) });
    expect(fitted.length).toBeLessThanOrEqual(1_000);
    expect(fitted).toMatch(/^Intro\n\nx+…\n\n…and 1 more \(/);
  });

  it('measures a byte limit in UTF-8 bytes', () => {
    const body = Array.from({ length: 40_000 }, (_, i) => `- ✅ finding ${i}`).join('\n');
    const fitted = fitBody({ body, limit: CHECK_RUN_SUMMARY_LIMIT });
    expect(Buffer.byteLength(fitted, 'utf8')).toBeLessThanOrEqual(65_535);
    expect(fitted).toMatch(
      /…and [\d,]+ more \(cut to fit GitHub's 65,535-byte limit for a check run summary\)$/,
    );
  });

  it('never splits a surrogate pair', () => {
    const body = `${'🚀'.repeat(40_000)}`;
    const fitted = fitBody({ body, limit: COMMENT_BODY_LIMIT });
    expect(fitted.length).toBeLessThanOrEqual(65_536);
    expect(fitted).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('refuses hidden lines that alone exceed the limit', () => {
    expect(() => fitBody({ body: `text\n${'x'.repeat(50)}\n${marker}`, limit: small(100) })).toThrow(
      RangeError,
    );
  });
});
