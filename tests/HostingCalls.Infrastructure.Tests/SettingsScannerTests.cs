using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Infrastructure.Tests;

/// <summary>The reflection that finds the settings bindings read does find them (checked on sample functions here).</summary>
public sealed class SettingsScannerTests
{
    [Fact]
    public void Finds_percent_expressions_in_trigger_and_output_attributes()
    {
        var names = SettingsTheAppReads.BindingExpressions(typeof(SampleFunctions).Assembly).ToHashSet();

        Assert.Contains("SampleSchedule", names);
        Assert.Contains("SampleQueueName", names);
        Assert.Contains("SampleOutputQueue", names);
    }

    [Fact]
    public void Finds_connections_and_the_default_storage_connection()
    {
        var names = SettingsTheAppReads.Connections(typeof(SampleFunctions).Assembly).ToHashSet();

        Assert.Contains("SampleConnection", names);
        Assert.Contains(SettingsTheAppReads.DefaultStorageConnection, names);
    }

    private sealed class SampleFunctions
    {
        [Function("SampleTimer")]
        public static void Timer([TimerTrigger("%SampleSchedule%")] TimerInfo timer) => _ = timer;

        [Function("SampleQueue")]
        [QueueOutput("%SampleOutputQueue%")]
        public static string Queue([QueueTrigger("%SampleQueueName%", Connection = "SampleConnection")] string message) => message;
    }
}
