using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.DependencyInjection;

namespace StripeSf.Functions.Hosting;

/// <summary>
/// Every registration of the Functions app, in one place: <c>Program.cs</c> calls it, and the host
/// test builds the same worker host from it (without running it) so a missing registration fails CI
/// instead of the first invocation in Azure.
/// </summary>
public static class FunctionsApp
{
    /// <summary>Configures ASP.NET Core integration, Application Insights and the app's services.</summary>
    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();

        // As the Functions template does: the worker's own telemetry, with the host's log filter rule
        // removed so Information logs of the app reach Application Insights
        // (APPLICATIONINSIGHTS_CONNECTION_STRING; nothing is sent when it is empty).
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights()
            .AddSingleton<Microsoft.ApplicationInsights.Extensibility.ITelemetryInitializer, WebhookUrlRedactor>();

        builder.Services.AddStripeWebhookIngress();
        builder.Services.AddStripeEventProcessing();
        builder.Services.AddSalesforce(builder.Configuration);
        builder.Services.AddServiceBusQueues(builder.Configuration);
        builder.Services.AddLeadSync(builder.Configuration);
        return builder;
    }
}
