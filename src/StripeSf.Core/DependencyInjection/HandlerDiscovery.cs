using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StripeSf.Core.Flows;
using StripeSf.Core.Processing;

namespace StripeSf.Core.DependencyInjection;

/// <summary>Registers every concrete <see cref="IEventHandler"/> of StripeSf.Core, so adding a handler class is all it takes.</summary>
internal static class HandlerDiscovery
{
    public static IServiceCollection AddEventHandlers(this IServiceCollection services)
    {
        var handlerTypes = typeof(HandlerDiscovery).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IEventHandler).IsAssignableFrom(t) && t != typeof(LogOnlyHandler));
        foreach (var type in handlerTypes)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IEventHandler), type));
        }

        return services;
    }
}
