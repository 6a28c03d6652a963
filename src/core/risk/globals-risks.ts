import { isPlainObject } from '../cfn/is-plain-object.js';
import { environmentVariableRisks } from './environment-variable-risks.js';
import { codeSourceRisks } from './code-source-risks.js';
import { layerSourceRisks } from './layer-source-risks.js';
import { dataEgressRisks } from './data-egress-risks.js';
import { existingRoleRisks } from './existing-role-risks.js';
import { existingSecurityGroupRisks } from './existing-security-group-risks.js';
import { functionUrlRisks } from './function-url-risks.js';
import { samResourcePolicyRisks } from './sam-resource-policy-risks.js';
import type { TemplateValueContext } from './read-template-value.js';
import { REVIEWED_RESOURCE_TYPES } from './reviewed-resource-types.js';
import type { RiskReason } from './risk-assessment.js';
import { unreviewedRisks } from './unreviewed-risks.js';

/**
 * SAM's `Globals` section: its `Function`, `Api`, `HttpApi`, `SimpleTable` and `StateMachine`
 * properties are copied into every SAM resource of that kind (AWS SAM Developer Guide, "Globals
 * section of the AWS SAM template"), so a public function URL, an existing role or an API resource
 * policy (`Auth.ResourcePolicy`) set there is judged there, once, with `where` `<file>#Globals.<Kind>`.
 * So are data destinations (a dead-letter queue), code from outside the change (`CodeUri`, `Layers`), environment variables that load code or redirect traffic
 * (`environmentVariableRisks`) and, for a kind on the reviewed list
 * (`REVIEWED_RESOURCE_TYPES`), every key it has not reviewed: a function's resources are judged
 * in full only if what Globals adds to them is too. A kind off the list needs no such check: each
 * resource of it is already `unseen-effect` as a whole.
 */
export function globalsRisks(params: {
  path: string;
  globals: unknown;
  context: TemplateValueContext;
}): RiskReason[] {
  if (!isPlainObject(params.globals)) return [];
  return Object.entries(params.globals).flatMap(([kind, properties]) => {
    const common = {
      logicalId: `Globals.${kind}`,
      type: `AWS::Serverless::${kind}`,
      properties,
      where: `${params.path}#Globals.${kind}`,
      context: params.context,
    };
    // The rules name `<where>.Properties.…`; Globals have no Properties level.
    const reviewed = REVIEWED_RESOURCE_TYPES.has(common.type) ? unreviewedRisks(common) : [];
    return [
      ...functionUrlRisks(common),
      ...existingRoleRisks(common),
      ...existingSecurityGroupRisks(common),
      ...samResourcePolicyRisks(common),
      ...dataEgressRisks(common),
      ...codeSourceRisks(common),
      ...layerSourceRisks(common),
      ...environmentVariableRisks(common),
      ...reviewed,
    ].map((reason) => ({
      ...reason,
      where: reason.where.replace(`${common.where}.Properties`, common.where),
    }));
  });
}
