using StripeSf.Testing.Storage;

namespace StripeSf.Core.Tests.Leads;

/// <summary>One Azurite table service for the Lead sync tests (each harness uses its own table).</summary>
public sealed class AzuriteTables : IAsyncLifetime
{
    public Azurite Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Azurite.StartTableAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The test classes that share <see cref="AzuriteTables"/>.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTablesCollection : ICollectionFixture<AzuriteTables>
{
    public const string Name = "Azurite tables";
}
