import { DEPLOY_ROLE_OPERATIONS } from './deploy-role-operations.js';
import { documentedDeployRolePolicy } from './deploy-role-policy.js';

const START = '<!-- generated: deploy-role-policy (npm run generate:deploy-role) -->';
const END = '<!-- /generated: deploy-role-policy -->';

/** The README's deploy role section body, generated from `DEPLOY_ROLE_OPERATIONS`, between its markers. */
export function deployRoleReadmeBlock(): string {
  const rows = DEPLOY_ROLE_OPERATIONS.map(
    (operation) => `| \`${operation.action}\` | ${operation.usedFor} |`,
  );
  return [
    START,
    '```json',
    documentedDeployRolePolicy(),
    '```',
    '',
    '| action | what calls it |',
    '| --- | --- |',
    ...rows,
    END,
  ].join('\n');
}

/**
 * `text` with its generated deploy role block replaced by the current one, indented like its start
 * marker (the block sits inside a list item); throws when the markers are missing.
 */
export function withDeployRoleReadmeBlock(text: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end < start) throw new Error(`the README has no ${START} … ${END} block`);
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const indent = text.slice(lineStart, start);
  const block = deployRoleReadmeBlock()
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : `${indent}${line}`))
    .join('\n');
  return `${text.slice(0, start)}${block}${text.slice(end + END.length)}`;
}
