/**
 * The changed lines of an edit, `+`/`-` marked, each block followed by the line after it (which
 * shows where it went, e.g. before an array's closing bracket). Snapshots of edits to shared
 * files then change when the edit does, not whenever the file grows elsewhere.
 */
export function lineDiff(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence table, from the end.
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const lines: { mark: ' ' | '+' | '-'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ mark: ' ', text: a[i++] });
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      lines.push({ mark: '-', text: a[i++] });
    } else {
      lines.push({ mark: '+', text: b[j++] });
    }
  }
  const near = (index: number) =>
    [index - 1, index].some((k) => lines[k] !== undefined && lines[k].mark !== ' ');
  const shown: string[] = [];
  lines.forEach((line, index) => {
    if (!near(index)) {
      if (shown[shown.length - 1] !== '…') shown.push('…');
      return;
    }
    shown.push(`${line.mark} ${line.text}`.trimEnd());
  });
  return shown.join('\n');
}
