using StripeSf.Salesforce.Budget;

namespace StripeSf.Core.Processing;

/// <summary>The budget where no org reports usage (a dry run, <c>stripesf plan</c>): never above the threshold.</summary>
public sealed class UnknownApiBudget : ISalesforceApiBudget
{
    /// <inheritdoc />
    public ApiUsage? Current => null;

    /// <inheritdoc />
    public bool IsAboveThreshold => false;
}
