import {
  checkReportRange,
  MAX_REPORT_MONTHS,
  reportMonths,
  reportRange,
  ReportRangeError,
} from './report-range';

describe('reportRange', () => {
  it('defaults to the twelve months ending with the current month', () => {
    expect(reportRange({}, '2026-05')).toEqual({ from: '2025-06', to: '2026-05' });
    expect(reportRange({ from: '', to: '' }, '2026-05')).toEqual({
      from: '2025-06',
      to: '2026-05',
    });
  });

  it('counts twelve months back from a given end, and runs a given start to this month', () => {
    expect(reportRange({ to: '2025-02' }, '2026-05')).toEqual({ from: '2024-03', to: '2025-02' });
    expect(reportRange({ from: '2026-03' }, '2026-05')).toEqual({ from: '2026-03', to: '2026-05' });
    expect(reportRange({ from: '2026-03', to: '2026-03' }, '2026-05')).toEqual({
      from: '2026-03',
      to: '2026-03',
    });
  });

  it('allows 120 months and refuses 121', () => {
    expect(reportRange({ from: '2017-01', to: '2026-12' }, '2026-05')).toEqual({
      from: '2017-01',
      to: '2026-12',
    });
    expect(() => reportRange({ from: '2016-12', to: '2026-12' }, '2026-05')).toThrow(
      new ReportRangeError([
        {
          path: 'from',
          message: 'is too early: a report covers at most 120 months (2016-12..2026-12 is 121)',
        },
      ]),
    );
    expect(MAX_REPORT_MONTHS).toBe(120);
  });

  it('refuses a range that ends before it starts, also when the end is the default', () => {
    const refusal = (query: { from?: string; to?: string }) => {
      try {
        reportRange(query, '2026-05');
      } catch (error) {
        return error instanceof ReportRangeError ? error.message : 'another error';
      }
      return 'accepted';
    };
    expect(refusal({ from: '2026-02', to: '2026-01' })).toBe('from must not be after to (2026-01)');
    expect(refusal({ from: '2026-06' })).toBe('from must not be after to (2026-05)');
  });

  it('names every malformed parameter, cut short', () => {
    let caught: unknown;
    try {
      reportRange({ from: '2026-13', to: `2026-1${'9'.repeat(100)}` }, '2026-05');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RangeError);
    expect((caught as ReportRangeError).issues).toEqual([
      { path: 'from', message: 'must be one month YYYY-MM (got 2026-13)' },
      { path: 'to', message: `must be one month YYYY-MM (got 2026-1${'9'.repeat(14)})` },
    ]);
  });

  it('refuses a parameter given twice or as an object, and dates instead of months', () => {
    for (const from of [['2026-01', '2026-02'], { a: 1 }, 202601, '2026-01-01', '2026-1']) {
      expect(() => reportRange({ from }, '2026-05')).toThrow(ReportRangeError);
    }
    expect(() => reportRange({}, '2026-5')).toThrow(RangeError);
  });
});

describe('reportMonths', () => {
  it('lists every month of the range across a year end', () => {
    expect(reportMonths('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(reportMonths('2026-04', '2026-04')).toEqual(['2026-04']);
  });

  it('refuses what reportRange refuses', () => {
    expect(() => reportMonths('2026-02', '2026-01')).toThrow(ReportRangeError);
    expect(() => reportMonths('2000-01', '2026-01')).toThrow(ReportRangeError);
    expect(() => checkReportRange('2026-00', '2026-01')).toThrow('from must be one month YYYY-MM');
  });
});
