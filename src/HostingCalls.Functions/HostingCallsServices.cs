using HostingCalls.Core.Attachments;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Judging;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Core.Reviews;
using HostingCalls.Functions.Access;
using HostingCalls.Functions.Http;
using HostingCalls.Functions.Http.Api;
using HostingCalls.Functions.Storage;
using HostingCalls.Functions.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

        services.AddSingleton<ICallStore, TableCallStore>();
        services.AddSingleton<IOfferStore, TableOfferStore>();
        services.AddSingleton<INotificationLedger, TableNotificationLedger>();
        services.AddSingleton<INotificationQueue, StorageNotificationQueue>();
        services.AddSingleton<IAttachmentStore, BlobAttachmentStore>();
        services.AddSingleton<IReviewStore, TableReviewStore>();
        services.AddSingleton<IRankingStore, BlobRankingStore>();

        services.AddSingleton<CallService>();
        services.AddSingleton<OfferService>();
        services.AddSingleton<AttachmentService>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<RankingService>();
        services.AddSingleton<ReviewService>();

        services.AddSingleton<CallerResolver>();
        services.AddSingleton<ApiEndpoint>();
        services.AddTransient<CallFunctions>();
        services.AddTransient<OfferFunctions>();
        services.AddTransient<AttachmentFunctions>();
        services.AddTransient<RankingFunctions>();
        services.AddTransient<ReviewFunctions>();
        services.AddTransient<NotificationOutboxTimer>();
        services.AddTransient<CallClosingTimer>();
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
}
