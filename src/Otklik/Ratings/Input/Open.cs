using System.IO.Compression;
using System.Text;

namespace Otklik.Ratings.Input;

/// <summary>Opens a text file, gunzipping it when the name ends in .gz.</summary>
internal static class Open
{
    public static StreamReader Text(string path)
    {
        if (!File.Exists(path))
        {
            throw new RatingsException($"Input file not found: {path}.");
        }

        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }
}
