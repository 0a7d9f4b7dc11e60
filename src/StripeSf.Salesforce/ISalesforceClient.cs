using StripeSf.Salesforce.Composite;

namespace StripeSf.Salesforce;

/// <summary>The Salesforce REST API as the product uses it. The I/O seam of the Salesforce side.</summary>
public interface ISalesforceClient
{
    /// <summary>Sends one Composite API request. Throws <see cref="Errors.SalesforceApiException"/> when the call as a whole fails.</summary>
    Task<CompositeResponse> CompositeAsync(CompositeRequest request, CancellationToken cancellationToken);
}
