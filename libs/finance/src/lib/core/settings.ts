import { settingsId } from './ids';
import { isLive, type SettingsRow } from './rows';

/** The budget currency when the household has no settings row yet (FINANCE §1). */
export const DEFAULT_BUDGET_CURRENCY = 'EUR';

/** The household's budget currency from its settings rows (only the one with the settings id counts). */
export function budgetCurrencyOf(settings: readonly SettingsRow[]): string {
  const id = settingsId();
  const row = settings.find((candidate) => candidate.id === id && isLive(candidate));
  return row?.budgetCurrency ?? DEFAULT_BUDGET_CURRENCY;
}
