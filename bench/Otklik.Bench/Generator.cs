using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Otklik.Ingest;

namespace Otklik.Bench;

/// <summary>
/// Writes N messages of realistic size (texts, topics and bodies drawn from the demo appeals, distinct ids, authors
/// from a pool of 50,000) twice: as Otklik JSON Lines and as a header-less CSV of the same rows for the raw loaders.
/// Deterministic (fixed seed), so runs compare.
/// </summary>
internal static class Generator
{
    public const string CsvColumns = "channel,external_id,text,author,received_at,topic,topic_group,executor";

    public static int Run(string[] args)
    {
        if (args.Length != 3 || args[0] != "generate" || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count))
        {
            Console.Error.WriteLine("usage: Otklik.Bench generate COUNT OUT_DIR");
            return 64;
        }

        var outDir = args[2];
        Directory.CreateDirectory(outDir);
        var demo = Path.Combine(FindRepoRoot(), "data", "demo", "kursk-appeals.csv");
        var appeals = KurskFormat.LoadLabeled(demo);
        var random = new Random(20260301);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var jsonOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

        using var jsonFile = new FileStream(Path.Combine(outDir, "messages.jsonl"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var csvFile = new StreamWriter(Path.Combine(outDir, "messages.csv"), false, new UTF8Encoding(false), 1 << 20);
        using var json = new Utf8JsonWriter(jsonFile, jsonOptions);
        for (var i = 0; i < count; i++)
        {
            var appeal = appeals[random.Next(appeals.Count)];
            var id = "b" + i.ToString(CultureInfo.InvariantCulture);
            var author = "user" + random.Next(50_000).ToString(CultureInfo.InvariantCulture);
            var received = start.AddSeconds(i * 30L + random.Next(30)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

            json.Reset();
            json.WriteStartObject();
            json.WriteString("channel", "bench");
            json.WriteString("external_id", id);
            json.WriteString("text", appeal.Text);
            json.WriteString("author", author);
            json.WriteString("received_at", received);
            json.WriteString("topic", appeal.Topic);
            json.WriteString("topic_group", appeal.Group);
            json.WriteString("executor", appeal.Executor);
            json.WriteEndObject();
            json.Flush();
            jsonFile.WriteByte((byte)'\n');

            csvFile.Write("bench,");
            csvFile.Write(id);
            csvFile.Write(',');
            Quote(csvFile, appeal.Text);
            csvFile.Write(',');
            csvFile.Write(author);
            csvFile.Write(',');
            csvFile.Write(received);
            csvFile.Write(',');
            Quote(csvFile, appeal.Topic);
            csvFile.Write(',');
            csvFile.Write(appeal.Group);
            csvFile.Write(',');
            Quote(csvFile, appeal.Executor);
            csvFile.Write('\n');
        }

        Console.WriteLine($"wrote {count:N0} messages to {outDir}/messages.jsonl and messages.csv ({CsvColumns})");
        return 0;
    }

    private static void Quote(TextWriter writer, string value)
    {
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    internal static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Otklik.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Otklik.slnx not found above " + AppContext.BaseDirectory);
    }
}
