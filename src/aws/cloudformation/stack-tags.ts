/** CloudFormation copies stack tags onto every resource that supports tags, so costs and owners trace back. */
export function stackTags(params: {
  taskId: string;
  repository: string;
  sha: string;
  environment: string;
}): Record<string, string> {
  // Tag values are limited to 256 characters; a repository name or task id past that is cut, not rejected.
  const value = (text: string) => text.slice(0, 256);
  return {
    'implementation-agent:task': value(params.taskId),
    'implementation-agent:repository': value(params.repository),
    'implementation-agent:sha': value(params.sha),
    'implementation-agent:environment': value(params.environment),
  };
}
