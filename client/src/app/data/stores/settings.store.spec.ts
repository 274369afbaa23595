import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { settings } from '@finwise/domain';
import { syncedRow } from '../../testing/rows';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { SettingsStore } from './settings.store';

describe('SettingsStore', () => {
  it('mirrors the household’s settings and writes through the sync client', async () => {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(SettingsStore);
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const row = syncedRow(settings, 1);
    sync.client().seed('settings', [row]);
    await settle();
    expect(store.entities()).toEqual([row]);

    await store.update(row.id, {});
    await settle();
    expect(sync.client().calls).toContain(`update settings ${row.id} {}`);
  });
});
