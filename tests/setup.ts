import fc from 'fast-check';

// Property tests are reproducible: a fixed seed, unless FC_SEED overrides it to explore.
fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20261123), numRuns: 100 });
