import { isPlainObject } from '../cfn/is-plain-object.js';
import type { IngressRuleAt, IngressRules } from './ingress-rules.js';

/**
 * Ingress rules of firewalls that are not security groups, rewritten in the security group rule
 * shape (`CidrIp`, `CidrIpv6`, `FromPort`, `ToPort`, `IpProtocol`) so they are judged the same way;
 * undefined for every other type. Sources: AWS CloudFormation Template Reference,
 * `AWS::Lightsail::Instance` `Networking.Ports[]` (`Cidrs`, `Ipv6Cidrs`) and
 * `AWS::GameLift::Fleet` `EC2InboundPermissions[]` (`IpRange`). A Lightsail port with no source
 * list is open to every address, and an instance whose ports are left out gets Lightsail's default
 * firewall, SSH (22) and HTTP (80) from any address (Amazon Lightsail docs, "Instance firewalls").
 * An `AWS::EC2::NetworkAclEntry` is a rule when it lets traffic in: `Egress` not true and
 * `RuleAction` not `deny` (`CidrBlock`, `Ipv6CidrBlock`, `PortRange.From`/`To`, `Protocol`); an
 * entry whose direction or action is only known at deploy time is taken as one.
 * An `AWS::EC2::PrefixList`'s `Entries[].Cidr` are rules of every port: a security group rule may
 * allow the list by id, in this stack or any other, and then allows whatever the list holds now
 * (Amazon VPC User Guide, "Managed prefix lists": changes "apply to the resources that reference
 * it"), so an entry (or the entries together) open to the internet opens each of those rules.
 */
export function firewallPortRules(params: {
  type: string;
  properties: Record<string, unknown>;
  where: string;
}): IngressRules | undefined {
  const { type, properties, where } = params;
  if (type === 'AWS::GameLift::Fleet')
    return listRules(properties['EC2InboundPermissions'], `${where}.EC2InboundPermissions`, (entry) => ({
      CidrIp: entry['IpRange'],
      FromPort: entry['FromPort'],
      ToPort: entry['ToPort'],
      IpProtocol: entry['Protocol'],
    }));
  if (type === 'AWS::EC2::NetworkAclEntry') return networkAclRules(properties, where);
  if (type === 'AWS::EC2::PrefixList')
    return listRules(properties['Entries'], `${where}.Entries`, (entry) => ({ CidrIp: entry['Cidr'] }));
  if (type !== 'AWS::Lightsail::Instance') return undefined;
  const networking = properties['Networking'];
  const ports = isPlainObject(networking) ? networking['Ports'] : undefined;
  if (networking === undefined || (isPlainObject(networking) && ports === undefined))
    return {
      rules: [22, 80].map((port) => ({
        rule: { CidrIp: '0.0.0.0/0', FromPort: port, ToPort: port, IpProtocol: 'tcp' },
        where: `${where}.Networking`,
      })),
      computedLists: [],
    };
  if (!isPlainObject(networking)) return { rules: [], computedLists: [`${where}.Networking`] };
  return listRules(ports, `${where}.Networking.Ports`, (entry) => {
    const open = entry['Cidrs'] === undefined && entry['Ipv6Cidrs'] === undefined;
    return {
      CidrIp: open ? '0.0.0.0/0' : (entry['Cidrs'] ?? []),
      CidrIpv6: entry['Ipv6Cidrs'] ?? [],
      FromPort: entry['FromPort'],
      ToPort: entry['ToPort'],
      IpProtocol: entry['Protocol'],
    };
  });
}

function listRules(
  list: unknown,
  where: string,
  toRule: (entry: Record<string, unknown>) => Record<string, unknown>,
): IngressRules {
  if (list === undefined) return { rules: [], computedLists: [] };
  if (!Array.isArray(list)) return { rules: [], computedLists: [where] };
  const rules: IngressRuleAt[] = list.map((entry: unknown, index: number) => ({
    rule: isPlainObject(entry) ? toRule(entry) : entry,
    where: `${where}[${index}]`,
  }));
  return { rules, computedLists: [] };
}

/** An inbound network ACL entry that allows, in the security group rule shape; else no rule. */
function networkAclRules(properties: Record<string, unknown>, where: string): IngressRules {
  const egress = properties['Egress'];
  const action = properties['RuleAction'];
  if (egress === true || String(egress).toLowerCase() === 'true') return { rules: [], computedLists: [] };
  if (typeof action === 'string' && action.toLowerCase() === 'deny') return { rules: [], computedLists: [] };
  const ports = isPlainObject(properties['PortRange']) ? properties['PortRange'] : {};
  const rule: Record<string, unknown> = {
    FromPort: ports['From'],
    ToPort: ports['To'],
    IpProtocol: properties['Protocol'],
  };
  if (properties['CidrBlock'] !== undefined) rule['CidrIp'] = properties['CidrBlock'];
  if (properties['Ipv6CidrBlock'] !== undefined) rule['CidrIpv6'] = properties['Ipv6CidrBlock'];
  return { rules: [{ rule, where }], computedLists: [] };
}
