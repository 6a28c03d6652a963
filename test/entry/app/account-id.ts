/**
 * A distinct GitHub account id per login, for payloads whose login a test changes: the webhook
 * examples all carry Codertocat's id, and the pusher rule knows an account by its id as well as its
 * login (review #9h), so two people must not share one. Case-insensitive, as logins are.
 */
export function accountId(login: string): number {
  let id = 7;
  for (const char of login.toLowerCase()) id = (id * 31 + char.charCodeAt(0)) % 2_000_000_000;
  return id + 1;
}
