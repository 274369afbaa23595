import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { MonthBudget } from '@finwise/finance';
import { MoneyPipe } from '../shared/money/money.pipe';
import { HoldControlsComponent } from './hold-controls.component';

/**
 * How the month's To Budget comes about (FINANCE §3): income, last month's leftovers and
 * overspending, budgeted and held money; and what is safe to assign now when that is less.
 */
@Component({
  selector: 'fw-budget-summary',
  imports: [MoneyPipe, HoldControlsComponent],
  templateUrl: './budget-summary.component.html',
  styleUrl: './budget-summary.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BudgetSummaryComponent {
  readonly budget = input.required<MonthBudget>();
}
