import type { AccessStore } from './access-store.js';
import { createAccessStore, type AccessStoreOptions } from './create-access-store.js';
import { createReviewStore } from './create-review-store.js';
import { createStore, openStoreContext, type OpenStoreOptions } from './open-store.js';
import type { ReviewStore } from './review-store.js';
import type { Store } from './store.js';

/** The three interfaces the server uses, over one connection; closing `store` closes it. */
export interface ServerStore {
  readonly store: Store;
  readonly access: AccessStore;
  readonly review: ReviewStore;
}

/** Opens and migrates the database once (as `openStore` does) and puts every interface over it. */
export async function openServerStore(options: OpenStoreOptions & { readonly access?: AccessStoreOptions }): Promise<ServerStore> {
  const { ctx, version } = await openStoreContext(options);
  return {
    store: createStore(ctx, version),
    access: createAccessStore(ctx.driver, options.access),
    review: createReviewStore(ctx.driver),
  };
}
