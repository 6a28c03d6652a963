/**
 * `<!--` with a zero-width space after `<!`. Inside a code span or block the text already shows
 * literally, but the status comment's hidden state marker (`<!-- implementation-agent:state … -->`)
 * is found by searching the raw body, so untrusted text must never hold a comment opener there.
 */
export function defuseCommentOpeners(text: string): string {
  return text.replaceAll('<!--', '<!\u200B--');
}
