/** Chart.js animates by default; a user who asked for less motion gets none. */
export function chartAnimation(): false | undefined {
  const reduce =
    typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduce ? false : undefined;
}
