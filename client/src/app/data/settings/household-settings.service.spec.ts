import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { settingsId } from '@finwise/finance';
import { AuthService } from '../auth/auth.service';
import { setUpFakeSync, TEST_SESSION, type FakeSync } from '../testing/fake-sync-setup';
import { HouseholdSettings } from './household-settings.service';

describe('HouseholdSettings', () => {
  let sync: FakeSync;

  const settle = async () => {
    for (let round = 0; round < 3; round += 1) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
    }
  };

  function setUp(): HouseholdSettings {
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    return TestBed.inject(HouseholdSettings);
  }

  it('budgets in EUR without a settings row, then in the currency the row names', async () => {
    sync = setUpFakeSync();
    const settings = setUp();
    await settle();
    expect(settings.budgetCurrency()).toBe('EUR');

    await settings.setBudgetCurrency('GBP');
    await settle();
    expect(sync.client().calls).toEqual([`create settings ${settingsId()}`]);
    expect(settings.budgetCurrency()).toBe('GBP');

    await settings.setBudgetCurrency('USD');
    expect(sync.client().calls).toContain(
      `update settings ${settingsId()} {"budgetCurrency":"USD"}`,
    );
  });

  it('after sign-up, waits for the new household’s client and writes the row there', async () => {
    sync = setUpFakeSync(null);
    const settings = setUp();
    await settle();

    const signUp = TestBed.inject(AuthService).signUp({
      email: TEST_SESSION.user.email,
      password: 'correct horse',
    });
    TestBed.inject(HttpTestingController).expectOne('/api/auth/signup').flush(TEST_SESSION);
    await signUp;
    const written = settings.setBudgetCurrencyOnceOpen('CHF');
    expect(sync.clients).toHaveLength(0);
    await settle();
    await written;

    expect(sync.client().options.tenantId).toBe(TEST_SESSION.tenant.id);
    expect(sync.client().rows.get('settings')?.get(settingsId())).toMatchObject({
      budgetCurrency: 'CHF',
    });
  });
});
