using System.Diagnostics;

namespace HostingCalls.Rehearsal;

/// <summary>Numbered steps on the console, each with its outcome and time.</summary>
public sealed class Progress(TextWriter output)
{
    private int _step;

    public async Task<T> StepAsync<T>(string name, Func<Task<(T Result, string Summary)>> step)
    {
        _step++;
        output.Write($"[{_step,2}] {name} ... ");
        var watch = Stopwatch.StartNew();
        try
        {
            var (result, summary) = await step();
            output.WriteLine($"ok ({watch.ElapsedMilliseconds} ms){(summary.Length > 0 ? ": " + summary : "")}");
            return result;
        }
        catch (RehearsalFailure)
        {
            output.WriteLine("FAILED");
            throw;
        }
        catch (Exception exception)
        {
            output.WriteLine("FAILED");
            throw new RehearsalFailure(name, exception.Message);
        }
    }

    public Task StepAsync(string name, Func<Task<string>> step) =>
        StepAsync<bool>(name, async () => (true, await step()));

    public void Note(string text) => output.WriteLine($"     {text}");
}
