/** The known-rank matrix generators moved to the published arbitraries (src/testing); tests keep importing them from here. */
export * from '../../src/testing/known-matrices.js';
