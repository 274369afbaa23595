import { BreakpointObserver } from '@angular/cdk/layout';
import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { PreviewRow } from '@finwise/import';
import { map } from 'rxjs';
import { USER_LOCALE } from '../shared/locale';
import { MoneyPipe } from '../shared/money/money.pipe';
import { DELETED_DUPLICATE_TEXT, STATUS_TEXT } from './preview-status';

/** Row heights the virtual scroll relies on; the CSS gives rows exactly these heights. */
const ROW_HEIGHT = { wide: 56, narrow: 112 } as const;
const NARROW_SCREEN = '(max-width: 640px)';

/** A line ticked for import (`included`) or not. */
export interface LineChoice {
  readonly line: number;
  readonly included: boolean;
}

/**
 * Every line of the file with what an import does with it: status in words, the date as read
 * beside the file's own text, payee, amount in the account's currency, the error of an
 * unreadable line or a warning about how it was read, a box to leave it out, and on a matched
 * line a switch to add it as a transaction of its own. Only the rows in view are rendered, so a
 * statement of 10,000 lines scrolls as smoothly as one of ten.
 */
@Component({
  selector: 'fw-import-preview-table',
  imports: [ScrollingModule, MoneyPipe],
  templateUrl: './import-preview-table.component.html',
  styleUrl: './import-preview-table.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPreviewTableComponent {
  readonly rows = input.required<readonly PreviewRow[]>();
  readonly excluded = input.required<ReadonlySet<number>>();
  /** Lines switched from `match` to "add as new". */
  readonly forced = input<ReadonlySet<number>>(new Set());
  readonly currency = input.required<string>();
  readonly include = output<LineChoice>();
  readonly includeAll = output<boolean>();
  /** A `match` line to add as new (`included` true) or to match again (false). */
  readonly forceNew = output<LineChoice>();

  private readonly locale = inject(USER_LOCALE);
  protected readonly statusText = STATUS_TEXT;
  protected readonly deletedText = DELETED_DUPLICATE_TEXT;
  protected readonly rowHeight = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state) => (state.matches ? ROW_HEIGHT.narrow : ROW_HEIGHT.wide))),
    { initialValue: ROW_HEIGHT.wide },
  );
  /** Short files get a short viewport; CSS caps long ones at a share of the screen height. */
  protected readonly viewportHeight = computed(
    () => Math.max(this.rows().length, 1) * this.rowHeight() + 2,
  );
  private readonly dateFormat = computed(
    () => new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  );
  private readonly viewport = viewChild(CdkVirtualScrollViewport);

  constructor() {
    // The viewport caches its size; tell it when a height change (another file, rotation) lands.
    afterRenderEffect(() => {
      this.viewportHeight();
      this.viewport()?.checkViewportSize();
    });
  }

  protected formatDate(date: string | undefined): string {
    return date ? this.dateFormat().format(new Date(`${date}T00:00:00Z`)) : '';
  }

  protected changed(line: number, event: Event): void {
    this.include.emit({ line, included: (event.target as HTMLInputElement).checked });
  }

  protected toggleNew(line: number): void {
    this.forceNew.emit({ line, included: !this.forced().has(line) });
  }

  protected trackLine(_index: number, row: PreviewRow): number {
    return row.line;
  }
}
