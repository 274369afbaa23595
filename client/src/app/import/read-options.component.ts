import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import {
  DATE_FORMATS,
  IMPORT_FORMATS,
  type DateFormat,
  type ImportFormat,
  type ParsedStatement,
} from '@finwise/import';
import type { ImportChoices } from './remembered-options';

/** Encodings a user may force when the detected one shows garbled letters. */
const ENCODINGS: readonly { value: string; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-16le', label: 'UTF-16 (little-endian)' },
  { value: 'utf-16be', label: 'UTF-16 (big-endian)' },
  { value: 'windows-1252', label: 'Windows-1252 / Latin-1' },
];

const DELIMITERS: readonly { value: string; label: string }[] = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Bar (|)' },
];

/**
 * How the file is read besides its columns: format, encoding, and for CSV the delimiter, header
 * row, lines to skip and the sign; the date layout and decimal mark where the file leaves them
 * open; the memo as payee for OFX. "Detected" keeps what the reader found; any choice reads the
 * file again and is remembered for the account with the next import.
 */
@Component({
  selector: 'fw-read-options',
  templateUrl: './read-options.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReadOptionsComponent {
  readonly statement = input.required<ParsedStatement | null>();
  readonly choices = input.required<ImportChoices>();
  readonly choose = output<Partial<ImportChoices>>();

  protected readonly formats = IMPORT_FORMATS;
  protected readonly encodings = ENCODINGS;
  protected readonly delimiters = DELIMITERS;

  protected readonly format = computed(() => this.choices().format ?? this.statement()?.format);
  protected readonly delimited = computed(() => ['csv', 'tsv'].includes(this.format() ?? 'csv'));
  protected readonly datesAndDecimals = computed(
    () => this.format() !== 'ofx' && this.format() !== 'qfx',
  );
  protected readonly detected = computed(() => this.statement()?.detected ?? {});
  /** Date layouts offered: the ones the file leaves open first, when it does. */
  protected readonly dateFormats = computed<readonly DateFormat[]>(() => {
    const open = this.statement()?.ambiguities?.dateFormats ?? [];
    return [...open, ...DATE_FORMATS.filter((format) => !open.includes(format))];
  });
  protected readonly dateMustBeChosen = computed(
    () =>
      !this.choices().dateFormat && (this.statement()?.ambiguities?.dateFormats?.length ?? 0) > 0,
  );
  protected readonly decimalMustBeChosen = computed(
    () => !this.choices().decimal && (this.statement()?.ambiguities?.decimal?.length ?? 0) > 0,
  );

  protected formatLabel(format: string | undefined): string {
    return format ? format.toUpperCase() : '';
  }

  protected encodingLabel(encoding: string | undefined): string {
    return ENCODINGS.find((known) => known.value === encoding)?.label ?? encoding ?? '';
  }

  protected delimiterLabel(delimiter: string | undefined): string {
    return DELIMITERS.find((known) => known.value === delimiter)?.label ?? '';
  }

  protected selected(event: Event): string | undefined {
    const value = (event.target as HTMLSelectElement).value;
    return value === '' ? undefined : value;
  }

  protected chooseFormat(event: Event): void {
    this.choose.emit({ format: this.selected(event) as ImportFormat | undefined });
  }

  protected chooseEncoding(event: Event): void {
    this.choose.emit({ encoding: this.selected(event) });
  }

  protected chooseDelimiter(event: Event): void {
    this.choose.emit({ delimiter: this.selected(event) as ImportChoices['delimiter'] });
  }

  protected chooseHeader(event: Event): void {
    const value = this.selected(event);
    this.choose.emit({ hasHeader: value === undefined ? undefined : value === 'yes' });
  }

  protected chooseDateFormat(event: Event): void {
    this.choose.emit({ dateFormat: this.selected(event) as DateFormat | undefined });
  }

  protected chooseDecimal(event: Event): void {
    this.choose.emit({ decimal: this.selected(event) as ImportChoices['decimal'] });
  }

  /** A count of lines: empty = detect; anything else must be a whole number 0–1000. */
  protected chooseLines(field: 'skipStartLines' | 'skipEndLines', event: Event): void {
    const input = event.target as HTMLInputElement;
    const text = input.value.trim();
    const count = Number(text);
    if (text === '') {
      this.choose.emit({ [field]: undefined });
    } else if (Number.isInteger(count) && count >= 0 && count <= 1000) {
      this.choose.emit({ [field]: count });
    } else {
      input.value = String(this.choices()[field] ?? '');
    }
  }

  protected chooseFlag(field: 'flipSign' | 'payeeFromMemo', event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.choose.emit({ [field]: checked || undefined });
  }
}
