using Otklik.Storage;
using Spectre.Console;

namespace Otklik.Cli.Commands;

/// <summary>Prints case counts by topic group, topic and body.</summary>
internal static class StatsPrinter
{
    public static void Print(CaseStats stats)
    {
        var console = AnsiConsole.Console;
        console.MarkupLineInterpolated($"[bold]{stats.Cases:N0}[/] cases from {stats.Messages:N0} messages");
        Table(console, "Topic group", stats.ByTopicGroup, stats.Cases);
        Table(console, "Topic", stats.ByTopic, stats.Cases);
        Table(console, "Body", stats.ByBody, stats.Cases);
    }

    public static void PrintJson(CaseStats stats)
    {
        static object Rows(IReadOnlyList<CountRow> rows) => rows.Select(r => new { key = r.Key, count = r.Count });
        CliJson.WriteLine(new
        {
            cases = stats.Cases,
            messages = stats.Messages,
            by_topic_group = Rows(stats.ByTopicGroup),
            by_topic = Rows(stats.ByTopic),
            by_body = Rows(stats.ByBody),
        });
    }

    private static void Table(IAnsiConsole console, string title, IReadOnlyList<CountRow> rows, long total)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn(title).AddColumn(new TableColumn("Cases").RightAligned())
            .AddColumn(new TableColumn("%").RightAligned());
        foreach (var row in rows)
        {
            var share = total > 0 ? 100.0 * row.Count / total : 0;
            table.AddRow(Markup.Escape(row.Key ?? "(none)"), row.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                share.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
