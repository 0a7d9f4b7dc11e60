using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StripeSf.Core.Settlement;

namespace StripeSf.Core.DependencyInjection;

/// <summary>Registrations of the settlement (called by the Core processing registration).</summary>
public static class SettlementServiceCollectionExtensions
{
    /// <summary>The shipped queue settings, the settlement policy built from them and the executor every host uses.</summary>
    public static IServiceCollection AddMessageSettlement(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(QueueSettings.Default);
        services.TryAddSingleton(sp => new SettlementPolicy(sp.GetRequiredService<QueueSettings>()));
        services.TryAddSingleton<SettlementExecutor>();
        return services;
    }
}
