using Microsoft.Extensions.Logging;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Processing;

/// <summary>
/// Logs the Salesforce requests it would send and answers as if each succeeded. Used by
/// <c>stripesf serve --dry-run</c> and whenever no Salesforce settings are configured locally.
/// </summary>
public sealed class DryRunSalesforceClient(ILogger<DryRunSalesforceClient> logger) : ISalesforceClient
{
    /// <inheritdoc />
    public Task<CompositeResponse> CompositeAsync(CompositeRequest request, CancellationToken cancellationToken)
    {
        var results = new List<CompositeSubresponse>(request.Subrequests.Count);
        foreach (var sub in request.Subrequests)
        {
            Log.DryRunSubrequest(logger, sub.Method, sub.Url, sub.ReferenceId, sub.Body?.ToJsonString() ?? "");
            results.Add(new CompositeSubresponse(sub.ReferenceId, sub.Method == "PATCH" ? 200 : 201, null));
        }

        return Task.FromResult(new CompositeResponse(results));
    }
}
