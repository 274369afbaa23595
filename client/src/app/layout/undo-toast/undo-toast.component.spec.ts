import { TestBed } from '@angular/core/testing';
import { UndoService, type UndoOffer } from '../../data/undo/undo.service';
import { UndoToastComponent } from './undo-toast.component';

describe('UndoToastComponent', () => {
  function render(offer: UndoOffer | null) {
    const undo = jest.fn(async () => undefined);
    TestBed.configureTestingModule({
      imports: [UndoToastComponent],
      providers: [{ provide: UndoService, useValue: { offer: () => offer, undo } }],
    });
    const fixture = TestBed.createComponent(UndoToastComponent);
    fixture.detectChanges();
    document.body.appendChild(fixture.nativeElement);
    return { element: fixture.nativeElement as HTMLElement, undo };
  }

  const pressUndoKeys = (target: EventTarget, init: KeyboardEventInit = { ctrlKey: true }) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', bubbles: true, ...init }));

  afterEach(() => (document.body.innerHTML = ''));

  it('shows the offer in a polite live region with an Undo button, without taking focus', () => {
    const { element, undo } = render({ id: 1, message: 'Transaction deleted.' });
    const region = element.querySelector('[role="status"]');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.textContent).toContain('Transaction deleted.');
    expect(document.activeElement).toBe(document.body);
    element.querySelector<HTMLButtonElement>('button')?.click();
    expect(undo).toHaveBeenCalledTimes(1);
  });

  it('undoes on Ctrl+Z or Cmd+Z, but not while typing in a field', () => {
    const { undo } = render({ id: 1, message: 'Transaction saved.' });
    pressUndoKeys(document.body);
    pressUndoKeys(document.body, { metaKey: true });
    expect(undo).toHaveBeenCalledTimes(2);

    const field = document.createElement('input');
    document.body.appendChild(field);
    pressUndoKeys(field);
    pressUndoKeys(document.body, { ctrlKey: true, shiftKey: true });
    expect(undo).toHaveBeenCalledTimes(2);
  });

  it('leaves Ctrl+Z alone when there is nothing to undo', () => {
    const { element, undo } = render(null);
    const event = new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, cancelable: true });
    document.dispatchEvent(event);
    expect(undo).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
    expect(element.querySelector('button')).toBeNull();
  });
});
