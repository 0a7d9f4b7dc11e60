using Microsoft.Extensions.DependencyInjection;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.Preflight;
using Xunit.Abstractions;

namespace StripeSf.Salesforce.Tests;

public sealed class SalesforcePreflightTests(ITestOutputHelper output)
{
    private static readonly RequiredField[] ShippedFields =
    [
        new("Account", "Stripe_Customer_Id__c"),
        new("Account", "Subscription_Status__c"),
        new("Stripe_Payment__c", "Amount__c"),
        new("Task", "Stripe_Event_Id__c"),
    ];

    [Fact]
    public async Task RunAsync_HealthyOrg_PassesAndReportsInstanceVersionAndUsage()
    {
        await using var h = await SalesforceHarness.StartAsync(output, o => { o.DailyApiMax = 15000; o.InitialApiUsage = 1200; });

        var report = await Preflight(h).RunAsync(Options(h), ShippedFields, CancellationToken.None);

        Print(report);
        Assert.True(report.Passed);
        Assert.Empty(report.Findings);
        Assert.Equal(h.Server.BaseUrl, report.InstanceUrl);
        Assert.Contains("68.0", report.SupportedApiVersions);
        Assert.Equal(15000, report.DailyApiRequests!.Max);
    }

    [Fact]
    public async Task RunAsync_MissingObjectFieldAndReadOnlyField_ListsEachWithAFix()
    {
        await using var h = await SalesforceHarness.StartAsync(output);

        var report = await Preflight(h).RunAsync(Options(h),
        [
            new("Account", "Stripe_Customer_Id__c"),
            new("Account", "No_Such_Field__c"),
            new("Account", "Lifetime_Value__c"),
            new("Missing_Object__c", "Anything__c"),
        ], CancellationToken.None);

        Print(report);
        Assert.False(report.Passed);
        Assert.Equal(3, report.Findings.Count);
        Assert.Contains(report.Findings, f => f.Problem.Contains("Account.No_Such_Field__c does not exist", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Problem.Contains("Account.Lifetime_Value__c is not writable", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Problem.Contains("Object Missing_Object__c does not exist", StringComparison.Ordinal));
        Assert.All(report.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Fix)));
    }

    [Fact]
    public async Task RunAsync_UnsupportedApiVersionAndHighUsage_Reported()
    {
        await using var h = await SalesforceHarness.StartAsync(output, o => { o.DailyApiMax = 1000; o.InitialApiUsage = 950; });
        var options = Options(h);
        options.ApiVersion = "99.0";

        var report = await Preflight(h).RunAsync(options, [], CancellationToken.None);

        Print(report);
        Assert.Contains(report.Findings, f => f.Severity == PreflightSeverity.Error && f.Fix.Contains("Salesforce__ApiVersion to 68.0", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Severity == PreflightSeverity.Warning && f.Problem.Contains("daily API requests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_InvalidSettings_ReportsThemWithoutCallingSalesforce()
    {
        await using var h = await SalesforceHarness.StartAsync(output);

        var report = await Preflight(h).RunAsync(new SalesforceOptions { LoginUrl = "http://login.salesforce.com" }, ShippedFields, CancellationToken.None);

        Print(report);
        Assert.False(report.Passed);
        Assert.Contains(report.Findings, f => f.Problem.StartsWith("Salesforce__ClientId", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Problem.StartsWith("Salesforce__LoginUrl", StringComparison.Ordinal));
        Assert.Empty(h.Server.CallLog);
    }

    [Fact]
    public async Task RunAsync_RefusedSignIn_ExplainsHowToFixTheConnectedApp()
    {
        await using var h = await SalesforceHarness.StartAsync(output, o => o.ClientId = "another-consumer-key");

        var report = await Preflight(h).RunAsync(Options(h), ShippedFields, CancellationToken.None);

        Print(report);
        var finding = Assert.Single(report.Findings);
        Assert.Contains("refused to sign in", finding.Problem, StringComparison.Ordinal);
        Assert.Contains("Salesforce__ClientId", finding.Fix, StringComparison.Ordinal);
        Assert.Null(report.InstanceUrl);
    }

    private static SalesforcePreflight Preflight(SalesforceHarness h) => h.Services.GetRequiredService<SalesforcePreflight>();

    private static SalesforceOptions Options(SalesforceHarness h) => new()
    {
        LoginUrl = h.Server.BaseUrl.ToString(),
        ClientId = SalesforceHarness.ClientId,
        Username = SalesforceHarness.Username,
        PrivateKey = TestKeys.PrivateKeyPem,
    };

    private void Print(PreflightReport report)
    {
        output.WriteLine($"instance {report.InstanceUrl}, api v{report.ApiVersion}, daily {report.DailyApiRequests}");
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"{finding.Severity}: {finding.Problem} — {finding.Fix}");
        }
    }
}
