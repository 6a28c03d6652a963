import type { RiskReason } from './risk-assessment.js';
import { yamlBooleanRisks } from './yaml-boolean-risks.js';

/**
 * The rules that read a template's text rather than its parsed value (YAML 1.1 booleans:
 * `yamlBooleanRisks`), for every template judged: one found by name or declared, and one found
 * later as a nested stack's template, whatever its name (`child.cfn`). `content` parsed as a template.
 */
export function templateTextRisks(params: { path: string; content: string }): RiskReason[] {
  return yamlBooleanRisks(params);
}
