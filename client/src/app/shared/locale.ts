import { InjectionToken } from '@angular/core';

/** The user's language for numbers, money and dates (the browser's; tests pin it). */
export const USER_LOCALE = new InjectionToken<string>('USER_LOCALE', {
  providedIn: 'root',
  factory: () => (typeof navigator !== 'undefined' && navigator.language) || 'en-US',
});
