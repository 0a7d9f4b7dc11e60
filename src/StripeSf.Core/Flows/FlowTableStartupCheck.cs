using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace StripeSf.Core.Flows;

/// <summary>Builds the flow table when the host starts, so a routed type without a flow stops startup with its name instead of failing its first event.</summary>
internal sealed class FlowTableStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<FlowTable>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
