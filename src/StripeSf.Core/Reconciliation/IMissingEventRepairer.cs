namespace StripeSf.Core.Reconciliation;

/// <summary>Sends the events of objects missing in Salesforce back through processing.</summary>
public interface IMissingEventRepairer
{
    /// <summary>Repairs with <paramref name="events"/>; one outcome per event, in input order.</summary>
    Task<IReadOnlyList<RepairOutcome>> RepairAsync(IReadOnlyList<StripeEventPayload> events, string runKey, CancellationToken cancellationToken);
}
