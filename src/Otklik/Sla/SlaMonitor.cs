using System.Globalization;
using Otklik.Cases;
using Otklik.Storage.Cases;

namespace Otklik.Sla;

/// <summary>
/// Watches both clocks: a reminder event when a case misses its first-reply or answer deadline, an escalation to the
/// parent body when the answer is <see cref="SlaOptions.EscalateAfter"/> late (the parent's executors then see the case),
/// and retention of message texts. Each action happens once per case (flags), in one transaction with its events.
/// A pass handles at most <see cref="MaxCasesPerPass"/> cases, in transactions of 500, so a backlog (a restored
/// database, a long outage) is worked off over a few ticks without holding the writer for long.
/// </summary>
public sealed class SlaMonitor(CaseDatabase database, SlaPolicy policy, TimeProvider time)
{
    public const int MaxCasesPerPass = 5000;

    /// <summary>One pass; returns the number of reminders, escalations and cases whose texts were removed.</summary>
    public async Task<SlaPass> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var options = policy.Options;
        int reminders = 0, escalations = 0, removed = 0, handled = 0;
        while (handled < MaxCasesPerPass)
        {
            List<SlaRow> rows;
            await using (var reader = await database.OpenAsync(write: false, cancellationToken))
            {
                // Looked up outside the write transaction: most passes find nothing and must not hold the writer.
                rows = await reader.SlaDueAsync(now, options.EscalateAfter, 500, cancellationToken);
            }

            if (rows.Count == 0)
            {
                break;
            }

            // Read again under the write lock: a case answered meanwhile must not get a reminder.
            await using var session = await database.OpenAsync(write: true, cancellationToken);
            await session.BeginWritingAsync(cancellationToken);
            rows = await session.SlaDueAsync(now, options.EscalateAfter, 500, cancellationToken);
            foreach (var row in rows)
            {
                var flags = row.Flags;
                long? escalatedTo = null;
                if (row.FirstReplyAt is null && row.FirstReplyDue < now && !flags.HasFlag(SlaFlags.FirstReplyReminded))
                {
                    flags |= SlaFlags.FirstReplyReminded;
                    reminders++;
                    await session.AddEventAsync(row.Id, now, Actors.Sla, EventKinds.Reminder, null, "firstReply",
                        "first public reply overdue since " + Iso(row.FirstReplyDue), cancellationToken);
                }

                if (row.AnsweredAt is null && row.AnswerDue < now && !flags.HasFlag(SlaFlags.AnswerReminded))
                {
                    flags |= SlaFlags.AnswerReminded;
                    reminders++;
                    await session.AddEventAsync(row.Id, now, Actors.Sla, EventKinds.Reminder, null, "answer",
                        "full answer overdue since " + Iso(row.AnswerDue), cancellationToken);
                }

                if (row.AnsweredAt is null && row.AnswerDue < now - options.EscalateAfter && !flags.HasFlag(SlaFlags.Escalated))
                {
                    flags |= SlaFlags.Escalated;
                    escalations++;
                    escalatedTo = row.ParentBodyId;
                    await session.AddEventAsync(row.Id, now, Actors.Sla, EventKinds.Escalated, EventKinds.BodyValue(row.BodyId), EventKinds.BodyValue(row.ParentBodyId),
                        row.ParentBodyId is null ? "answer overdue; the body has no parent body to escalate to" : "answer overdue; escalated to the parent body",
                        cancellationToken);
                }

                await session.SetSlaFlagsAsync(row.Id, flags, escalatedTo, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
            handled += rows.Count;
            if (rows.Count < 500)
            {
                break;
            }
        }

        if (options.RetentionDays is { } days)
        {
            await using var session = await database.OpenAsync(write: true, cancellationToken);
            await session.BeginWritingAsync(cancellationToken);
            var cases = await session.RemoveClosedTextsAsync(now - TimeSpan.FromDays(days), now, 5000, cancellationToken);
            foreach (var caseId in cases)
            {
                await session.AddEventAsync(caseId, now, Actors.Retention, EventKinds.TextsRemoved, null, null,
                    $"message texts removed {days} days after closing", cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
            removed = cases.Count;
        }

        return new SlaPass(reminders, escalations, removed);
    }

    private static string Iso(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
