import { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from './auth/auth.guards';

export const appRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'FinWise',
    canActivate: [signedInGuard],
    loadComponent: () => import('./home/home.component').then((m) => m.HomeComponent),
  },
  {
    path: 'login',
    title: 'Sign in · FinWise',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/login/login.component').then((m) => m.LoginComponent),
  },
  { path: '**', redirectTo: '' },
];
