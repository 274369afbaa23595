import type { ImportOutcome } from './import-runner.service';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 added, 1 matched, 2 duplicates skipped", plus what else was left alone. */
export function outcomeText(outcome: ImportOutcome): string {
  const parts = [
    `${outcome.created} added`,
    `${outcome.updated} matched`,
    `${count(outcome.duplicate, 'duplicate', 'duplicates')} skipped`,
  ];
  if (outcome.locked > 0) {
    parts.push(
      `${count(outcome.locked, 'reconciled transaction', 'reconciled transactions')} left as they were`,
    );
  }
  if (outcome.error > 0) {
    parts.push(`${count(outcome.error, 'line', 'lines')} with errors left out`);
  }
  return `${parts.join(', ')}.`;
}

/** The lines an import waits for, worded for the alert above the preview. */
export function blockingText(lines: readonly number[], firstError: string | undefined): string {
  const shown = lines.slice(0, 20).join(', ') + (lines.length > 20 ? ' …' : '');
  const which = lines.length === 1 ? `Line ${shown} has` : `Lines ${shown} have`;
  const detail = firstError ? ` (line ${lines[0]}: ${firstError})` : '';
  return `${which} an error${detail}. Change how the file is read, or leave ${
    lines.length === 1 ? 'it' : 'them'
  } out to import the rest.`;
}
