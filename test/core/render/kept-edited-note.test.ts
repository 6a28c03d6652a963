// A re-run keeps a generated file a person changed since (`keptEdited`); the note says so on the pull
// request body and the status comment, where the user reads it, not only in the run's log.
import { describe, expect, it } from '@jest/globals';
import { PULL_REQUEST_BODY_LIMIT } from '../../../src/core/markdown/github-limits.js';
import {
  KEPT_EDITED_SHOWN,
  keptEditedNote,
  withKeptEditedNote,
} from '../../../src/core/render/kept-edited-note.js';

describe('keptEditedNote', () => {
  it('says nothing when no file was kept', () => {
    expect(keptEditedNote([])).toBeUndefined();
  });

  it('names each kept file as code and says what to do', () => {
    const note = keptEditedNote(['services/orders/src/hook.ts', 'services/orders/src/old.ts']) ?? '';
    expect(note).toContain('**Kept 2 files changed since the last generation.**');
    expect(note).toContain('`services/orders/src/hook.ts`, `services/orders/src/old.ts`');
    expect(note).toContain('Delete them in a commit of your own');
  });

  it('shows a path with backticks or markup literally (paths come from a commit message)', () => {
    const note = keptEditedNote(['services/x/`<b>@team</b>`.ts']) ?? '';
    expect(note).toContain('``services/x/`<b>@team</b>`.ts``');
    expect(note).toContain('**Kept 1 file changed');
  });

  it(`names at most ${KEPT_EDITED_SHOWN} files and counts the rest`, () => {
    const paths = Array.from({ length: KEPT_EDITED_SHOWN + 5 }, (_, index) => `services/a/f${index}.ts`);
    const note = keptEditedNote(paths) ?? '';
    expect(note).toContain(`\`services/a/f${KEPT_EDITED_SHOWN - 1}.ts\` and 5 more`);
    expect(note).not.toContain(`f${KEPT_EDITED_SHOWN}.ts`);
  });
});

describe('withKeptEditedNote', () => {
  it('leaves the body as it is when no file was kept', () => {
    expect(withKeptEditedNote('Body\n\nCloses #7\n', [])).toBe('Body\n\nCloses #7\n');
  });

  it('leads with the note as a quote', () => {
    const body = withKeptEditedNote('## Summary\n\nCloses #7\n', ['src/a.ts']);
    expect(body.startsWith('> **Kept 1 file changed')).toBe(true);
    expect(body.endsWith('## Summary\n\nCloses #7\n')).toBe(true);
  });

  it("keeps the body within GitHub's limit and its Closes line whole when the body already used the limit", () => {
    const closing = '\n\nCloses #7\n';
    const rows = Array.from(
      { length: 4000 },
      (_, index) => `| services/a/file-${index}.ts | source | 1 KB |`,
    );
    const full = `${rows.join('\n')}`.slice(0, PULL_REQUEST_BODY_LIMIT.max - closing.length) + closing;
    expect(full.length).toBe(PULL_REQUEST_BODY_LIMIT.max);
    const body = withKeptEditedNote(full, ['services/a/kept.ts']);
    expect(body.length).toBeLessThanOrEqual(PULL_REQUEST_BODY_LIMIT.max);
    expect(body.endsWith(closing)).toBe(true);
    expect(body).toContain('`services/a/kept.ts`');
  });
});
