// Tests run in parallel, each its own fake (and WireMock server where one is used): isolation is part of what they test.
[assembly: Parallelizable(ParallelScope.All)]
[assembly: LevelOfParallelism(6)]
