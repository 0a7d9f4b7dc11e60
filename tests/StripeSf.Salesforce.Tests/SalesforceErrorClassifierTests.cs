using StripeSf.Salesforce.Errors;

namespace StripeSf.Salesforce.Tests;

public sealed class SalesforceErrorClassifierTests
{
    [Theory]
    [InlineData(400, "UNABLE_TO_LOCK_ROW", SalesforceFailureKind.Transient)]
    [InlineData(403, "REQUEST_LIMIT_EXCEEDED", SalesforceFailureKind.Transient)]
    [InlineData(401, "INVALID_SESSION_ID", SalesforceFailureKind.Transient)]
    [InlineData(503, "SERVER_UNAVAILABLE", SalesforceFailureKind.Transient)]
    [InlineData(500, "UNKNOWN_EXCEPTION", SalesforceFailureKind.Transient)]
    [InlineData(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION", SalesforceFailureKind.Permanent)]
    [InlineData(400, "DUPLICATE_VALUE", SalesforceFailureKind.Permanent)]
    [InlineData(400, "INVALID_FIELD", SalesforceFailureKind.Permanent)]
    [InlineData(400, "ENTITY_IS_DELETED", SalesforceFailureKind.Permanent)]
    [InlineData(400, "INVALID_EMAIL_ADDRESS", SalesforceFailureKind.Permanent)]
    [InlineData(403, "INSUFFICIENT_ACCESS", SalesforceFailureKind.Permanent)]
    [InlineData(404, "NOT_FOUND", SalesforceFailureKind.Permanent)]
    [InlineData(300, "MULTIPLE_CHOICES", SalesforceFailureKind.Permanent)]
    [InlineData(418, "SOMETHING_NEW", SalesforceFailureKind.Permanent)]
    public void Classify_StatusAndCode_GivesKind(int status, string code, SalesforceFailureKind expected) =>
        Assert.Equal(expected, SalesforceErrorClassifier.Classify(status, [new SalesforceError(code, "m", [])]));

    [Theory]
    [InlineData(503, SalesforceFailureKind.Transient)]
    [InlineData(429, SalesforceFailureKind.Transient)]
    [InlineData(0, SalesforceFailureKind.Transient)]
    [InlineData(300, SalesforceFailureKind.Permanent)]
    [InlineData(400, SalesforceFailureKind.Permanent)]
    public void Classify_StatusWithoutBody_GivesKind(int status, SalesforceFailureKind expected) =>
        Assert.Equal(expected, SalesforceErrorClassifier.Classify(status, []));

    [Fact]
    public void ClassifyException_NetworkAndTimeouts_AreTransient()
    {
        Assert.Equal(SalesforceFailureKind.Transient, SalesforceErrorClassifier.ClassifyException(new HttpRequestException("reset")));
        Assert.Equal(SalesforceFailureKind.Transient, SalesforceErrorClassifier.ClassifyException(new TaskCanceledException()));
        Assert.Equal(SalesforceFailureKind.Transient, SalesforceErrorClassifier.ClassifyException(new Polly.Timeout.TimeoutRejectedException()));
        Assert.Equal(SalesforceFailureKind.Permanent, SalesforceErrorClassifier.ClassifyException(new InvalidOperationException()));
    }
}
