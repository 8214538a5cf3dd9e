export * from './domain-error';
export * from './page';
