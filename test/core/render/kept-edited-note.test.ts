// A re-run keeps a generated file a person changed since (`keptEdited`); the note says so on the pull
// request body and the status comment, where the user reads it, not only in the run's log.
import { describe, expect, it } from '@jest/globals';
import { KEPT_EDITED_SHOWN, keptEditedNote } from '../../../src/core/render/kept-edited-note.js';

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
