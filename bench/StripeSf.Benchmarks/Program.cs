using BenchmarkDotNet.Running;
using StripeSf.Benchmarks;

// replay [customers]: Salesforce API calls per event (the budget figure).
// backfill [customers] [chunk]: wall time, Salesforce calls and memory of a customers backfill.
// leads [count]: Salesforce and Stripe calls of the Lead → Stripe sync (first run, nothing changed, a tenth changed).
// ingress (default): BenchmarkDotNet over the webhook hot path; extra arguments go to BenchmarkDotNet.
if (args is ["replay", ..])
{
    await ReplayCostBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return 0;
}

if (args is ["backfill", ..])
{
    var customers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    await BackfillCostBenchmark.RunAsync(customers, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50_000);
    return 0;
}

if (args is ["leads", ..])
{
    await LeadSyncCostBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
    return 0;
}

var rest = args is ["ingress", ..] ? args[1..] : args;
BenchmarkSwitcher.FromTypes([typeof(IngressBenchmarks)]).Run(rest.Contains("--filter") ? rest : [.. rest, "--filter", "*"]);
return 0;
