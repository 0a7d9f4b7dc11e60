using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StripeSf.Testing.Notifications;

/// <summary>
/// A small SMTP server on 127.0.0.1 (RFC 5321 without TLS: EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT)
/// (8BITMIME: the data is read as UTF-8) that records each message's envelope and MIME as received, and can answer the next transactions'
/// MAIL FROM with a scripted reply (451: try later; 550: refused).
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SmtpReceivedMessage> _received = new();
    private readonly ConcurrentQueue<string> _mailReplies = new();
    private readonly Task _accepting;

    private LoopbackSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The messages accepted, in order.</summary>
    public IReadOnlyList<SmtpReceivedMessage> Received => [.. _received];

    /// <summary>The user names that authenticated (AUTH PLAIN).</summary>
    public ConcurrentQueue<string> Logins { get; } = new();

    /// <summary>Starts a server on a free loopback port.</summary>
    public static LoopbackSmtpServer Start() => new();

    /// <summary>Answers the next MAIL FROM with <paramref name="reply"/> (e.g. "451 4.3.0 Try again later").</summary>
    public void FailNextMail(string reply) => _mailReplies.Enqueue(reply);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8, false, 1024, leaveOpen: true);
            await using var writer = new StreamWriter(stream, Encoding.ASCII, 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 loopback ESMTP ready");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-loopback");
                        await writer.WriteLineAsync("250-AUTH PLAIN");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 loopback");
                        break;
                    case "AUTH":
                        var parts = line.Split(' ');
                        var credentials = parts.Length > 2 ? parts[2] : await reader.ReadLineAsync() ?? string.Empty;
                        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(credentials)).Split('\0');
                        Logins.Enqueue(fields.Length > 1 ? fields[1] : string.Empty);
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "MAIL":
                        if (_mailReplies.TryDequeue(out var reply))
                        {
                            await writer.WriteLineAsync(reply);
                            break;
                        }

                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        _received.Enqueue(new SmtpReceivedMessage(from ?? string.Empty, [.. to], data.ToString()));
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : string.Empty;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
