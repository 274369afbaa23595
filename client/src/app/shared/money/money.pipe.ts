import { inject, Pipe, PipeTransform } from '@angular/core';
import { USER_LOCALE } from '../locale';
import { formatMoney } from './format-money';

/** `{{ amountMinor | money: currency }}`: minor units shown in the currency, in the user's locale. */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  private readonly locale = inject(USER_LOCALE);

  transform(minor: number | null | undefined, currency: string | null | undefined): string {
    return formatMoney(minor ?? 0, currency || 'EUR', this.locale);
  }
}
