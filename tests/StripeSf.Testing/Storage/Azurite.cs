using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StripeSf.Testing.Storage;

/// <summary>
/// A real Azurite blob (<see cref="StartAsync"/>) or table (<see cref="StartTableAsync"/>) service on
/// 127.0.0.1 (in-memory), from tools/azurite (installed by <c>.ci/steps/azurite.sh</c>, or on first use when missing).
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    // Azurite's well-known development account (public, documented; not a secret).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private Azurite(Process process, string service, int port)
    {
        _process = process;
        var endpoint = service == "table" ? "TableEndpoint" : "BlobEndpoint";
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};{endpoint}=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    /// <summary>Connection string for the emulator's blob (or table) endpoint.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts Azurite's blob service on a free port and waits until it accepts connections.</summary>
    public static Task<Azurite> StartAsync() => StartAsync("blob");

    /// <summary>Starts Azurite's table service on a free port and waits until it accepts connections.</summary>
    public static Task<Azurite> StartTableAsync() => StartAsync("table");

    private static async Task<Azurite> StartAsync(string service)
    {
        var tools = Path.Combine(RepositoryRoot.Path, "tools", "azurite");
        var binary = Path.Combine(tools, "node_modules", ".bin", $"azurite-{service}");
        if (!File.Exists(binary))
        {
            await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", tools);
        }

        var port = FreePort();
        var start = new ProcessStartInfo(binary, $"--{service}Host 127.0.0.1 --{service}Port {port} --inMemoryPersistence --skipApiVersionCheck --silent --loose")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = tools,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start azurite-{service}");
        for (var i = 0; i < 200; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"azurite-{service} exited: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new Azurite(process, service, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"azurite-{service} did not start within 20 s");
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
