/** Builds an issue body exactly as GitHub renders the implementation request form. */
export function renderedForm(values: Partial<Record<string, string>>): string {
  const sections: [string, string | undefined][] = [
    ['Task type', values.task_type],
    ['Task name', values.task_name],
    ['Execution mode', values.execution_mode],
    ['Target environment', values.target_environment],
    ['Description', values.description],
    ['Deployment strategy', values.deployment_strategy],
    ['User stories', values.user_stories],
    ['Assessment overall score', values.overall_score],
    ['Planning timeline', values.timeline],
    [
      'Additional context',
      values.additional_context === undefined
        ? undefined
        : `\`\`\`json\n${values.additional_context}\n\`\`\``,
    ],
  ];
  return sections.map(([label, value]) => `### ${label}\n\n${value ?? '_No response_'}`).join('\n\n');
}
