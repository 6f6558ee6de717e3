import { afterEach, beforeEach } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import type { OpenFreshStore, StoreFixture } from '../store-test-kit.js';

/** A fresh database and an open store for each test of the enclosing describe block. */
export function useStore(openFreshStore: OpenFreshStore): { readonly fixture: StoreFixture; readonly store: Store } {
  let fixture: StoreFixture | undefined;
  let store: Store | undefined;
  beforeEach(async () => {
    fixture = await openFreshStore();
    store = await fixture.open();
  });
  afterEach(async () => {
    await fixture?.dispose();
    fixture = undefined;
    store = undefined;
  });
  return {
    get fixture() {
      if (fixture === undefined) throw new Error('no fixture outside a test');
      return fixture;
    },
    get store() {
      if (store === undefined) throw new Error('no store outside a test');
      return store;
    },
  };
}
