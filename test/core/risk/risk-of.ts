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

/**
 * The level once each whole resource of a type the classifier has not reviewed is set aside
 * (`unseen-effect` at `Resources.<Id>`): whether the specific rules under test find anything in a
 * type that is not on the reviewed list (REVIEWED_RESOURCE_TYPES), which is high whatever it sets.
 */
export function levelOnceReviewed(body: Record<string, unknown>): 'low' | 'high' {
  const unreviewed = /^unseen-effect Resources\.[^.]+$/;
  const reasons = reasonsOf(body);
  return reasons.some((reason) => !unreviewed.test(reason)) ? 'high' : 'low';
}
