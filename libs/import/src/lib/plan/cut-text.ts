/**
 * The first `max` UTF-16 units of `text`, never ending inside a surrogate pair (the stored text
 * must stay well-formed). Bank files carry memo fields longer than a row holds; keeping the start
 * loses the least, where refusing the line would block the whole import over a comment.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}
