import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { RiskAssessment } from '../../../src/core/risk/risk-assessment.js';

export const TEMPLATE = 'infra/template.json';

/** The risk of a bundle holding one template (a JSON body; `Resources` and the rest as given). */
export function riskOf(body: Record<string, unknown>): RiskAssessment {
  const content = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', ...body }, null, 2);
  return classifyRisk({
    files: [{ path: TEMPLATE, content, role: 'template' }],
    templatePath: TEMPLATE,
    targetEnvironment: 'staging',
    production: false,
  });
}

/** `code where` of each reason, `where` without the file part, for compact expectations. */
export function reasonsOf(body: Record<string, unknown>): string[] {
  return riskOf(body).reasons.map((reason) => `${reason.code} ${reason.where.replace(`${TEMPLATE}#`, '')}`);
}

/** A queue whose data no removal can lose: on its own, low risk. */
export const QUEUE = { Type: 'AWS::SQS::Queue', Properties: {} };
