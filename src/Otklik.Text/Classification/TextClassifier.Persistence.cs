using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Otklik.Text.Features;

namespace Otklik.Text.Classification;

public sealed partial class TextClassifier
{
    // Layout: magic, format version, JSON header (ModelInfo), vocabulary (keys, idf, char flags), each head's
    // feature-major weights and biases in header order, end magic. Little-endian; the end magic catches a cut file.
    private static readonly byte[] Magic = "OTKLIKTX"u8.ToArray();
    private static readonly byte[] EndMagic = "XTKILKTO"u8.ToArray();
    private static readonly JsonSerializerOptions HeaderJson = new(JsonSerializerDefaults.Web);

    /// <summary>Writes the model bundle to <paramref name="path"/> (through a temporary file, so a reader never sees half a model).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        using (var stream = File.Create(temporary))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            var header = JsonSerializer.SerializeToUtf8Bytes(Info, HeaderJson);
            writer.Write(header.Length);
            writer.Write(header);
            var vocabulary = _vectorizer.Vocabulary;
            writer.Write(vocabulary.Count);
            writer.Write(MemoryMarshal.AsBytes(vocabulary.Keys.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(vocabulary.Idf.AsSpan()));
            writer.Write(vocabulary.IsChar.Select(c => c ? (byte)1 : (byte)0).ToArray());
            foreach (var head in HeadsInOrder())
            {
                writer.Write(head.LabelCount);
                writer.Write(head.Weights.Length);
                writer.Write(MemoryMarshal.AsBytes(head.ColumnStart.AsSpan()));
                writer.Write(MemoryMarshal.AsBytes(head.LabelOf.AsSpan()));
                writer.Write(MemoryMarshal.AsBytes(head.Weights.AsSpan()));
                writer.Write(MemoryMarshal.AsBytes(head.Bias.AsSpan()));
            }

            writer.Write(EndMagic);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Reads a model bundle. Throws <see cref="FileNotFoundException"/> when the file is missing and
    /// <see cref="ModelFormatException"/> when it is not a model of this format version.
    /// </summary>
    public static TextClassifier Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"model file {path} does not exist; train one with `otklik train`", path);
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new ModelFormatException($"{path} is not an Otklik text model");
            }

            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new ModelFormatException($"{path} is a model of format {version}; this build reads format {FormatVersion}. Retrain it with `otklik train`.");
            }

            var info = JsonSerializer.Deserialize<ModelInfo>(reader.ReadBytes(reader.ReadInt32()), HeaderJson)
                ?? throw new ModelFormatException($"{path} has an empty header");
            var columns = reader.ReadInt32();
            var keys = ReadArray<int>(reader, columns);
            var idf = ReadArray<float>(reader, columns);
            var isChar = reader.ReadBytes(columns).Select(b => b != 0).ToArray();
            var heads = new List<LinearHead>();
            foreach (var headInfo in info.Heads)
            {
                var labelCount = reader.ReadInt32();
                if (labelCount != headInfo.Labels.Count)
                {
                    throw new ModelFormatException($"{path}: head {headInfo.Name} has {labelCount} label weights but {headInfo.Labels.Count} labels");
                }

                var entries = reader.ReadInt32();
                heads.Add(new LinearHead(headInfo.Name, headInfo.Labels.ToArray(), ReadArray<int>(reader, columns + 1),
                    ReadArray<ushort>(reader, entries), ReadArray<float>(reader, entries), ReadArray<float>(reader, labelCount), headInfo.Temperature));
            }

            if (!reader.ReadBytes(EndMagic.Length).AsSpan().SequenceEqual(EndMagic))
            {
                throw new ModelFormatException($"{path} is cut short or damaged; retrain it with `otklik train`");
            }

            var vectorizer = new FeatureVectorizer(info.Features, new Vocabulary(keys, idf, isChar));
            LinearHead Head(string name) => heads.FirstOrDefault(h => h.Name == name)
                ?? throw new ModelFormatException($"{path} has no {name} head");
            return new TextClassifier(vectorizer, Head(TopicHead), Head(ExecutorHead), heads.FirstOrDefault(h => h.Name == GroupHead), info);
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFormatException($"{path} is cut short; retrain it with `otklik train`", e);
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{path} has an unreadable header: {e.Message}", e);
        }
    }

    /// <summary>
    /// Null when <paramref name="path"/> holds a model this build can load; otherwise why not (missing, another
    /// format version, damaged), phrased for a person, with the fix.
    /// </summary>
    public static string? CheckFile(string path)
    {
        try
        {
            Load(path);
            return null;
        }
        catch (Exception e) when (e is ModelFormatException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private IEnumerable<LinearHead> HeadsInOrder() =>
        Info.Heads.Select(h => h.Name switch
        {
            TopicHead => _topic,
            ExecutorHead => _executor,
            _ => _group!,
        });

    private static T[] ReadArray<T>(BinaryReader reader, int count)
        where T : struct
    {
        var result = new T[count];
        // ReadExactly throws EndOfStreamException on a cut file, which Load turns into a ModelFormatException.
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }
}
