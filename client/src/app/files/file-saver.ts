import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';

/** Hands a file built in the browser to the user as a download (works offline). */
@Injectable({ providedIn: 'root' })
export class FileSaver {
  private readonly document = inject(DOCUMENT);

  save(fileName: string, content: string, type: string): void {
    const view = this.document.defaultView;
    if (!view) return;
    const url = view.URL.createObjectURL(new Blob([content], { type }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    // The browser has taken the file once the click is handled.
    view.setTimeout(() => view.URL.revokeObjectURL(url), 0);
  }
}
