namespace Otklik.Ingest;

/// <summary>The file formats <c>otklik import</c> reads.</summary>
public enum ImportFormat
{
    /// <summary>JSON Lines in Otklik's message format (docs/message-format.md).</summary>
    JsonLines,

    /// <summary>CSV with a column mapping (<c>--map</c>), or a preset such as <c>kursk</c>.</summary>
    Csv,
}
