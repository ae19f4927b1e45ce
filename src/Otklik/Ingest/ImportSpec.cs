namespace Otklik.Ingest;

/// <summary>How to read the files of one import.</summary>
/// <param name="Format">Null: by extension (.jsonl/.ndjson/.json are JSON Lines, .csv is CSV).</param>
/// <param name="Map">CSV only: the column mapping; null means the header names the columns.</param>
/// <param name="Header">CSV only: the first record is a header row.</param>
/// <param name="Channel">The channel of messages that do not name one.</param>
/// <param name="MinColumns">CSV only: fewer columns than this make a record bad (0: only mapped required fields count).</param>
/// <param name="MaxColumns">CSV only: more columns than this make a record bad (0: no limit).</param>
public sealed record ImportSpec(
    ImportFormat? Format = null,
    ColumnMap? Map = null,
    bool Header = false,
    string? Channel = null,
    int MinColumns = 0,
    int MaxColumns = 0)
{
    /// <summary>
    /// The Kursk region appeals format (<c>../shared/data/appeals</c>): CSV without a header; id, text, topic,
    /// executor and an optional fifth column, the topic group. Channel "kursk" unless given.
    /// </summary>
    public static ImportSpec Kursk(string? channel = null) => new(
        ImportFormat.Csv,
        ColumnMap.Parse("external_id=1,text=2,topic=3,executor=4,topic_group=5"),
        Header: false,
        Channel: channel ?? "kursk",
        MinColumns: 4,
        MaxColumns: 5);

    /// <summary>The format of <paramref name="path"/>: <see cref="Format"/> if set, else by extension; null if unknown.</summary>
    public ImportFormat? FormatOf(string path)
    {
        if (Format is { } format)
        {
            return format;
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".jsonl" or ".ndjson" or ".json" => ImportFormat.JsonLines,
            ".csv" => ImportFormat.Csv,
            _ => null,
        };
    }
}
