import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { payees } from '@finwise/domain';
import { syncedRow } from '../../testing/rows';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { PayeesStore } from './payees.store';

describe('PayeesStore', () => {
  it('mirrors the household’s payees and writes through the sync client', async () => {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(PayeesStore);
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const row = syncedRow(payees, 1);
    sync.client().seed('payees', [row]);
    await settle();
    expect(store.entities()).toEqual([row]);

    await store.update(row.id, {});
    await settle();
    expect(sync.client().calls).toContain(`update payees ${row.id} {}`);
  });
});
