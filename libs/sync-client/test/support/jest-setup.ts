import { deserialize, serialize } from 'node:v8';

// Dexie and fake-indexeddb clone values with structuredClone, which some jest environments lack.
if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = <T>(value: T): T => deserialize(serialize(value)) as T;
}
