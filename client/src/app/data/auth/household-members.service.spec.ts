import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SESSION_STORAGE_KEY } from './auth.service';
import { HouseholdMembersService } from './household-members.service';
import type { Session } from './session';

const session: Session = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  user: { id: 'u1', email: 'ada@example.com' },
  tenant: { id: 't1', name: 'Lovelace' },
};

describe('HouseholdMembersService', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  function setUp(): { service: HouseholdMembersService; http: HttpTestingController } {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    return {
      service: TestBed.inject(HouseholdMembersService),
      http: TestBed.inject(HttpTestingController),
    };
  }

  it("loads the household's members and knows the user's role", async () => {
    const { service, http } = setUp();
    const loaded = service.load();
    http.expectOne('/api/tenants/t1/members').flush({
      items: [
        {
          userId: 'u1',
          email: 'ada@example.com',
          role: 'owner',
          joinedAt: '2026-11-01T00:00:00.000Z',
        },
      ],
    });
    await loaded;
    expect(service.myRole()).toBe('owner');
  });

  it('refuses an answer that is not a members list', async () => {
    const { service, http } = setUp();
    const loaded = service.load();
    http.expectOne('/api/tenants/t1/members').flush({ items: [{ userId: 'u1', role: 'king' }] });
    await expect(loaded).rejects.toMatchObject({ status: 0 });
    expect(service.members()).toBeNull();
  });

  it('shows no list of the previous household after a switch to another one', async () => {
    const { service, http } = setUp();
    const loaded = service.load();
    http.expectOne('/api/tenants/t1/members').flush({
      items: [
        {
          userId: 'u1',
          email: 'ada@example.com',
          role: 'owner',
          joinedAt: '2026-11-01T00:00:00.000Z',
        },
      ],
    });
    await loaded;
    localStorage.setItem(
      SESSION_STORAGE_KEY,
      JSON.stringify({ ...session, tenant: { id: 't2', name: 'Babbage' } }),
    );
    window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY }));
    expect(service.members()).toBeNull();
    expect(service.myRole()).toBeNull();
  });
});
