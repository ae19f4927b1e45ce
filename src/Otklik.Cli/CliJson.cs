using System.Text.Encodings.Web;
using System.Text.Json;

namespace Otklik.Cli;

/// <summary>JSON output of the verbs: one line per object, Cyrillic as is (not \u-escaped), for scripts and people.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteLine<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
