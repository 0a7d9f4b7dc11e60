using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Ingress;
using StripeSf.Core.Local;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.DependencyInjection;

namespace StripeSf.Cli.Hosting;

/// <summary>
/// <c>stripesf serve</c>: the production ingress at POST /api/stripe/webhook on Kestrel, an
/// in-process queue in place of Service Bus, and the production processor behind it.
/// </summary>
public static class LocalWebhookHost
{
    /// <summary>The webhook route, as in the Function App.</summary>
    public const string WebhookPath = "/api/stripe/webhook";

    /// <summary>Builds the host listening on 127.0.0.1:<paramref name="port"/> (0 for any free port).</summary>
    public static WebApplication Build(IConfiguration configuration, int port, bool dryRun, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        logging?.Invoke(builder.Logging);

        builder.Services.AddStripeWebhookIngress();
        builder.Services.AddStripeEventProcessing();
        builder.Services.AddSingleton<LocalEventQueue>();
        builder.Services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<LocalEventQueue>());
        builder.Services.AddSingleton<LocalQueueWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalQueueWorker>());
        AddSalesforce(builder.Services, configuration, dryRun);

        var app = builder.Build();
        app.MapPost(WebhookPath, async (HttpRequest request, WebhookIngress ingress, CancellationToken cancellationToken) =>
        {
            var result = await ingress.AcceptAsync(request.Body, request.ContentLength, request.Headers["Stripe-Signature"].ToString(), cancellationToken);
            return Results.Json(result.Body, statusCode: result.HttpStatusCode);
        });
        return app;
    }

    /// <summary>True when the host will only log Salesforce requests.</summary>
    public static bool IsDryRun(IConfiguration configuration, bool dryRun) =>
        dryRun || configuration.GetSection(SalesforceOptions.SectionName).Get<SalesforceOptions>()?.IsConfigured != true;

    private static void AddSalesforce(IServiceCollection services, IConfiguration configuration, bool dryRun)
    {
        // Until a Salesforce org is configured (and always with --dry-run) the host logs the
        // requests it would send instead of sending them.
        if (IsDryRun(configuration, dryRun))
        {
            services.AddSingleton<ISalesforceClient, DryRunSalesforceClient>();
        }
        else
        {
            services.AddSalesforceClient(configuration);
        }
    }
}
