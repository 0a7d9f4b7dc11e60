using BenchmarkDotNet.Running;
using StripeSf.Benchmarks;

// ingress (default): BenchmarkDotNet over the webhook hot path; extra arguments go to BenchmarkDotNet.
var rest = args is ["ingress", ..] ? args[1..] : args;
BenchmarkSwitcher.FromTypes([typeof(IngressBenchmarks)]).Run(rest.Contains("--filter") ? rest : [.. rest, "--filter", "*"]);
return 0;
