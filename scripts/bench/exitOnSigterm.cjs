// Preloaded into the reference server when profiling: its own SIGTERM handling would end the process without
// writing the CPU profile, which node only writes on a normal exit.
process.on('SIGTERM', () => process.exit(0))
