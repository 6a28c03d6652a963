/**
 * `npm run generate:deploy-role`: writes the deploy role template and the README's policy block from
 * the one list of AWS operations the deploy path calls (src/aws/iam/deploy-role-operations.ts).
 * Tests fail while either is out of date.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withDeployRoleReadmeBlock } from '../src/aws/iam/deploy-role-readme-block.js';
import { renderDeployRoleTemplate } from '../src/aws/iam/deploy-role-template.js';

const root = path.resolve(import.meta.dirname, '..');
const templatePath = path.join(root, 'infrastructure', 'deploy-role.yaml');
const readmePath = path.join(root, 'README.md');

mkdirSync(path.dirname(templatePath), { recursive: true });
writeFileSync(templatePath, renderDeployRoleTemplate());
writeFileSync(readmePath, withDeployRoleReadmeBlock(readFileSync(readmePath, 'utf8')));
console.log(`Wrote ${path.relative(root, templatePath)} and the deploy role block of README.md`);
