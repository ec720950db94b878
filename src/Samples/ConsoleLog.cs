using Microsoft.ML.Runtime;

namespace Microsoft.ML.Gan.Samples;

/// <summary>Shows the MLContext's log lines of the library's trainers on the console.</summary>
internal static class ConsoleLog
{
    /// <summary>Writes every info or warning line of <paramref name="mlContext"/> that starts with one of <paramref name="prefixes"/>.</summary>
    public static void Attach(MLContext mlContext, params string[] prefixes) =>
        mlContext.Log += (_, message) =>
        {
            if (message.Kind is ChannelMessageKind.Info or ChannelMessageKind.Warning
                && prefixes.Any(prefix => message.RawMessage.StartsWith(prefix, StringComparison.Ordinal)))
            {
                Console.WriteLine("\r" + message.RawMessage);
            }
        };
}
