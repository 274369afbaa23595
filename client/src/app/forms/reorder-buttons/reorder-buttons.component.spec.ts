import { TestBed } from '@angular/core/testing';
import { ReorderButtonsComponent, type ReorderRequest } from './reorder-buttons.component';

describe('ReorderButtonsComponent', () => {
  it('names what moves, stops at the ends and keeps focus on the pressed button', async () => {
    const fixture = TestBed.createComponent(ReorderButtonsComponent);
    fixture.componentRef.setInput('name', 'group Everyday');
    fixture.componentRef.setInput('canMoveUp', false);
    fixture.componentRef.setInput('canMoveDown', true);
    const moves: ReorderRequest[] = [];
    fixture.componentInstance.move.subscribe((move) => moves.push(move));
    document.body.append(fixture.nativeElement);
    await fixture.whenStable();

    const [up, down] = [...fixture.nativeElement.querySelectorAll('button')] as HTMLButtonElement[];
    expect(up.textContent?.replace(/\s+/g, ' ').trim()).toBe('↑Move group Everyday up');
    expect(up.disabled).toBe(true);
    expect(down.textContent?.replace(/\s+/g, ' ').trim()).toBe('↓Move group Everyday down');

    down.click();
    expect(moves.map((move) => move.direction)).toEqual([1]);
    // The row moved: its elements were taken out and put back, which drops focus.
    const parent = fixture.nativeElement.parentElement as HTMLElement;
    parent.append(fixture.nativeElement);
    moves[0].keepFocus();
    await Promise.resolve();
    expect(document.activeElement).toBe(down);
    fixture.nativeElement.remove();
  });
});
