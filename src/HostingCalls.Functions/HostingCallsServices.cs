using HostingCalls.Core.Attachments;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Decisions;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Judging;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Notifications.Delivery;
using HostingCalls.Core.Offers;
using HostingCalls.Core.Reviews;
using HostingCalls.Functions.Access;
using HostingCalls.Functions.Http;
using HostingCalls.Functions.Email;
using HostingCalls.Functions.Http.Api;
using HostingCalls.Functions.Portal;
using HostingCalls.Functions.Queues;
using HostingCalls.Functions.Storage;
using HostingCalls.Functions.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SendGrid;

namespace HostingCalls.Functions;

/// <summary>The app's services, in one place: Program.cs, the tests and the rehearsal wire the same graph.</summary>
public static class HostingCallsServices
{
    public static IServiceCollection AddHostingCalls(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration, AppSettingNames.Storage));
        services.AddSingleton(configuration.GetSection("Attachments").Get<AttachmentOptions>() ?? new AttachmentOptions());
        services.AddSingleton(DevelopmentCallerOf(configuration));
        services.AddSingleton(SecretariatSignInOf(configuration));
        services.AddSingleton(sp => new EntraSigningKeys(
            sp.GetRequiredService<SecretariatSignInOptions>(), new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StaffTokens>();
        var http = configuration.GetSection("Http").Get<HttpSecurityOptions>() ?? new HttpSecurityOptions();
        http.Hsts |= !string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"]);
        services.AddSingleton(http);
        var sendGrid = configuration.GetSection("SendGrid").Get<SendGridOptions>() ?? new SendGridOptions();
        services.AddSingleton(sendGrid);
        services.AddSingleton(configuration.GetSection("Notifications").Get<NotificationOptions>() ?? new NotificationOptions());
        services.AddSingleton(configuration.GetSection("Invitations").Get<InvitationOptions>() ?? new InvitationOptions());
        services.AddSingleton(SigningKeysOf(configuration));
        services.AddSingleton<ISendGridClient>(_ => new SendGridClient(
            new HttpClient { Timeout = TimeSpan.FromSeconds(sendGrid.TimeoutSeconds) },
            new SendGridClientOptions { ApiKey = sendGrid.ApiKey is { Length: > 0 } key ? key : "not-set", Host = sendGrid.Host }));

        services.AddSingleton<ICallStore, TableCallStore>();
        services.AddSingleton<IOfferStore, TableOfferStore>();
        services.AddSingleton<INotificationLedger, TableNotificationLedger>();
        services.AddSingleton<INotificationQueue, StorageNotificationQueue>();
        services.AddSingleton<IAttachmentStore, BlobAttachmentStore>();
        services.AddSingleton<IReviewStore, TableReviewStore>();
        services.AddSingleton<IRankingStore, BlobRankingStore>();
        services.AddSingleton<IDeliveryEventLog, TableDeliveryEventLog>();
        services.AddSingleton<IEmailGateway, SendGridEmailGateway>();
        services.AddSingleton<IAuditTrail, TableAuditTrail>();
        services.AddSingleton<IInvitationStore, TableInvitationStore>();

        services.AddSingleton<AuditService>();
        services.AddSingleton<CallService>();
        services.AddSingleton<OfferService>();
        services.AddSingleton<AttachmentService>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<RankingService>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<DecisionService>();
        services.AddSingleton<ResultsService>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<MemberStateTokens>();
        services.AddSingleton<FocalPointSignIn>();
        services.AddSingleton<FocalPointSessions>();
        services.AddSingleton<InvitationMail>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<ContactConfirmationService>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<NotificationBatchSender>();
        services.AddSingleton(provider => new DeliveryTracker(
            provider.GetRequiredService<INotificationLedger>(),
            provider.GetRequiredService<IDeliveryEventLog>(),
            sendGrid.EventWebhookVerificationKey is { Length: > 0 } key ? new EventWebhookVerifier(key) : null,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<DeliveryTracker>>()));

        services.AddSingleton<CallerResolver>();
        services.AddSingleton<ApiEndpoint>();
        services.AddTransient<CallFunctions>();
        services.AddTransient<OfferFunctions>();
        services.AddTransient<AttachmentFunctions>();
        services.AddTransient<RankingFunctions>();
        services.AddTransient<ReviewFunctions>();
        services.AddTransient<DecisionFunctions>();
        services.AddTransient<NotificationFunctions>();
        services.AddTransient<AuditFunctions>();
        services.AddTransient<InvitationFunctions>();
        services.AddTransient<ContactFunctions>();
        services.AddTransient<CallerFunctions>();
        services.AddTransient<SessionFunctions>();
        services.AddSingleton<PortalFiles>();
        services.AddTransient<PortalFunctions>();
        services.AddTransient<NotificationQueueFunctions>();
        services.AddTransient<ResultsTimer>();
        services.AddTransient<NotificationOutboxTimer>();
        services.AddTransient<CallClosingTimer>();
        services.AddTransient<AuditSealingTimer>();
        return services;
    }

    /// <summary>The development caller header must never be honoured in Azure, whatever the settings say.</summary>
    private static DevelopmentCallerOptions DevelopmentCallerOf(IConfiguration configuration)
    {
        var options = configuration.GetSection("DevelopmentCaller").Get<DevelopmentCallerOptions>() ?? new DevelopmentCallerOptions();
        if (options.Enabled && !string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"]))
        {
            throw new InvalidOperationException(
                $"{AppSettingNames.DevelopmentCallerEnabled} is true on an Azure site ({configuration["WEBSITE_SITE_NAME"]}): refusing to start. Set it to false.");
        }

        return options;
    }

    /// <summary>The key local.settings.sample.json publishes; whoever has the repo could sign with it.</summary>
    public const string SampleSigningKey = "bG9jYWwtZGV2LW9ubHktbm90LWEtc2VjcmV0LWtleS0wMDAwMDA=";

    /// <summary>The sample signing key must never sign or verify in Azure, under whatever key id it is listed.</summary>
    private static TokenSigningKeys SigningKeysOf(IConfiguration configuration)
    {
        var keys = TokenSigningKeys.Parse(configuration[AppSettingNames.MemberStateTokenSigningKeys.Replace("__", ":", StringComparison.Ordinal)],
            AppSettingNames.MemberStateTokenSigningKeys);
        var sample = Convert.FromBase64String(SampleSigningKey);
        if (!string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"]) && keys.KeyIds.Any(id => keys.Find(id)!.AsSpan().SequenceEqual(sample)))
        {
            throw new InvalidOperationException(
                $"{AppSettingNames.MemberStateTokenSigningKeys} lists the sample key of local.settings.sample.json on an Azure site ({configuration["WEBSITE_SITE_NAME"]}): refusing to start. Set a key of your own.");
        }

        return keys;
    }

    /// <summary>
    /// Staff sign-in is verified in the app against one tenant and one app registration. On an Azure site a missing or
    /// malformed tenant or client id stops the start rather than leaving the API without staff or open to guesses.
    /// </summary>
    private static SecretariatSignInOptions SecretariatSignInOf(IConfiguration configuration)
    {
        var options = configuration.GetSection("Secretariat").Get<SecretariatSignInOptions>() ?? new SecretariatSignInOptions();
        if (!options.IsConfigured && !string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"]))
        {
            throw new InvalidOperationException(
                $"{AppSettingNames.SecretariatTenantId} and {AppSettingNames.SecretariatClientId} must be the Entra tenant id and the app registration's client id (GUIDs) on an Azure site: refusing to start.");
        }

        if (!Uri.TryCreate(options.Instance, UriKind.Absolute, out var instance) || (instance.Scheme != Uri.UriSchemeHttps && !instance.IsLoopback))
        {
            throw new InvalidOperationException($"{AppSettingNames.SecretariatInstance} must be an https:// authority host such as {SecretariatSignInOptions.DefaultInstance}.");
        }

        return options;
    }
}
