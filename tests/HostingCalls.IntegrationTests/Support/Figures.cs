using Xunit.Abstractions;

namespace HostingCalls.IntegrationTests.Support;

/// <summary>
/// The figures a reliability test measured, as one line <c>figures {test}: name=value ...</c>: to the test's output
/// (shown by <c>./test.sh</c>, which runs with the console logger at normal verbosity) and the test log.
/// </summary>
public static class Figures
{
    public static void Print(ITestOutputHelper output, string test, params (string Name, object Value)[] figures) =>
        output.WriteLine($"figures {test}: {string.Join(' ', figures.Select(f => $"{f.Name}={f.Value}"))}");
}
