using System.ComponentModel;
using Otklik.Errors;
using Otklik.Ingest;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

public sealed class ImportSettings : StoreSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Files to import, in order")]
    public string[] Files { get; init; } = [];

    [CommandOption("--preset <PRESET>")]
    [Description("A known file format: kursk (the Kursk region appeals CSV: id,text,topic,executor[[,group]], no header)")]
    public string? Preset { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("jsonl or csv. Default: by file extension")]
    public string? Format { get; init; }

    [CommandOption("--map <MAP>")]
    [Description("CSV columns: field=column,… with 1-based numbers or header names, e.g. external_id=1,text=2,topic=3")]
    public string? Map { get; init; }

    [CommandOption("--header")]
    [Description("CSV: the first row is a header (without --map its names are the field names)")]
    public bool Header { get; init; }

    [CommandOption("--channel <CHANNEL>")]
    [Description("The channel of messages that do not name one (kursk for --preset kursk)")]
    public string? Channel { get; init; }

    [CommandOption("--bulk <MODE>")]
    [Description("auto (default), on or off. A bulk load drops the secondary indexes and derived-state triggers and rebuilds them at the end; auto does so for inputs of 64 MB or more that are at least as large as the store")]
    public string? Bulk { get; init; }

    [CommandOption("--json")]
    [Description("Print the summary as one JSON object (read, imported, duplicates, quarantined, …) and no progress")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        if (Files.Length == 0)
        {
            return ValidationResult.Error("Give at least one file to import.");
        }

        try
        {
            _ = ToSpec();
            _ = ToBulkMode();
        }
        catch (OtklikException e)
        {
            return ValidationResult.Error(e.Message + (e.Hint is null ? string.Empty : " " + e.Hint));
        }

        return ValidationResult.Success();
    }

    /// <summary>The --bulk mode; throws <see cref="OtklikException"/> for an unknown one.</summary>
    public BulkMode ToBulkMode() => Bulk?.ToLowerInvariant() switch
    {
        null or "auto" => BulkMode.Auto,
        "on" => BulkMode.On,
        "off" => BulkMode.Off,
        _ => throw new OtklikException($"--bulk: unknown mode '{Bulk}'.", "Use auto, on or off."),
    };

    /// <summary>The import spec these options describe; throws <see cref="OtklikException"/> for a bad combination.</summary>
    public ImportSpec ToSpec()
    {
        if (Preset is not null)
        {
            if (!string.Equals(Preset, "kursk", StringComparison.OrdinalIgnoreCase))
            {
                throw new OtklikException($"--preset: unknown preset '{Preset}'.", "Known presets: kursk.");
            }

            if (Map is not null || Format is not null || Header)
            {
                throw new OtklikException("--preset fixes the format and the columns; it cannot be combined with --map, --format or --header.");
            }

            return ImportSpec.Kursk(Channel);
        }

        ImportFormat? format = Format?.ToLowerInvariant() switch
        {
            null => null,
            "jsonl" or "ndjson" or "json" => ImportFormat.JsonLines,
            "csv" => ImportFormat.Csv,
            _ => throw new OtklikException($"--format: unknown format '{Format}'.", "Use jsonl or csv."),
        };
        var map = Map is null ? null : ColumnMap.Parse(Map);
        return new ImportSpec(format, map, Header, Channel);
    }
}
