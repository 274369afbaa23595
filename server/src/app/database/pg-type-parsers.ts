import { types } from 'pg';

let installed = false;

/**
 * The sync engine works with plain JSON values: BIGINT columns hold money in minor units
 * (|x| ≤ 10^15) and feed positions, both safe JavaScript integers; DATE columns are calendar
 * dates and must not be shifted into a time zone by conversion to a JS Date.
 */
export function installPgTypeParsers(): void {
  if (installed) return;
  installed = true;
  types.setTypeParser(types.builtins.INT8, (value) => Number(value));
  types.setTypeParser(types.builtins.DATE, (value) => value);
}
