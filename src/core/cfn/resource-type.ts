/**
 * `Provider::Service::Resource` (AWS, Alexa, AWS::Serverless, registry extensions, with `::MODULE`
 * for modules) or `Custom::Name` for custom resources.
 */
export function isResourceType(type: string): boolean {
  return (
    /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(::MODULE)?$/.test(type) ||
    /^Custom::[A-Za-z0-9_@-]{1,60}$/.test(type)
  );
}
