using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Otklik.Errors;
using Otklik.Privacy;
using Otklik.Storage;

namespace Otklik.Ingest;

/// <summary>
/// Imports message files into the store: reads and validates on one thread while the previous batch is written on
/// another (on PostgreSQL in a bulk load, several), so parsing and the database overlap. Memory is at most three batches
/// (one read, one waiting, one written; one more per extra writer),
/// each bounded in rows and in characters, whatever the file size. Bad records go to
/// quarantine with file and line and never stop the run; the same (channel, external id) twice is imported once.
/// </summary>
public sealed class MessageImporter
{
    /// <summary>Records per transaction: large enough to amortize the commit, small enough to keep memory flat.</summary>
    public const int DefaultBatchSize = 5000;

    /// <summary>
    /// A batch is also cut at this many characters of text (8 MB as UTF-16), so memory stays flat when texts are long:
    /// 5,000 messages of a megabyte each would otherwise be 10 GB in one batch.
    /// </summary>
    public const int MaxBatchChars = 4_000_000;

    /// <summary>Input size from which <see cref="BulkMode.Auto"/> considers a bulk load (64 MB, about 60,000 messages).</summary>
    public const long AutoBulkBytes = 64L << 20;

    private readonly IOtklikStore _store;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _batchSize;

    public MessageImporter(
        IOtklikStore store, Pseudonymizer pseudonymizer, TimeProvider time, ILogger<MessageImporter>? logger = null, int batchSize = DefaultBatchSize)
    {
        _store = store;
        _pseudonymizer = pseudonymizer;
        _time = time;
        _logger = logger ?? NullLogger<MessageImporter>.Instance;
        _batchSize = batchSize > 0 ? batchSize : DefaultBatchSize;
    }

