import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { reconciliations } from '@finwise/domain';
import { syncedRow } from '../../testing/rows';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { ReconciliationsStore } from './reconciliations.store';

describe('ReconciliationsStore', () => {
  it('mirrors the household’s reconciliations and writes through the sync client', async () => {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(ReconciliationsStore);
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const row = syncedRow(reconciliations, 1);
    sync.client().seed('reconciliations', [row]);
    await settle();
    expect(store.entities()).toEqual([row]);

    await store.remove(row.id);
    await settle();
    expect(sync.client().calls).toContain(`delete reconciliations ${row.id}`);
  });
});
