import { ACTION_INPUT_DEFAULTS, ACTION_INPUTS, ACTION_OUTPUTS } from './action-io.js';

/**
 * The README's tables of the Action's inputs and outputs, rendered from their one declaration
 * (`action-io.ts`, which `action.yml` is contract-tested against), so the README cannot go stale.
 */
export function renderActionIoTables(): string {
  const inputs = Object.entries(ACTION_INPUTS).map(([name, description]) => {
    const fallback = ACTION_INPUT_DEFAULTS[name as keyof typeof ACTION_INPUTS];
    return `| \`${name}\` | ${fallback === undefined ? '—' : `\`${fallback}\``} | ${cell(description)} |`;
  });
  const outputs = Object.entries(ACTION_OUTPUTS).map(
    ([name, description]) => `| \`${name}\` | ${cell(description)} |`,
  );
  return [
    '| input | default | meaning |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '| output | meaning |',
    '| --- | --- |',
    ...outputs,
  ].join('\n');
}

/** A `|` would end the cell early in GitHub's table syntax. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
