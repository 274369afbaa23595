export * from './lib/model/import-options';
export * from './lib/model/statement';
export * from './lib/model/preview';
export * from './lib/model/reader';
export * from './lib/export';
