export * from './lib/hlc';
export * from './lib/record';
export * from './lib/merge';
export * from './lib/cursor';
export * from './lib/protocol';
export * from './lib/error-code-descriptions';
export * from './lib/protocol-schemas';
