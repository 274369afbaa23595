export * from './lib/model/import-options';
export * from './lib/model/statement';
export * from './lib/model/preview';
export * from './lib/model/reader';
export * from './lib/money/parse-money';
export * from './lib/money/parse-money-column';
export { parseDate, dateFormatsOf } from './lib/dates/parse-date';
export * from './lib/dates/infer-date-formats';
export * from './lib/dates/read-date-column';
