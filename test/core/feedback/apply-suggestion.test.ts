import { applySuggestion } from '../../../src/core/feedback/apply-suggestion.js';

const HEAD = 'h'.repeat(40);
const on = (text: string, suggestion: string[], line: number, startLine: number | null = null) =>
  applySuggestion({ text, suggestion, line, startLine, side: 'RIGHT', commitId: HEAD, headSha: HEAD });

describe('applySuggestion: GitHub’s "Commit suggestion", byte for byte', () => {
  it('replaces one line and keeps every other byte', () => {
    expect(on('a\nb\nc\n', ['B'], 2)).toEqual({ ok: true, text: 'a\nB\nc\n' });
  });

  it('keeps a CRLF file CRLF, new lines included', () => {
    expect(on('one\r\ntwo\r\nthree\r\n', ['TWO', 'two and a half'], 2)).toEqual({
      ok: true,
      text: 'one\r\nTWO\r\ntwo and a half\r\nthree\r\n',
    });
  });

  it('replaces a range start_line..line with more or fewer lines', () => {
    expect(on('1\n2\n3\n4\n5\n', ['x'], 4, 2)).toEqual({ ok: true, text: '1\nx\n5\n' });
    expect(on('1\n2\n3\n', ['a', 'b', 'c', 'd'], 3, 2)).toEqual({ ok: true, text: '1\na\nb\nc\nd\n' });
  });

  it('deletes the lines for an empty suggestion', () => {
    expect(on('keep\ndrop me\ndrop me too\nkeep\n', [], 3, 2)).toEqual({ ok: true, text: 'keep\nkeep\n' });
    expect(on('keep\r\ndrop\r\n', [], 2)).toEqual({ ok: true, text: 'keep\r\n' });
  });

  it('leaves a file without a final newline without one, and a mixed file’s other endings alone', () => {
    expect(on('a\nlast', ['LAST', 'more'], 2)).toEqual({ ok: true, text: 'a\nLAST\nmore' });
    expect(on('a\r\nb\nc', ['B'], 2)).toEqual({ ok: true, text: 'a\r\nB\nc' });
  });

  it('keeps tabs, trailing spaces and non-ASCII text as written', () => {
    expect(on('x\n', ['\tconst é = "😀"  '], 1)).toEqual({ ok: true, text: '\tconst é = "😀"  \n' });
  });

  it('refuses an outdated comment: a null line or a commit that is not the head', () => {
    const outdated = applySuggestion({
      text: 'a\n',
      suggestion: ['b'],
      line: 1,
      startLine: null,
      side: 'RIGHT',
      commitId: 'o'.repeat(40),
      headSha: HEAD,
    });
    expect(outdated).toEqual({ ok: false, reason: expect.stringContaining('outdated') });
    expect(
      applySuggestion({
        text: 'a\n',
        suggestion: ['b'],
        line: null,
        startLine: null,
        side: 'RIGHT',
        commitId: HEAD,
        headSha: HEAD,
      }).ok,
    ).toBe(false);
  });

  it('refuses lines outside the file and the base side', () => {
    expect(on('a\nb\n', ['x'], 3)).toEqual({ ok: false, reason: expect.stringContaining('has 2 lines') });
    expect(on('a\nb\n', ['x'], 1, 2).ok).toBe(false);
    expect(on('a\nb\n', ['x'], 1, 0).ok).toBe(false);
    const left = applySuggestion({
      text: 'a\n',
      suggestion: ['b'],
      line: 1,
      startLine: null,
      side: 'LEFT',
      commitId: HEAD,
      headSha: HEAD,
    });
    expect(left).toEqual({ ok: false, reason: expect.stringContaining('old side') });
  });

  it('refuses a range whose start is on the base side (start_side LEFT), whatever its end', () => {
    const range = (startSide: 'LEFT' | 'RIGHT' | null) =>
      applySuggestion({
        text: 'a\nb\nc\n',
        suggestion: ['x'],
        line: 2,
        startLine: 1,
        side: 'RIGHT',
        startSide,
        commitId: HEAD,
        headSha: HEAD,
      });
    expect(range('LEFT')).toEqual({ ok: false, reason: expect.stringContaining('old side') });
    expect(range('RIGHT')).toEqual({ ok: true, text: 'x\nc\n' });
    // No start_side (GitHub's single-line shape) is read as the range's own side.
    expect(range(null)).toEqual({ ok: true, text: 'x\nc\n' });
  });
});
