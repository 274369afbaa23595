/**
 * `@finwise/domain/testing`: fixtures for tests and benchmarks, kept out of the main entry
 * point so that no product code ships them.
 */
export * from './sample-data';
