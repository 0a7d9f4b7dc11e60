using System.Reflection;
using System.Text.Json;
using System.Xml;

namespace StripeSf.Core.Settlement;

/// <summary>
/// The properties of every event-type queue, loaded from <c>Settlement/queues.json</c>, which
/// infra/modules/serviceBus.bicep reads too (loadJsonContent): the queues Azure creates and the
/// settlement code cannot disagree on MaxDeliveryCount.
/// </summary>
/// <param name="MaxDeliveryCount">Deliveries of a message before it is dead-lettered (Service Bus's MaxDeliveryCount).</param>
/// <param name="LockDuration">Peek-lock duration (the Functions host renews it while a handler runs).</param>
/// <param name="DefaultMessageTimeToLive">Time a message may wait before it expires into the dead-letter sub-queue.</param>
/// <param name="DuplicateDetectionHistoryTimeWindow">How long the queue remembers a MessageId to drop duplicates.</param>
public sealed record QueueSettings(int MaxDeliveryCount, TimeSpan LockDuration, TimeSpan DefaultMessageTimeToLive, TimeSpan DuplicateDetectionHistoryTimeWindow)
{
    /// <summary>The settings shipped with the product (queues.json).</summary>
    public static QueueSettings Default { get; } = LoadEmbedded();

    /// <summary>The notification queue's name (queues.json <c>notificationQueue</c>); it has the same settings as the event-type queues.</summary>
    public static string NotificationQueue { get; } = LoadNotificationQueue();

    /// <summary>Reads the settings from queues.json content.</summary>
    public static QueueSettings Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var settings = new QueueSettings(
            root.GetProperty("maxDeliveryCount").GetInt32(),
            Duration(root, "lockDuration"),
            Duration(root, "defaultMessageTimeToLive"),
            Duration(root, "duplicateDetectionHistoryTimeWindow"));
        return settings.MaxDeliveryCount >= 1
            ? settings
            : throw new InvalidOperationException($"queues.json: maxDeliveryCount must be at least 1, not {settings.MaxDeliveryCount}.");
    }

    private static TimeSpan Duration(JsonElement root, string name) => XmlConvert.ToTimeSpan(root.GetProperty(name).GetString()!);

    private static string LoadNotificationQueue()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("StripeSf.Core.Settlement.queues.json")
            ?? throw new InvalidOperationException("queues.json is not embedded in StripeSf.Core.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("notificationQueue").GetString()!;
    }

    private static QueueSettings LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("StripeSf.Core.Settlement.queues.json")
            ?? throw new InvalidOperationException("queues.json is not embedded in StripeSf.Core.");
        return Parse(stream);
    }
}
