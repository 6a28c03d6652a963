/**
 * Parameter Store's public parameters, which AWS publishes to every account (AWS Systems Manager
 * User Guide, "Discovering public parameters in Parameter Store": `/aws/service/ami-amazon-linux-latest/…`,
 * `/aws/service/global-infrastructure/…`); no account may make a parameter whose name begins with
 * `aws` (AWS Systems Manager API Reference, "PutParameter" `Name`: "can't be prefixed with
 * \"aws\" or \"ssm\" (case-insensitive)"), so the name is AWS's. Reading one copies nothing out of anyone's access control.
 */
const PUBLIC_PARAMETER = /^\/aws\/service\//;

/** Whether a Parameter Store name (as written, no version or label) is a public `/aws/service/…` parameter. */
export function isPublicParameterName(name: string): boolean {
  return PUBLIC_PARAMETER.test(name);
}
