/**
 * Key of the runtime's "die like a killed tab" method. A symbol that the package entry point
 * never exports, so the method is not part of any client's API; only `simulateCrash` (for
 * tests) reaches it.
 */
export const CRASH_HOOK: unique symbol = Symbol('finwise.sync-client.crash');
