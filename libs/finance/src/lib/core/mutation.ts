/** A field value a mutation may carry: plain JSON scalars only. */
export type FieldValue = string | number | boolean | null;

/**
 * One write as the app pushes it or the server merges it, without the `mutationId` and `hlc` the
 * sender stamps. `create` carries every required field; `update` only the changed ones.
 */
export interface FinanceMutation {
  readonly modelName: string;
  readonly operation: 'create' | 'update' | 'delete';
  readonly data: { readonly id: string } & { readonly [field: string]: FieldValue };
}
