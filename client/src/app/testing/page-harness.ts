import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SyncClientService } from '../data/sync-client/sync-client.service';
import type { FakeSyncClient } from '../data/testing/fake-sync-client';
import { setUpFakeSync } from '../data/testing/fake-sync-setup';
import { USER_LOCALE } from '../shared/locale';

export interface PageQueries {
  text(): string;
  byLabel<E extends HTMLElement = HTMLInputElement>(label: string | RegExp): E;
  type(label: string | RegExp, value: string): Promise<void>;
  click(button: string | RegExp): Promise<void>;
}

export interface PageHarness<T> extends PageQueries {
  fixture: ComponentFixture<T>;
  element: HTMLElement;
  client: FakeSyncClient;
  /** Lets effects, live-query callbacks and change detection run. */
  settle(): Promise<void>;
  /** The same queries limited to one part of the page (the first match of `selector`). */
  within(selector: string): PageQueries;
}

/**
 * Renders a screen as a signed-in user whose household data lives in an in-memory sync
 * client, seeded before the first render.
 */
export async function renderPage<T>(
  component: Type<T>,
  options: { seed?: Record<string, readonly object[]>; inputs?: Record<string, unknown> } = {},
): Promise<PageHarness<T>> {
  const sync = setUpFakeSync();
  TestBed.configureTestingModule({
    imports: [component],
    providers: [
      ...sync.providers,
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: USER_LOCALE, useValue: 'en-US' },
    ],
  });
  TestBed.inject(SyncClientService);
  const settle = async () => {
    for (let round = 0; round < 3; round += 1) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
    }
  };
  await settle();
  const client = sync.client();
  for (const [modelName, rows] of Object.entries(options.seed ?? {})) {
    client.seed(modelName, rows);
  }
  const fixture = TestBed.createComponent(component);
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    fixture.componentRef.setInput(name, value);
  }
  await settle();
  const element: HTMLElement = fixture.nativeElement;

  const queries = (root: () => HTMLElement): PageQueries => {
    const byLabel = <E extends HTMLElement>(label: string | RegExp): E => {
      const labels = [...root().querySelectorAll('label')].filter((candidate) => {
        const text = candidate.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        return typeof label === 'string' ? text === label : label.test(text);
      });
      const target = labels[0]?.htmlFor
        ? root().querySelector<E>(`[id="${labels[0].htmlFor}"]`)
        : null;
      if (!target) {
        throw new Error(`No field labelled ${String(label)}`);
      }
      return target;
    };
    return {
      text: () => root().textContent?.replace(/\s+/g, ' ') ?? '',
      byLabel,
      type: async (label, value) => {
        const field = byLabel<HTMLInputElement | HTMLSelectElement>(label);
        field.value = value;
        field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
        field.dispatchEvent(new Event('change'));
        await settle();
      },
      click: async (name) => {
        const button = [...root().querySelectorAll<HTMLButtonElement>('button')].find(
          (candidate) => {
            const text = candidate.textContent?.replace(/\s+/g, ' ').trim() ?? '';
            return typeof name === 'string' ? text === name : name.test(text);
          },
        );
        if (!button) {
          throw new Error(`No button ${String(name)}`);
        }
        button.click();
        await settle();
      },
    };
  };

  const within = (selector: string): PageQueries =>
    queries(() => {
      const part = element.querySelector<HTMLElement>(selector);
      if (!part) {
        throw new Error(`Nothing on the page matches ${selector}`);
      }
      return part;
    });

  return { fixture, element, client, settle, within, ...queries(() => element) };
}
