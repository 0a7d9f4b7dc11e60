using System.Text.Json.Nodes;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Errors;

namespace StripeSf.Salesforce.Tests;

public sealed class SalesforceErrorParserTests
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "Fixtures", "salesforce");

    [Theory]
    [InlineData("error_duplicate_value.json", "DUPLICATE_VALUE", SalesforceFailureKind.Permanent)]
    [InlineData("error_invalid_session_id.json", "INVALID_SESSION_ID", SalesforceFailureKind.Transient)]
    [InlineData("error_request_limit_exceeded.json", "REQUEST_LIMIT_EXCEEDED", SalesforceFailureKind.Transient)]
    [InlineData("error_unable_to_lock_row.json", "UNABLE_TO_LOCK_ROW", SalesforceFailureKind.Transient)]
    [InlineData("upsert_external_id_field_not_found.json", "NOT_FOUND", SalesforceFailureKind.Permanent)]
    [InlineData("upsert_external_id_multiple_matches.json", "MULTIPLE_CHOICES", SalesforceFailureKind.Permanent)]
    public void Parse_RealSalesforceBody_YieldsCodeAndKind(string file, string code, SalesforceFailureKind kind)
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(FixtureRoot, file)))!;
        var status = fixture["http_status"]?.GetValue<int?>() ?? 400;
        var body = fixture["body"]?.ToJsonString();

        var errors = SalesforceErrorParser.Parse(status, body);

        Assert.Equal(code, errors[0].ErrorCode);
        Assert.Equal(kind, SalesforceErrorClassifier.Classify(status, errors));
    }

    [Fact]
    public void Failures_DocumentedCompositeResponse_NamesTheFailedSubrequest()
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(FixtureRoot, "composite_response.json")))!;
        var results = fixture["body"]!["compositeResponse"]!.AsArray()
            .Select(r => new CompositeSubresponse(r!["referenceId"]!.GetValue<string>(), r["httpStatusCode"]!.GetValue<int>(), r["body"]?.DeepClone()))
            .ToArray();

        var failure = Assert.Single(new CompositeResponse(results).Failures());

        Assert.Equal("badContact", failure.ReferenceId);
        Assert.Equal("INVALID_EMAIL_ADDRESS", failure.Code);
        Assert.Equal(["Email"], failure.Errors[0].Fields);
        Assert.Equal(SalesforceFailureKind.Permanent, failure.Kind);
    }

    [Fact]
    public void Parse_HtmlMaintenancePage_KeepsASnippet()
    {
        var errors = SalesforceErrorParser.Parse(503, "<html><body>Down for maintenance</body></html>");

        Assert.Equal("HTTP_503", errors[0].ErrorCode);
        Assert.Equal(SalesforceFailureKind.Transient, SalesforceErrorClassifier.Classify(503, errors));
    }
}
