using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace StripeSf.Core.Notifications.Channels;

/// <summary>
/// Email over SMTP with MailKit: STARTTLS (or TLS on connect on port 465) unless
/// <c>Notifications__Email__UseTls</c> is false; authenticates when a user name is set. A 4xx
/// reply or a lost connection is transient; a 5xx reply or a refused login is permanent.
/// </summary>
public sealed class EmailChannel(IOptions<NotificationOptions> options) : INotificationChannel
{
    /// <inheritdoc />
    public NotificationChannelKind Kind => NotificationChannelKind.Email;

    /// <inheritdoc />
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var email = options.Value.Email;
        if (!email.IsConfigured || string.IsNullOrWhiteSpace(email.From) || email.Recipients.Count == 0)
        {
            throw new NotificationDeliveryException("email needs Notifications__Email__SmtpHost, __From and __To");
        }

        MimeKit.MimeMessage message;
        try
        {
            message = EmailMessage.Build(notification, email.From, email.Recipients);
        }
        catch (MimeKit.ParseException ex)
        {
            throw new NotificationDeliveryException($"Notifications__Email__From or __To is not an email address: {ex.Message}", ex);
        }

        using var smtp = new SmtpClient();
        var security = !email.UseTls ? SecureSocketOptions.None : email.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        try
        {
            await smtp.ConnectAsync(email.SmtpHost!, email.SmtpPort, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(email.Username))
            {
                await smtp.AuthenticateAsync(email.Username, email.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await smtp.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await smtp.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException ex)
        {
            // RFC 5321: 4yz replies are transient, 5yz permanent.
            var code = (int)ex.StatusCode;
            throw new NotificationDeliveryException($"SMTP {email.SmtpHost} answered {code}: {ex.Message}", transient: code is >= 400 and < 500, inner: ex);
        }
        catch (NotSupportedException ex)
        {
            // MailKit: the server does not offer STARTTLS (or the login mechanism); retrying cannot help.
            throw new NotificationDeliveryException($"SMTP {email.SmtpHost}:{email.SmtpPort}: {ex.Message} (Notifications__Email__UseTls, __SmtpPort)", ex);
        }
        catch (SslHandshakeException ex)
        {
            throw new NotificationDeliveryException($"SMTP {email.SmtpHost}:{email.SmtpPort}: TLS handshake failed (certificate or port; Notifications__Email__SmtpPort 465 is TLS on connect, 587 STARTTLS)", ex);
        }
        catch (AuthenticationException ex)
        {
            throw new NotificationDeliveryException($"SMTP {email.SmtpHost} refused the login of Notifications__Email__Username", ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new NotificationDeliveryException($"SMTP {email.SmtpHost}:{email.SmtpPort} unreachable or dropped the connection: {ex.Message}", transient: true, inner: ex);
        }
    }
}
