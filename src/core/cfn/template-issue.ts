/** One structural problem in a CloudFormation template, located by a dotted path such as `Resources.Fn.Properties.Role`. */
export interface TemplateIssue {
  readonly location: string;
  readonly message: string;
}

export function formatTemplateIssue(issue: TemplateIssue): string {
  return `${issue.location}: ${issue.message}`;
}
