/**
 * The GraphQL call of Probot's and @actions/github's Octokit (`octokit.graphql`): a query and its
 * variables in, the response's `data` out. It throws `GraphqlResponseError` (with the response's
 * `errors`) when GitHub answers with errors, and a `RequestError` on HTTP failures.
 */
export type GraphqlClient = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;