    /// <summary>
    /// Imports <paramref name="files"/> in order. Throws <see cref="OtklikException"/> before importing anything when a
    /// file is missing or of unknown format; a database failure mid-way keeps the batches already committed, and running
    /// the import again completes it.
    /// </summary>
    /// <param name="bulk">Whether to load in a bulk-load window; see <see cref="BulkMode"/>. A failed bulk import still
    /// finishes its window before it rethrows, so the store is whole.</param>
    public async Task<ImportSummary> ImportAsync(
        IReadOnlyList<string> files,
        ImportSpec spec,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken,
        BulkMode bulk = BulkMode.Off)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(spec);
        var paths = files.Select(Path.GetFullPath).ToList();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new OtklikException($"File not found: {path}", "Check the path; it is relative to the current folder.");
            }

            if (spec.FormatOf(path) is null)
            {
                throw new OtklikException(
                    $"Cannot tell the format of {path} from its extension.", "Add --format jsonl or --format csv (or --preset kursk).");
            }
        }

        var clock = Stopwatch.StartNew();
        await using var window = await ShouldBulkLoadAsync(paths, bulk, cancellationToken).ConfigureAwait(false)
            ? await _store.BeginBulkLoadAsync(cancellationToken).ConfigureAwait(false)
            : null;
        // A bulk load on PostgreSQL writes batches on several connections at once (BulkLoad.Writers); memory then holds
        // one more batch per extra writer.
        var writers = window?.Writers ?? 1;
        var batches = Channel.CreateBounded<Pending>(new BoundedChannelOptions(1) { SingleReader = writers == 1, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(paths, spec, batches.Writer, stop.Token), stop.Token);

        long read = 0, imported = 0, duplicates = 0, quarantined = 0;
        var counting = new Lock();
        async Task WriteAsync()
        {
            try
            {
                await foreach (var pending in batches.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    var outcome = await _store.ImportBatchAsync(pending.Batch, stop.Token).ConfigureAwait(false);
                    lock (counting)
                    {
                        read += pending.Read;
                        imported += outcome.Imported;
                        duplicates += outcome.Duplicates + pending.DuplicatesInBatch;
                        quarantined += pending.Batch.Rejected.Count;
                        Log.BatchCommitted(_logger, outcome.Imported, outcome.Duplicates + pending.DuplicatesInBatch, pending.Batch.Rejected.Count);
                        progress?.Report(new ImportProgress(
                            pending.File, pending.FileIndex, paths.Count, pending.Position, pending.Length, read, imported, duplicates, quarantined));
                    }
                }
            }
            catch
            {
                // The other writers stop too; the first failure is the one reported.
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        try
        {
            var writing = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync, CancellationToken.None)).ToList();
            try
            {
                await Task.WhenAll(writing).ConfigureAwait(false);
            }
            catch when (writing.FirstOrDefault(w => w.IsFaulted && w.Exception?.InnerException is not OperationCanceledException) is { } first)
            {
                // Not the cancellation another writer's failure caused in this one.
                ExceptionDispatchInfo.Capture(first.Exception!.InnerException!).Throw();
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(producer).ConfigureAwait(false);
            if (window is not null)
            {
                // Not cancellable: leaving the indexes dropped would hurt more than the wait.
                await window.FinishAsync(CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }

        await producer.ConfigureAwait(false);
        BulkLoadReport? finished = null;
        if (window is not null)
        {
            Log.BulkLoadFinishing(_logger, clock.Elapsed.TotalSeconds);
            finished = await window.FinishAsync(cancellationToken).ConfigureAwait(false);
        }

        Log.ImportDone(_logger, read, imported, duplicates, quarantined);
        return new ImportSummary(paths, read, imported, duplicates, quarantined, clock.Elapsed, finished);
    }

    // A symbolic link's own FileInfo has the link's length (0 here), which made a 1 GB file linked into place a
    // small import; the size is the target's.
    private static long SizeOf(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? info.Length : (info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo)?.Length ?? 0;
    }

    private async Task<bool> ShouldBulkLoadAsync(List<string> paths, BulkMode bulk, CancellationToken cancellationToken)
    {
        if (bulk != BulkMode.Auto)
        {
            return bulk == BulkMode.On;
        }

        var bytes = paths.Sum(SizeOf);
        if (bytes < AutoBulkBytes)
        {
            return false;
        }

        var stored = (await _store.CountAsync(cancellationToken).ConfigureAwait(false)).Messages;
        return stored <= bytes / 1024;
    }

    private async Task ProduceAsync(List<string> paths, ImportSpec spec, ChannelWriter<Pending> writer, CancellationToken cancellationToken)
    {
        try
        {
            var now = _time.GetUtcNow();
            var context = new RecordContext(spec.Channel, _pseudonymizer, now);
            long sequence = 0;
            for (var index = 0; index < paths.Count; index++)
            {
                var path = paths[index];
                Log.ImportingFile(_logger, path, spec.FormatOf(path)!.Value.ToString());
                using var reader = MessageReaders.Open(path, spec, context);
                var actor = "import:" + Path.GetFileName(path);
                var messages = new List<IncomingMessage>(_batchSize);
                var rejected = new List<QuarantineEntry>();
                var seen = new HashSet<(string, string)>();
                int readInBatch = 0, duplicatesInBatch = 0;
                long charsInBatch = 0;

                async Task FlushAsync()
                {
                    var batch = new ImportBatch(messages, rejected, actor, now) { Sequence = sequence++ };
                    await writer.WriteAsync(
                            new Pending(batch, readInBatch, duplicatesInBatch, path, index, reader.Position, reader.Length),
                            cancellationToken)
                        .ConfigureAwait(false);
                    messages = new List<IncomingMessage>(_batchSize);
                    rejected = [];
                    seen.Clear();
                    readInBatch = duplicatesInBatch = 0;
                    charsInBatch = 0;
                }

                foreach (var record in reader.Read(cancellationToken))
                {
                    readInBatch++;
                    if (record.Message is { } message)
                    {
                        // The store requires distinct keys within a batch; repeats inside one batch are duplicates here.
                        if (seen.Add((message.Channel, message.ExternalId)))
                        {
                            messages.Add(message);
                            charsInBatch += message.Text.Length;
                        }
                        else
                        {
                            duplicatesInBatch++;
                        }
                    }
                    else
                    {
                        Log.Quarantined(_logger, path, record.Line, record.Error!);
                        rejected.Add(new QuarantineEntry(0, now, path, record.Line, record.Error!, record.Excerpt));
                    }

                    if (messages.Count + rejected.Count >= _batchSize || charsInBatch >= MaxBatchChars)
                    {
                        await FlushAsync().ConfigureAwait(false);
                    }
                }

                await FlushAsync().ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
    }

    private sealed record Pending(
        ImportBatch Batch, int Read, int DuplicatesInBatch, string File, int FileIndex, long Position, long Length);
}
