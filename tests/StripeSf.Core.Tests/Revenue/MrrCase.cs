namespace StripeSf.Core.Tests.Revenue;

/// <summary>One row of the MRR table: an event payload and the hand-computed figures it must produce.</summary>
internal sealed record MrrCase(string EventJson, decimal Mrr, decimal Arr, string Currency, bool Approximate = false);
