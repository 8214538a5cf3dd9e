import type { ProductInfo } from './global-setup';

/** The running product the global setup started. */
export const product: ProductInfo = JSON.parse(process.env.WEB_PRODUCT ?? '{}');

export const members = {
  alice: { email: 'alice@example.org', department: 'Engineering' },
  bob: { email: 'bob@example.org', department: 'People & Culture' },
};
