import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { Session } from '../auth/session';
import { HomeComponent } from './home.component';

describe('HomeComponent', () => {
  const session: Session = {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    user: { id: 'u1', email: 'ada@example.com' },
    tenant: { id: 't1', name: 'Lovelace' },
  };

  it('shows who is signed in and signs out back to /login', async () => {
    const state = signal<Session | null>(session);
    const signOut = jest.fn(() => state.set(null));
    TestBed.configureTestingModule({
      imports: [HomeComponent],
      providers: [provideRouter([]), { provide: AuthService, useValue: { session: state.asReadonly(), signOut } }],
    });
    const navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(HomeComponent);
    const element: HTMLElement = fixture.nativeElement;
    await fixture.whenStable();

    const text = element.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('Signed in as ada@example.com — household Lovelace');
    expect(text).toContain('will appear here');

    element.querySelector<HTMLButtonElement>('button')!.click();
    await fixture.whenStable();

    expect(signOut).toHaveBeenCalled();
    expect(navigateByUrl).toHaveBeenCalledWith('/login');
  });
});
