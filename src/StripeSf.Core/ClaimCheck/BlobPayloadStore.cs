using Azure;
using Azure.Storage.Blobs;

namespace StripeSf.Core.ClaimCheck;

/// <summary>
/// Payload store in an Azure Blob container (<c>ClaimCheck__*</c> settings). Blob names are the
/// event id, so a retried webhook overwrites the same blob instead of piling up copies.
/// </summary>
public sealed class BlobPayloadStore(BlobContainerClient container) : IPayloadStore
{
    private int _containerReady;

    /// <inheritdoc />
    public async Task<string> PutAsync(string eventId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _containerReady, 1) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var reference = $"{eventId}.json";
        await container.GetBlobClient(reference)
            .UploadAsync(BinaryData.FromBytes(payload), overwrite: true, cancellationToken)
            .ConfigureAwait(false);
        return reference;
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(reference).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
