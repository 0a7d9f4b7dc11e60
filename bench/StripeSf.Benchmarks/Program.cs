using BenchmarkDotNet.Running;
using StripeSf.Benchmarks;

// replay [customers]: Salesforce API calls per event (the budget figure).
// backfill [customers] [chunk]: wall time, Salesforce calls and memory of a backfill of customers with their history.
// backfill-stand-ins N: the loopback Stripe and org of that benchmark, in a process of their own.
// renewals [subscriptions]: wall time, Stripe and Salesforce calls of the renewal sweep.
// reconcile [objects]: wall time, Stripe and Salesforce calls and memory of one reconciliation window.
// leads [count]: Salesforce and Stripe calls of the Lead → Stripe sync (first run, nothing changed, a tenth changed).
// ingress (default): BenchmarkDotNet over the webhook hot path; extra arguments go to BenchmarkDotNet.
if (args is ["replay", ..])
{
    await ReplayCostBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return 0;
}

if (args is ["backfill-stand-ins", var count])
{
    await BackfillStandIns.ServeAsync(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args is ["backfill", ..])
{
    var customers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    await BackfillCostBenchmark.RunAsync(customers, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50_000);
    return 0;
}

if (args is ["renewals", ..])
{
    await RenewalSweepCostBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return 0;
}

if (args is ["reconcile-standins", var objects])
{
    await ReconcileCostBenchmark.StandInsAsync(int.Parse(objects, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args is ["reconcile", ..])
{
    await ReconcileCostBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
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
