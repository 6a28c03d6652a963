import type { TemplateIssue } from './template-issue.js';
import type { TemplateNames } from './template-names.js';

const SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
]);

/** SAM's `Globals` only means something when the transform will consume it. */
const SERVERLESS_SECTIONS = new Set(['Globals']);

const MAPPING_SECTIONS = ['Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Outputs'] as const;

export function checkTopLevel(template: Record<string, unknown>, names: TemplateNames): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const key of Object.keys(template)) {
    if (SECTIONS.has(key) || (names.serverless && SERVERLESS_SECTIONS.has(key))) continue;
    issues.push({
      location: key,
      message: `"${key}" is not a template section (expected one of ${[...SECTIONS].join(', ')})`,
    });
  }
  const version = template['AWSTemplateFormatVersion'];
  if (version !== undefined && version !== '2010-09-09') {
    issues.push({
      location: 'AWSTemplateFormatVersion',
      message: `must be "2010-09-09", the only version CloudFormation knows`,
    });
  }
  const description = template['Description'];
  if (description !== undefined && typeof description !== 'string') {
    issues.push({ location: 'Description', message: 'must be a string' });
  }
  for (const section of MAPPING_SECTIONS) {
    const value = template[section];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      issues.push({ location: section, message: 'must be a mapping of names to definitions' });
    }
  }
  return issues;
}
