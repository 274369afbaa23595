import { nextStep, type SyncStep, type SyncWorkState } from './next-step';

const idle: SyncWorkState = {
  pushWaiting: false,
  pullDue: false,
  broadcasts: 0,
  pushedLast: false,
};

/** Runs the choice like the engine does, with a fixed amount of work of each kind. */
function schedule(pushes: number, broadcasts: number, pullDue: boolean): SyncStep[] {
  const steps: SyncStep[] = [];
  let state = { pushWaiting: pushes > 0, pullDue, broadcasts, pushedLast: false };
  for (;;) {
    const step = nextStep(state);
    if (step === 'idle') return steps;
    steps.push(step);
    if (step === 'push') pushes -= 1;
    state = {
      pushWaiting: pushes > 0,
      pullDue: step === 'pull' ? false : state.pullDue,
      broadcasts: step === 'broadcast' ? state.broadcasts - 1 : state.broadcasts,
      pushedLast: step === 'push',
    };
  }
}

describe('nextStep', () => {
  it('waits when there is nothing to do', () => {
    expect(nextStep(idle)).toBe('idle');
  });

  it('pushes the queued writes of a new connection before its catch-up', () => {
    expect(schedule(1, 0, true)).toEqual(['push', 'pull']);
  });

  it('lets the outbox and received broadcasts take turns, so neither starves the other', () => {
    expect(schedule(3, 4, false)).toEqual([
      'push',
      'broadcast',
      'push',
      'broadcast',
      'push',
      'broadcast',
      'broadcast',
    ]);
  });

  it('applies a due catch-up before received broadcasts (they continue its cursor)', () => {
    expect(schedule(0, 2, true)).toEqual(['pull', 'broadcast', 'broadcast']);
  });

  it('drains the outbox back to back when nothing else waits', () => {
    expect(schedule(3, 0, false)).toEqual(['push', 'push', 'push']);
  });
});
