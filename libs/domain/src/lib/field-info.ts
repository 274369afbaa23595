import * as z from 'zod';
import { FIELD_KIND_KEY, type FieldKind } from './field-types';

export interface FieldInfo {
  name: string;
  kind: FieldKind;
  optional: boolean;
  /** Allowed values of an `enum` field. */
  values?: readonly string[];
}

/** Reads what the shared field builders recorded about each field of a zod shape. */
export function describeFields(shape: Record<string, z.ZodType>): FieldInfo[] {
  return Object.entries(shape).map(([name, schema]) => {
    let inner: z.ZodType = schema;
    let optional = false;
    for (;;) {
      const def = inner._zod.def as { type: string; innerType?: z.ZodType };
      if ((def.type === 'optional' || def.type === 'nullable') && def.innerType) {
        optional = true;
        inner = def.innerType;
      } else break;
    }
    const kind = z.globalRegistry.get(inner)?.[FIELD_KIND_KEY] as FieldKind | undefined;
    if (!kind)
      throw new Error(`Field ${name} is not built with the field builders of @finwise/domain`);
    const info: FieldInfo = { name, kind, optional };
    if (kind === 'enum') info.values = (inner as z.ZodEnum).options as string[];
    return info;
  });
}
