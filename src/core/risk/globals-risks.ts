import { isPlainObject } from '../cfn/is-plain-object.js';
import { existingRoleRisks } from './existing-role-risks.js';
import { functionUrlRisks } from './function-url-risks.js';
import { samResourcePolicyRisks } from './sam-resource-policy-risks.js';
import type { TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * SAM's `Globals` section: its `Function`, `Api`, `HttpApi`, `SimpleTable` and `StateMachine`
 * properties are copied into every SAM resource of that kind (AWS SAM Developer Guide, "Globals
 * section of the AWS SAM template"), so a public function URL, an existing role or an API resource
 * policy (`Auth.ResourcePolicy`) set there is judged there, once, with `where` `<file>#Globals.<Kind>`.
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
    return [...functionUrlRisks(common), ...existingRoleRisks(common), ...samResourcePolicyRisks(common)].map(
      (reason) => ({
        ...reason,
        where: reason.where.replace(`${common.where}.Properties`, common.where),
      }),
    );
  });
}
