/**
 * HTTP validators (ETag / Last-Modified) for conditional GETs. A run reads the committed
 * validators and stages new ones; the runtime commits the staged set only once the run's
 * delivery is confirmed, so a failed run asks for the full document again next time
 * instead of being told "not modified" about data it never delivered.
 */
export interface HttpValidators {
  etag?: string;
  lastModified?: string;
}

export interface ValidatorStore {
  /** The validators of the last confirmed download of `url`, if any. */
  get: (url: string) => HttpValidators | undefined;
  /** Records what this download returned; kept only if the run succeeds. */
  stage: (url: string, validators: HttpValidators) => void;
}

export type ValidatorMap = Record<string, HttpValidators>;

export interface StagingValidatorStore extends ValidatorStore {
  /** What this run staged, to be merged into the committed map on success. */
  staged: () => ValidatorMap;
}

/** A run's view: reads from the committed map, writes to a separate staging map. */
export function createStagingValidatorStore(committed: Readonly<ValidatorMap> = {}): StagingValidatorStore {
  const staged: ValidatorMap = {};
  return {
    get: (url) => (Object.hasOwn(committed, url) ? committed[url] : undefined),
    stage: (url, validators) => {
      staged[url] = { ...validators };
    },
    staged: () => ({ ...staged }),
  };
}

/** The committed map after a confirmed run: newer validators replace older ones per URL. */
export function commitValidators(committed: Readonly<ValidatorMap>, staged: Readonly<ValidatorMap>): ValidatorMap {
  return { ...committed, ...staged };
}
