using System.Text.Json.Nodes;

namespace StripeSf.Salesforce.Composite;

/// <summary>
/// One subrequest of a Composite API call. <paramref name="Url"/> is relative to the versioned
/// data root (for example <c>sobjects/Account/Stripe_Customer_Id__c/cus_123</c>); the client adds
/// <c>/services/data/vNN.0/</c> so plans stay independent of the configured API version.
/// </summary>
public sealed record CompositeSubrequest(string Method, string Url, string ReferenceId, JsonObject? Body = null);
