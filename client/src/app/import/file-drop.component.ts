import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import type { PickedFile } from './import-session';

/** The server's limit for a bank file (FINANCE §5: 413 above it); the app keeps the same. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Picks a bank file with the file chooser (a native control: keyboard and screen readers work
 * as everywhere) or by dropping it on the zone, and reads it into memory. Nothing is uploaded.
 */
@Component({
  selector: 'fw-file-drop',
  template: `
    <div
      class="file-drop"
      [class.file-drop--over]="over()"
      data-test="file-drop"
      (dragenter)="dragOver($event)"
      (dragover)="dragOver($event)"
      (dragleave)="over.set(false)"
      (drop)="dropped($event)"
    >
      <label class="field__label" for="import-file">{{ label() }}</label>
      <input
        id="import-file"
        class="file-drop__input"
        type="file"
        accept=".csv,.tsv,.txt,.ofx,.qfx,.qif"
        aria-describedby="import-file-hint"
        (change)="chosen($event)"
      />
      <p id="import-file-hint" class="muted file-drop__hint">
        Or drop the file here. CSV, TSV, OFX, QFX or QIF, up to 10 MB; it is read on this device,
        offline too.
      </p>
      @if (problem(); as message) {
        <p class="field__error" role="alert">{{ message }}</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }

    .file-drop {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.5rem;
      padding: var(--fw-space);
      border: 2px dashed var(--fw-color-border);
      border-radius: var(--fw-radius);
      background: var(--fw-color-surface-subtle);
    }

    .file-drop--over {
      border-color: var(--fw-color-brand);
      background: var(--fw-color-surface);
    }

    /* The browser's own file control is wider than a phone's card unless told to fit. */
    .file-drop__input {
      width: 100%;
      min-width: 0;
      min-height: 2.75rem;
    }

    .file-drop__hint {
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileDropComponent {
  readonly label = input('Bank file');
  readonly picked = output<PickedFile>();

  protected readonly over = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected dragOver(event: DragEvent): void {
    // Without this the browser opens a dropped file instead of handing it to the page.
    event.preventDefault();
    this.over.set(true);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.over.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) void this.read(file);
  }

  protected chosen(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void this.read(file);
  }

  private async read(file: File): Promise<void> {
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      this.problem.set(`${file.name} is larger than 10 MB: import it in parts.`);
      return;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      this.problem.set(null);
      this.picked.emit({ name: file.name, bytes });
    } catch {
      this.problem.set(`${file.name} could not be read. Choose it again.`);
    }
  }
}
