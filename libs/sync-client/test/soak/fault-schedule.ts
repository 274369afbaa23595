/** A fault the soak injects, at a fraction of its duration. */
export type SoakFault =
  | 'kill server A'
  | 'kill server B'
  | 'restart PostgreSQL'
  | 'crash PostgreSQL'
  | 'stop Redis'
  | 'start Redis'
  | 'cut every connection';

export interface ScheduledFault {
  /** 0 … 1 of the run. */
  at: number;
  fault: SoakFault;
}

/**
 * When each fault happens. Server A, whose heap is measured, is killed only in the first half,
 * so the second half measures one process; everything else happens in both halves. Access
 * tokens expire all the time (they live 30 s), which is not scheduled.
 */
export const SOAK_SCHEDULE: readonly ScheduledFault[] = [
  { at: 0.1, fault: 'cut every connection' },
  { at: 0.15, fault: 'kill server A' },
  { at: 0.22, fault: 'restart PostgreSQL' },
  { at: 0.28, fault: 'stop Redis' },
  { at: 0.34, fault: 'start Redis' },
  { at: 0.4, fault: 'kill server A' },
  { at: 0.46, fault: 'crash PostgreSQL' },
  { at: 0.55, fault: 'kill server B' },
  { at: 0.62, fault: 'restart PostgreSQL' },
  { at: 0.68, fault: 'stop Redis' },
  { at: 0.74, fault: 'start Redis' },
  { at: 0.8, fault: 'cut every connection' },
  { at: 0.85, fault: 'kill server B' },
  { at: 0.9, fault: 'crash PostgreSQL' },
];
