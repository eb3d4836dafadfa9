namespace HostingCalls.Rehearsal.Tests;

/// <summary>What <c>--target</c> and its options become, and what the smoke test refuses to start without.</summary>
public sealed class SmokeTestOptionsTests
{
    private const string ClientId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "hostingcalls-smoke-options");

    [Theory]
    [InlineData("http://localhost:7071", SignInMode.Development)]
    [InlineData("http://127.0.0.1:7071/", SignInMode.Development)]
    [InlineData("https://func-abc.azurewebsites.net", SignInMode.Entra)]
    public void The_secretariat_signs_in_with_the_development_caller_on_this_machine_and_with_Entra_elsewhere(string target, SignInMode mode)
    {
        var options = Parse("--target", target, "--client-id", ClientId, "--key-vault", "kv-abc", "--email", "me@my-organisation.test");

        Assert.Equal(mode, options.Smoke!.SignIn);
    }

    [Fact]
    public void Development_needs_nothing_more_and_sends_invitations_to_a_reserved_domain()
    {
        var smoke = Parse("--target", "http://localhost:7071").Smoke!;

        Assert.Equal(SmokeTestOptions.DevelopmentEmail, smoke.Email);
        Assert.EndsWith(".example", smoke.Email);
        Assert.Equal(Path.Combine(Root, "src", "HostingCalls.Functions", "local.settings.json"), smoke.LocalSettingsFile);
    }

    [Theory]
    [InlineData("--client-id", "AZURE_AUTH_CLIENT_ID")]
    [InlineData("--key-vault", "AZURE_KEY_VAULT_NAME")]
    [InlineData("--email", "inbox you read")]
    public void Against_Azure_each_missing_option_is_named(string missing, string hint)
    {
        var given = new Dictionary<string, string> { ["--client-id"] = ClientId, ["--key-vault"] = "kv-abc", ["--email"] = "me@my-organisation.test" };
        given.Remove(missing);

        var refused = Assert.Throws<ArgumentException>(() => Parse([.. new[] { "--target", "https://func-abc.azurewebsites.net" }.Concat(given.SelectMany(g => new[] { g.Key, g.Value }))]));

        Assert.Contains(missing, refused.Message);
        Assert.Contains(hint, refused.Message);
    }

    [Theory]
    [InlineData("http://func-abc.azurewebsites.net", "--key-vault", "kv-abc", "https://")]
    [InlineData("https://func-abc.azurewebsites.net", "--key-vault", "my vault", "Key Vault's name")]
    public void A_target_or_vault_that_cannot_work_is_refused_before_anything_is_sent(string target, string option, string value, string hint)
    {
        var refused = Assert.Throws<ArgumentException>(() => Parse("--target", target, "--client-id", ClientId, option, value, "--email", "me@my-organisation.test"));

        Assert.Contains(hint, refused.Message);
    }

    [Fact]
    public void Tokens_and_keys_may_come_from_the_environment_instead()
    {
        var environment = new Dictionary<string, string?> { [SmokeTestOptions.SecretariatTokenVariable] = "a-token", [SmokeTestOptions.SigningKeysVariable] = "k1:key" };

        var options = RehearsalOptions.Parse(["--target", "https://func-abc.azurewebsites.net", "--email", "me@my-organisation.test"], Root, environment.GetValueOrDefault);

        Assert.Equal(SignInMode.Entra, options.Smoke!.SignIn);
        Assert.Null(options.Smoke.ClientId);
    }

    [Fact]
    public void Without_target_the_rehearsal_runs_in_process_and_smoke_options_are_refused()
    {
        Assert.Null(Parse().Smoke);
        Assert.Contains("only go with --target", Assert.Throws<ArgumentException>(() => Parse("--email", "me@my-organisation.test")).Message);
    }

    [Fact]
    public async Task In_development_the_signing_keys_are_read_from_the_local_settings_the_app_runs_with()
    {
        var folder = Directory.CreateTempSubdirectory("hostingcalls-smoke-").FullName;
        var settings = Path.Combine(folder, "local.settings.json");
        var values = new Dictionary<string, string> { [SigningKeysSource.SettingName] = $"{LocalApp.LocalTokenKeyId}:{LocalApp.LocalTokenKey}" };
        await File.WriteAllTextAsync(settings, System.Text.Json.JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        var smoke = new SmokeTestOptions(new Uri("http://localhost:7071"), SignInMode.Development, null, null, SmokeTestOptions.DevelopmentEmail, settings);

        var keys = await SigningKeysSource.For(smoke, _ => null).ReadAsync(default);

        Assert.Equal(LocalApp.LocalTokenKeyId, keys.SigningKeyId);
        File.Delete(settings);
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => SigningKeysSource.For(smoke, _ => null).ReadAsync(default));
        Assert.Contains("local.settings.json does not exist", missing.Message);
        Directory.Delete(folder);
    }

    private static RehearsalOptions Parse(params string[] args) => RehearsalOptions.Parse(args, Root, _ => null);
}
