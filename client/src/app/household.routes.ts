import type { Routes } from '@angular/router';

/** The screens of a signed-in household; a generated entity adds its page here. */
export const HOUSEHOLD_ROUTES: Routes = [
  {
    path: 'accounts',
    title: 'Accounts · FinWise',
    loadComponent: () =>
      import('./accounts/accounts-page.component').then((m) => m.AccountsPageComponent),
  },
  {
    path: 'accounts/:accountId',
    title: 'Register · FinWise',
    loadComponent: () =>
      import('./register/register-page.component').then((m) => m.RegisterPageComponent),
  },
  {
    path: 'accounts/:accountId/import',
    title: 'Import · FinWise',
    loadComponent: () =>
      import('./import/import-page.component').then((m) => m.ImportPageComponent),
  },
  {
    path: 'categories',
    title: 'Categories · FinWise',
    loadComponent: () =>
      import('./categories/categories-page.component').then((m) => m.CategoriesPageComponent),
  },
  {
    path: 'budget',
    title: 'Budget · FinWise',
    loadComponent: () =>
      import('./budget/budget-page.component').then((m) => m.BudgetPageComponent),
  },
  {
    path: 'budget/:month',
    title: 'Budget · FinWise',
    loadComponent: () =>
      import('./budget/budget-page.component').then((m) => m.BudgetPageComponent),
  },
  {
    path: 'reports',
    title: 'Reports · FinWise',
    loadComponent: () =>
      import('./reports/reports-page.component').then((m) => m.ReportsPageComponent),
  },
  {
    path: 'settings',
    title: 'Settings · FinWise',
    loadComponent: () =>
      import('./settings/settings-page.component').then((m) => m.SettingsPageComponent),
  },
  {
    path: 'payees',
    title: 'Payees · FinWise',
    loadComponent: () =>
      import('./payees/payees-page.component').then((m) => m.PayeesPageComponent),
  },
];
