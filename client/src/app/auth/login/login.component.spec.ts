import { signal, type WritableSignal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ApiError } from '../../data/api/api-error';
import { AccountService } from '../../data/auth/account.service';
import { AuthService, type SignedOutNotice } from '../../data/auth/auth.service';
import { HouseholdSettings } from '../../data/settings/household-settings.service';
import { StarterCategories } from '../../data/starter/starter-categories.service';
import { LoginComponent } from './login.component';

describe('LoginComponent', () => {
  let fixture: ComponentFixture<LoginComponent>;
  let element: HTMLElement;
  let auth: {
    logIn: jest.Mock;
    signUp: jest.Mock;
    signedOutNotice: WritableSignal<SignedOutNotice | null>;
  };
  let navigateByUrl: jest.SpyInstance;
  let settings: { setBudgetCurrencyOnceOpen: jest.Mock };
  let account: { invitedHousehold: jest.Mock };
  let starter: { addOnceOpen: jest.Mock };

  beforeEach(async () => {
    auth = {
      logIn: jest.fn().mockResolvedValue(undefined),
      signUp: jest.fn().mockResolvedValue(undefined),
      signedOutNotice: signal<SignedOutNotice | null>(null),
    };
    settings = { setBudgetCurrencyOnceOpen: jest.fn().mockResolvedValue(undefined) };
    account = { invitedHousehold: jest.fn().mockResolvedValue({ state: 'unknown' }) };
    starter = { addOnceOpen: jest.fn().mockResolvedValue(undefined) };
    TestBed.configureTestingModule({
      imports: [LoginComponent],
      providers: [
        provideRouter([]),
        { provide: AuthService, useValue: auth },
        { provide: HouseholdSettings, useValue: settings },
        { provide: AccountService, useValue: account },
        { provide: StarterCategories, useValue: starter },
      ],
    });
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  function input(id: string): HTMLInputElement {
    const found = element.querySelector<HTMLInputElement>(`#${id}`);
    if (!found) {
      throw new Error(`No input #${id}`);
    }
    return found;
  }

  async function type(id: string, value: string): Promise<void> {
    const field = input(id);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    element.querySelector('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  async function switchMode(): Promise<void> {
    element.querySelector<HTMLButtonElement>('.login__switch button')!.click();
    await fixture.whenStable();
  }

  function text(): string {
    return element.textContent?.replace(/\s+/g, ' ') ?? '';
  }

  it('renders a sign-in form whose fields have labels', () => {
    expect(element.querySelector('h1')?.textContent).toContain('Sign in');
    for (const id of ['login-email', 'login-password']) {
      expect(element.querySelector(`label[for="${id}"]`)).not.toBeNull();
      expect(input(id)).toBeTruthy();
    }
    expect(element.querySelector('#login-tenant-name')).toBeNull();
  });

  it('checks a new password with the shared sign-up rule and does not call the server', async () => {
    await switchMode();
    await type('login-email', 'ada@example.com');
    await type('login-password', 'short');
    await submit();

    expect(text()).toContain('Password must be at least 8 characters.');
    expect(input('login-password').getAttribute('aria-invalid')).toBe('true');
    expect(input('login-password').getAttribute('aria-describedby')).toContain(
      'login-password-error',
    );
    expect(auth.signUp).not.toHaveBeenCalled();
  });

  it('leaves the length of an existing password to the server when signing in', async () => {
    await type('login-email', 'ada@example.com');
    await type('login-password', 'short');
    await submit();
    expect(auth.logIn).toHaveBeenCalledWith({ email: 'ada@example.com', password: 'short' });
  });

  it('asks for missing and malformed email addresses', async () => {
    await submit();
    expect(text()).toContain('Enter your email address.');
    expect(text()).toContain('Enter your password.');

    await type('login-email', 'not-an-email');
    expect(text()).toContain('Email must be a valid email address.');
  });

  it('refuses a household name longer than the server takes', async () => {
    await switchMode();
    await type('login-email', 'ada@example.com');
    await type('login-password', 'correct horse');
    await type('login-tenant-name', 'x'.repeat(201));
    await submit();
    expect(text()).toContain('Household name must be at most 200 characters.');
    expect(input('login-tenant-name').getAttribute('aria-invalid')).toBe('true');
    expect(auth.signUp).not.toHaveBeenCalled();
  });

  it('signs in with the entered credentials and goes home', async () => {
    await type('login-email', ' ada@example.com ');
    await type('login-password', 'correct horse');
    await submit();

    expect(auth.logIn).toHaveBeenCalledWith({
      email: 'ada@example.com',
      password: 'correct horse',
    });
    expect(auth.signUp).not.toHaveBeenCalled();
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('creates an account with the optional household name', async () => {
    await switchMode();
    expect(element.querySelector('h1')?.textContent).toContain('Create your account');
    expect(element.querySelector('label[for="login-tenant-name"]')?.textContent).toContain(
      'Household name',
    );

    await type('login-email', 'ada@example.com');
    await type('login-password', 'correct horse');
    await type('login-tenant-name', 'Lovelace');
    await submit();

    expect(auth.signUp).toHaveBeenCalledWith({
      email: 'ada@example.com',
      password: 'correct horse',
      tenantName: 'Lovelace',
    });
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it("shows the server's message when signing in fails", async () => {
    auth.logIn.mockRejectedValue(new ApiError('Invalid email or password', 401));
    await type('login-email', 'ada@example.com');
    await type('login-password', 'wrong password');
    await submit();

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Invalid email or password',
    );
    expect(navigateByUrl).not.toHaveBeenCalled();
    expect(element.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(false);
  });

  it('starts in sign-up mode with the invite code of a join link', async () => {
    fixture.componentRef.setInput('code', 'JOIN-ME');
    await fixture.whenStable();

    expect(element.querySelector('h1')?.textContent).toContain('Create your account');
    expect(input('login-invite-code').value).toBe('JOIN-ME');
    await type('login-email', 'bob@example.com');
    await type('login-password', 'correct horse');
    await submit();
    expect(auth.signUp).toHaveBeenCalledWith(expect.objectContaining({ inviteCode: 'JOIN-ME' }));
    // Joining a household keeps that household's currency: no question, no write.
    expect(element.querySelector('#login-budget-currency')).toBeNull();
    expect(settings.setBudgetCurrencyOnceOpen).not.toHaveBeenCalled();
    // Nor suggested categories: the household has its own.
    expect(element.querySelector('#login-suggested-categories')).toBeNull();
    expect(starter.addOnceOpen).not.toHaveBeenCalled();
  });

  it('asks a new household for its budget currency and writes it after sign-up', async () => {
    await switchMode();
    const select = element.querySelector<HTMLSelectElement>('#login-budget-currency');
    expect(select?.value).toBe('EUR');
    expect(element.querySelector('label[for="login-budget-currency"]')?.textContent).toContain(
      'Budget currency',
    );
    select!.value = 'CHF';
    select!.dispatchEvent(new Event('change'));
    await type('login-email', 'ada@example.com');
    await type('login-password', 'correct horse');
    await submit();

    expect(auth.signUp).toHaveBeenCalledWith(
      expect.not.objectContaining({ budgetCurrency: expect.anything() }),
    );
    expect(settings.setBudgetCurrencyOnceOpen).toHaveBeenCalledWith('CHF');
    expect(auth.signUp.mock.invocationCallOrder[0]).toBeLessThan(
      settings.setBudgetCurrencyOnceOpen.mock.invocationCallOrder[0],
    );
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('gives a new household the suggested categories unless the box is unticked', async () => {
    await switchMode();
    const box = input('login-suggested-categories');
    expect(box.checked).toBe(true);
    expect(element.querySelector('label[for="login-suggested-categories"]')?.textContent).toContain(
      'Start with suggested categories',
    );
    await type('login-email', 'ada@example.com');
    await type('login-password', 'correct horse');
    await submit();
    expect(starter.addOnceOpen).toHaveBeenCalledTimes(1);
    expect(auth.signUp.mock.invocationCallOrder[0]).toBeLessThan(
      starter.addOnceOpen.mock.invocationCallOrder[0],
    );

    box.click();
    await fixture.whenStable();
    await submit();
    expect(auth.signUp).toHaveBeenCalledTimes(2);
    expect(starter.addOnceOpen).toHaveBeenCalledTimes(1);
  });

  it('lets the user in even when the currency could not be written', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    settings.setBudgetCurrencyOnceOpen.mockRejectedValue(new Error('Timeout has occurred'));
    await switchMode();
    await type('login-email', 'ada@example.com');
    await type('login-password', 'correct horse');
    await submit();
    expect(settings.setBudgetCurrencyOnceOpen).toHaveBeenCalledWith('EUR');
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('switches to sign-up on the first click when the route carries no mode', async () => {
    // The router's input binding sets inputs the route lacks to undefined, not to their default.
    fixture.componentRef.setInput('startMode', undefined);
    fixture.componentRef.setInput('code', undefined);
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent).toContain('Sign in');

    await switchMode();

    expect(element.querySelector('h1')?.textContent).toContain('Create your account');
    expect(element.querySelector('#login-tenant-name')).not.toBeNull();
    await switchMode();
    expect(element.querySelector('h1')?.textContent).toContain('Sign in');
  });

  it('says in one sentence what FinWise is, above the form', () => {
    const intro = element.querySelector('[data-test="intro"]');
    expect(intro?.textContent?.replace(/\s+/g, ' ')).toContain(
      'FinWise is a personal finance app with an envelope budget that works offline first',
    );
    expect(intro?.compareDocumentPosition(element.querySelector('form')!)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
  });

  it('says which household an invite code joins and asks for no household name', async () => {
    account.invitedHousehold.mockResolvedValue({ state: 'found', name: 'The Babbages' });
    await switchMode();
    await type('login-tenant-name', 'Not asked for');
    await type('login-invite-code', ' abcd-efgh-jklm ');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await fixture.whenStable();

    expect(account.invitedHousehold).toHaveBeenCalledWith('abcd-efgh-jklm');
    expect(text()).toContain('You will join the household The Babbages.');
    expect(element.querySelector('#login-tenant-name')).toBeNull();
    await type('login-email', 'bob@example.com');
    await type('login-password', 'correct horse');
    await submit();
    expect(auth.signUp).toHaveBeenCalledWith({
      email: 'bob@example.com',
      password: 'correct horse',
      inviteCode: ' abcd-efgh-jklm ',
    });
  });

  it('says so when the invite code is unknown', async () => {
    fixture.componentRef.setInput('code', 'GONE-GONE-GONE');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await fixture.whenStable();
    expect(text()).toContain('This invite code is invalid, expired or already used.');
    expect(element.querySelector('#login-tenant-name')).toBeNull();
  });

  it('opens in sign-up mode on /signup', async () => {
    fixture.componentRef.setInput('startMode', 'signUp');
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent).toContain('Create your account');
  });

  it('says why the app signed the user out: removed from, or left, a household', async () => {
    expect(element.querySelector('[data-test="signed-out-notice"]')).toBeNull();
    auth.signedOutNotice.set({ reason: 'removed', householdName: 'Lovelace' });
    await fixture.whenStable();
    expect(
      element.querySelector('[data-test="signed-out-notice"]')?.textContent?.replace(/\s+/g, ' '),
    ).toContain(
      'You were signed out because you were removed from the household Lovelace. Its data stays on this device.',
    );
    auth.signedOutNotice.set({ reason: 'left', householdName: 'Lovelace' });
    await fixture.whenStable();
    expect(element.querySelector('[data-test="signed-out-notice"]')?.textContent).toContain(
      'You left the household',
    );
  });
});
