import { Routes } from '@angular/router';
import { joinGuard, signedInGuard, signedOutGuard } from './auth/auth.guards';

const login = () => import('./auth/login/login.component').then((m) => m.LoginComponent);

export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'accounts' },
  {
    path: 'login',
    title: 'Sign in · FinWise',
    canActivate: [signedOutGuard],
    loadComponent: login,
  },
  {
    path: 'signup',
    title: 'Create your account · FinWise',
    canActivate: [signedOutGuard],
    loadComponent: login,
    data: { startMode: 'signUp' },
  },
  {
    path: 'join',
    title: 'Join a household · FinWise',
    canActivate: [joinGuard],
    loadComponent: () => import('./auth/join/join.component').then((m) => m.JoinComponent),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
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
        path: 'settings',
        title: 'Settings · FinWise',
        loadComponent: () =>
          import('./settings/settings-page.component').then((m) => m.SettingsPageComponent),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
