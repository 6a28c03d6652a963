import { readFile, writeFile } from 'node:fs/promises';
import { replaceGeneratedSection } from '../../core/render/generated-section.js';
import { renderActionIoTables } from '../action/render-action-io-tables.js';

/** `npm run docs`: rewrites the README's generated sections from the declarations in code. */
const README = new URL('../../../README.md', import.meta.url);
const before = await readFile(README, 'utf8');
const after = replaceGeneratedSection(before, 'action-io', renderActionIoTables());
if (after === before) console.log('README.md is up to date.');
else {
  await writeFile(README, after);
  console.log('README.md: rewrote the generated section action-io.');
}
