using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StripeSf.Testing.Storage;

/// <summary>
/// A real Azurite blob service on 127.0.0.1 (in-memory), from tools/azurite (installed with
/// <c>npm ci --prefix tools/azurite</c>; installed on first use when missing).
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    // Azurite's well-known development account (public, documented; not a secret).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private Azurite(Process process, int port)
    {
        _process = process;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    /// <summary>Connection string for the emulator's blob endpoint.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts Azurite's blob service on a free port and waits until it accepts connections.</summary>
    public static async Task<Azurite> StartAsync()
    {
        var tools = Path.Combine(RepositoryRoot.Path, "tools", "azurite");
        var binary = Path.Combine(tools, "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(binary))
        {
            await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", tools);
        }

        var port = FreePort();
        var start = new ProcessStartInfo(binary, $"--blobHost 127.0.0.1 --blobPort {port} --inMemoryPersistence --skipApiVersionCheck --silent --loose")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = tools,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start azurite-blob");
        for (var i = 0; i < 200; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"azurite-blob exited: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new Azurite(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("azurite-blob did not start within 20 s");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory }) ?? throw new InvalidOperationException($"could not run {file}");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed in {directory} (exit {process.ExitCode})");
        }
    }
}
