import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { importSettings } from '@finwise/domain';
import { syncedRow } from '../../testing/rows';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { ImportSettingsStore } from './import-settings.store';

describe('ImportSettingsStore', () => {
  it('mirrors the household’s import settings and writes through the sync client', async () => {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(ImportSettingsStore);
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const row = syncedRow(importSettings, 1);
    sync.client().seed('import_settings', [row]);
    await settle();
    expect(store.entities()).toEqual([row]);

    await store.update(row.id, {});
    await settle();
    expect(sync.client().calls).toContain(`update import_settings ${row.id} {}`);
  });
});
