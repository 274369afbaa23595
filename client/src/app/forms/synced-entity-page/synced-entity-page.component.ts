import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import type { FieldInfo, SyncedEntityDefinition } from '@finwise/domain';
import type { SyncRow } from '@finwise/sync-client';
import { map } from 'rxjs';
import type { SyncedEntityStore } from '../../data/synced-entity/synced-entity-store';
import type { FieldErrors } from '../../shared/validation/validation-messages';
import { FormSubmission } from '../form-submission';
import { HistoryPanelComponent } from '../history-panel/history-panel.component';
import { displayValue, emptyText, parseText, toText, type FieldText } from './field-inputs';

let nextFormId = 0;

/** Entity rows are typed per entity; this screen reads fields by name from the definition. */
function fieldOf(row: SyncRow, name: string): unknown {
  return (row as unknown as Record<string, unknown>)[name];
}

/**
 * A list with an add/edit form for any synced entity, driven by its shared definition: the
 * screen a newly generated entity gets until it earns a purpose-built one.
 */
@Component({
  selector: 'fw-synced-entity-page',
  imports: [HistoryPanelComponent],
  templateUrl: './synced-entity-page.component.html',
  styleUrl: './synced-entity-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SyncedEntityPageComponent {
  readonly entity = input.required<SyncedEntityDefinition>();
  readonly store = input.required<SyncedEntityStore>();
  readonly title = input.required<string>();

  protected readonly formId = `entity-form-${nextFormId++}`;
  protected readonly fields = computed(() => this.entity().fields);
  protected readonly labels = computed(() => this.entity().wording.fieldLabels);
  protected readonly rows = computed(() => {
    const [first] = this.fields();
    const key = (row: SyncRow) => String(fieldOf(row, first?.name ?? 'id') ?? '');
    return [...this.store().entities()].sort((a, b) => key(a).localeCompare(key(b)));
  });
  protected readonly editing = signal<SyncRow | null>(null);
  /** The edited row's change history is shown under the form. */
  protected readonly showingHistory = signal(false);
  /** The edited row as it is now (another device may have changed it since editing began). */
  protected readonly editedNow = computed(() => {
    const id = this.editing()?.id;
    return id
      ? (this.store()
          .entities()
          .find((row) => row.id === id) ?? null)
      : null;
  });
  protected readonly values = signal<Record<string, FieldText>>({});
  protected readonly submission = new FormSubmission(this.formId, () => this.labels());
  protected readonly errors = this.submission.errors;
  /** `?history=<id>`: opens that row with its change history (sync notices link here). */
  private readonly historyLink = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((params) => params.get('history'))),
    { initialValue: null },
  );
  private historyLinkOpened: string | null = null;
  private readonly historyToggle = viewChild<ElementRef<HTMLButtonElement>>('historyToggle');

  constructor() {
    effect(() => {
      const id = this.historyLink();
      if (!id || !this.store().loaded() || this.historyLinkOpened === id) return;
      const row = this.store()
        .entities()
        .find((candidate) => candidate.id === id);
      if (row) {
        this.historyLinkOpened = id;
        untracked(() => {
          this.edit(row);
          this.showingHistory.set(true);
        });
      }
    });
  }

  protected display(field: FieldInfo, row: SyncRow): string {
    return displayValue(field, fieldOf(row, field.name));
  }

  protected text(field: FieldInfo): FieldText {
    return this.values()[field.name] ?? emptyText(field);
  }

  protected set(field: FieldInfo, value: FieldText): void {
    this.values.update((values) => ({ ...values, [field.name]: value }));
  }

  /** Focus goes back to the button that opened the history. */
  protected closeHistory(): void {
    this.showingHistory.set(false);
    this.historyToggle()?.nativeElement.focus();
  }

  protected edit(row: SyncRow): void {
    if (this.editing()?.id !== row.id) this.showingHistory.set(false);
    this.editing.set(row);
    this.values.set(
      Object.fromEntries(this.fields().map((f) => [f.name, toText(f, fieldOf(row, f.name))])),
    );
    this.submission.clear();
  }

  protected resetForm(): void {
    this.editing.set(null);
    this.showingHistory.set(false);
    this.values.set({});
    this.submission.clear();
  }

  protected async save(): Promise<void> {
    const editing = this.editing();
    const data: Record<string, unknown> = {};
    const errors: FieldErrors = {};
    for (const field of this.fields()) {
      const parsed = parseText(field, this.text(field));
      if (!parsed.ok) errors[field.name] = `${this.labels()[field.name]}: ${parsed.error}`;
      else if (
        !editing ||
        JSON.stringify(parsed.value) !== JSON.stringify(fieldOf(editing, field.name) ?? null)
      ) {
        if (parsed.value !== null || editing) data[field.name] = parsed.value;
      }
    }
    const operation = editing ? 'update' : 'create';
    const checked = editing ? { id: editing.id, ...data } : { id: crypto.randomUUID(), ...data };
    // Fields that did not parse are left out, so the schema still words every other problem.
    const schemaErrors = this.store().validate(operation, checked, this.labels());
    for (const field of Object.keys(errors)) delete schemaErrors[field];
    if (!this.submission.accept({ ...schemaErrors, ...errors })) return;
    if (editing && Object.keys(data).length === 0) {
      this.resetForm();
      return;
    }
    await this.submission.write(async () => {
      if (editing) await this.store().update(editing.id, data);
      else await this.store().create(checked);
      this.resetForm();
    });
  }

  protected async remove(row: SyncRow): Promise<void> {
    await this.store().remove(row.id);
    if (this.editing()?.id === row.id) this.resetForm();
  }
}
