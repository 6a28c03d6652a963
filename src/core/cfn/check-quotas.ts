import { isPlainObject } from './is-plain-object.js';
import type { TemplateIssue } from './template-issue.js';

/**
 * How many entries CloudFormation accepts in each section of one template (AWS CloudFormation
 * User Guide, "Understand CloudFormation quotas": 500 resources, 200 parameters, 200 outputs,
 * 200 mappings).
 */
const SECTION_QUOTAS = [
  ['Resources', 500],
  ['Parameters', 200],
  ['Outputs', 200],
  ['Mappings', 200],
] as const;

/**
 * Sections with more entries than CloudFormation accepts. Such a template is refused before
 * anything in it is read, so the other checks are skipped for it, which also keeps the cost of
 * checking bounded by these quotas.
 */
export function checkQuotas(template: Record<string, unknown>): TemplateIssue[] {
  return SECTION_QUOTAS.flatMap(([section, quota]): TemplateIssue[] => {
    const entries = template[section];
    const count = isPlainObject(entries) ? Object.keys(entries).length : 0;
    if (count <= quota) return [];
    return [
      {
        location: section,
        message: `declares ${count.toLocaleString('en-US')} entries, and CloudFormation accepts at most ${quota} in one template; split the template (for example into nested stacks)`,
      },
    ];
  });
}
