using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace HostingCalls.InProcess;

/// <summary>
/// Delivers queue messages to a queue function the way the Functions host does: a message whose run throws stays
/// on the queue and comes back; after <see cref="MaxDequeueCount"/> failed runs it moves to the poison queue.
/// </summary>
public sealed class QueuePump(QueueClient queue, QueueClient poison, Func<string, Task> function)
{
    /// <summary>As in host.json.</summary>
    public const int MaxDequeueCount = 5;

    /// <summary>Runs the function on every message until the queue is empty (or <paramref name="rounds"/> passes); returns the failures.</summary>
    public async Task<int> DrainAsync(int rounds = 20)
    {
        var failures = 0;
        for (var round = 0; round < rounds; round++)
        {
            QueueMessage[] messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            if (messages.Length == 0)
            {
                return failures;
            }

            foreach (var message in messages)
            {
                try
                {
                    await function(message.Body.ToString());
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                catch (Exception)
                {
                    failures++;
                    if (message.DequeueCount >= MaxDequeueCount)
                    {
                        await poison.SendMessageAsync(message.Body);
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    }
                    else
                    {
                        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                    }
                }
            }
        }

        return failures;
    }
}
