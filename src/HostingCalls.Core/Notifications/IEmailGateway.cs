namespace HostingCalls.Core.Notifications;

/// <summary>Hands an email to the sending service (SendGrid in the app) and says what came of it; never throws for its answer.</summary>
public interface IEmailGateway
{
    Task<SendOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
