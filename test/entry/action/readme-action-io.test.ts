import { readFileSync } from 'node:fs';
import { readGeneratedSection } from '../../../src/core/render/generated-section.js';
import { ACTION_INPUTS, ACTION_OUTPUTS } from '../../../src/entry/action/action-io.js';
import { renderActionIoTables } from '../../../src/entry/action/render-action-io-tables.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('the README’s Action inputs and outputs', () => {
  it('are the tables rendered from action-io.ts (run `npm run docs` after changing an input or output)', () => {
    expect(readGeneratedSection(readme, 'action-io')).toBe(renderActionIoTables());
  });

  it('name every input with its default and every output', () => {
    const tables = renderActionIoTables();
    for (const name of [...Object.keys(ACTION_INPUTS), ...Object.keys(ACTION_OUTPUTS)])
      expect(tables).toContain(`| \`${name}\` |`);
    expect(tables).toContain('| `mode` | `implement` |');
    expect(tables).toContain('| `token` | `${{ github.token }}` |');
  });
});
