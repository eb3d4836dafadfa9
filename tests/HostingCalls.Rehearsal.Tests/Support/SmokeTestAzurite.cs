namespace HostingCalls.Rehearsal.Tests.Support;

/// <summary>An embedded Azurite shared by a test class; each test runs a throwaway call of its own on it.</summary>
public sealed class SmokeTestAzurite : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite has not started.")).ConnectionString;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public Task DisposeAsync() => _azurite?.DisposeAsync().AsTask() ?? Task.CompletedTask;
}
