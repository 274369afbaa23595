export * from './csv-record';
export * from './minor-to-decimal';
export * from './transactions-csv';
export * from './export-file-name';
