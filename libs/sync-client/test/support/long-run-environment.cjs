// The Jest environment of the long runs (soak, fault suite): Node's, minus one record.
const { TestEnvironment } = require('jest-environment-node');

/**
 * Jest 30's node environment remembers every value a global property has ever held, so that it
 * can detach them all at teardown. Dexie swaps `globalThis.Promise` on every switch between one
 * of its transaction zones and the global zone, so the record grew by an entry per switch: about
 * 2.7 GB of heap after 11 minutes of the 200-client soak (a browser or plain Node keeps nothing).
 * This environment leaves `Promise` out of that record. `_globalProxy` is the environment's own
 * field; without it the environment is Node's unchanged.
 */
class LongRunEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const proxy = this._globalProxy;
    if (proxy && typeof proxy.register === 'function') {
      const register = proxy.register;
      proxy.register = (property, value) => {
        if (property !== 'Promise') register(property, value);
      };
    }
  }
}

module.exports = LongRunEnvironment;
