import { isPlainObject } from '../cfn/is-plain-object.js';
import { firewallPortRules } from './firewall-port-rules.js';

export interface IngressRuleAt {
  /** The rule mapping as written (anything, when the template is malformed). */
  readonly rule: unknown;
  /** e.g. `<file>#Resources.Sg.Properties.SecurityGroupIngress[0]`. */
  readonly where: string;
}

export interface IngressRules {
  readonly rules: readonly IngressRuleAt[];
  /** Where a rule list is only known at deploy time (a parameter, an import...). */
  readonly computedLists: readonly string[];
}

/**
 * The ingress rules a resource declares: an `AWS::EC2::SecurityGroup`'s `SecurityGroupIngress`
 * list, or an `AWS::EC2::SecurityGroupIngress` resource (its properties are the rule). Every
 * branch of an `Fn::If` around the list or a rule is included (CloudFormation may take either);
 * `Ref: AWS::NoValue` is no rule. Lightsail instance ports and GameLift fleet permissions come
 * from `firewallPortRules`. `where` is `<file>#Resources.<LogicalId>`.
 */
export function ingressRules(params: { type: string; properties: unknown; where: string }): IngressRules {
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const where = `${params.where}.Properties`;
  const firewall = firewallPortRules({ type: params.type, properties, where });
  if (firewall !== undefined) return firewall;
  if (params.type === 'AWS::EC2::SecurityGroupIngress')
    return { rules: [{ rule: properties, where }], computedLists: [] };
  if (params.type !== 'AWS::EC2::SecurityGroup') return { rules: [], computedLists: [] };
  const rules: IngressRuleAt[] = [];
  const computedLists: string[] = [];
  for (const list of branches(properties['SecurityGroupIngress'], `${where}.SecurityGroupIngress`)) {
    if (list.value === undefined) continue;
    if (!Array.isArray(list.value)) {
      computedLists.push(list.where);
      continue;
    }
    list.value.forEach((rule: unknown, index: number) =>
      rules.push(
        ...branches(rule, `${list.where}[${index}]`)
          .filter((one): one is { value: unknown; where: string } => one.value !== undefined)
          .map((one) => ({ rule: one.value, where: one.where })),
      ),
    );
  }
  return { rules, computedLists };
}

/** Every value an `Fn::If` may resolve to (nested ones too); `AWS::NoValue` is no value at all. */
function branches(value: unknown, where: string): Array<{ value: unknown; where: string }> {
  if (isPlainObject(value) && Object.keys(value).length === 1) {
    const choice = value['Fn::If'];
    if (Array.isArray(choice) && choice.length === 3)
      return [...branches(choice[1], `${where}.Fn::If[1]`), ...branches(choice[2], `${where}.Fn::If[2]`)];
    if (value['Ref'] === 'AWS::NoValue') return [{ value: undefined, where }];
  }
  return [{ value, where }];
}
