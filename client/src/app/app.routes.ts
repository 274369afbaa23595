import { Routes } from '@angular/router';
import { joinGuard, signedInGuard, signedOutGuard } from './auth/auth.guards';
import { HOUSEHOLD_ROUTES } from './household.routes';

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
    children: HOUSEHOLD_ROUTES,
  },
  { path: '**', redirectTo: '' },
];
