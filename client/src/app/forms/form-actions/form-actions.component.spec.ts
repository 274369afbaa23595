import { TestBed } from '@angular/core/testing';
import { FormActionsComponent } from './form-actions.component';

describe('FormActionsComponent', () => {
  it('submits its form, is disabled while saving, and offers Cancel when the form can be left', async () => {
    const fixture = TestBed.createComponent(FormActionsComponent);
    fixture.componentRef.setInput('submitLabel', 'Save account');
    fixture.componentRef.setInput('saving', true);
    let cancelled = 0;
    fixture.componentInstance.cancelled.subscribe(() => (cancelled += 1));
    await fixture.whenStable();

    const buttons = () =>
      [...fixture.nativeElement.querySelectorAll('button')] as HTMLButtonElement[];
    const [submit, cancel] = buttons();
    expect(submit.type).toBe('submit');
    expect(submit.textContent?.trim()).toBe('Save account');
    expect(submit.disabled).toBe(true);
    cancel.click();
    expect(cancelled).toBe(1);

    fixture.componentRef.setInput('cancellable', false);
    await fixture.whenStable();
    expect(buttons().map((button) => button.textContent?.trim())).toEqual(['Save account']);
  });
});
