// Fixtures run in parallel; each owns its servers (bound to port 0), so they never share state.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
