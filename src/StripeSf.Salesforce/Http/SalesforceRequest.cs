namespace StripeSf.Salesforce.Http;

/// <summary>
/// One REST call. <paramref name="Path"/> is relative to <c>/services/data/vNN.0/</c>, or absolute
/// on the instance when it starts with <c>/</c> (as <c>nextRecordsUrl</c> does). <paramref name="Content"/>
/// is a factory because a re-minted retry must send a fresh body.
/// </summary>
public sealed record SalesforceRequest(HttpMethod Method, string Path, string Operation, Func<HttpContent>? Content = null, string Accept = "application/json");
