using Microsoft.Extensions.Logging;
using Otklik.Access;
using Otklik.Cases;
using Otklik.Ingest;
using Otklik.Model;
using Otklik.Server.Apis;
using Otklik.Storage.Cases;

namespace Otklik.Server.Demo;

/// <summary>
/// Simulated residents and bodies: the Kursk demo appeals arrive over the simulated clock (the first part filled in as
/// history, the rest live), bodies take them into work and answer after delays drawn from real timelines, residents
/// confirm or reopen, and a few appeals are echoed by other residents so mass complaints merge into one case.
/// Deterministic for a seed. Everything it makes is marked simulated.
/// </summary>
public sealed class DemoWorld(MessageIntake intake, CaseCommands commands, SimulatedClock clock, DelayDistribution delays, ILogger<DemoWorld> logger)
{
    private static readonly Caller Body = new(0, "demo-body", Role.Operator, null, CaseScope.All);
    private readonly PriorityQueue<Func<Task>, DateTimeOffset> _agenda = new();
    private readonly Random _random = new(20261129);
    private int _messages;
    private int _answers;

    /// <summary>How much of the file is history at start. Defaults to 0.7; the rest arrives live.</summary>
    public double HistoryShare { get; init; } = 0.7;

    /// <summary>
    /// Send each appeal with its labels (topic, group, executor), as a labeled import would. Defaults to true; with a
    /// model the demo sends bare texts, as residents write them, so the model, places and the router decide.
    /// </summary>
    public bool SendLabels { get; init; } = true;

    /// <summary>How far back history starts. Defaults to 21 days.</summary>
    public TimeSpan HistorySpan { get; init; } = TimeSpan.FromDays(21);

    /// <summary>
    /// Fills in history from the paused clock's time (<see cref="HistorySpan"/> before <paramref name="end"/>) up to
    /// <paramref name="end"/>; returns how many appeals arrived.
    /// </summary>
    public async Task<int> FillHistoryAsync(IReadOnlyList<LabeledAppeal> appeals, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var shuffled = appeals.OrderBy(_ => _random.Next()).ToList();
        var history = (int)(shuffled.Count * HistoryShare);
        var start = end - HistorySpan;
        for (var i = 0; i < shuffled.Count; i++)
        {
            var at = i < history
                ? start + (HistorySpan * (i / (double)history))
                // The live part: a steady trickle over the next week of simulated time.
                : end + (TimeSpan.FromDays(7) * ((i - history + 1) / (double)(shuffled.Count - history)));
            var appeal = shuffled[i];
            _agenda.Enqueue(() => ArriveAsync(appeal, cancellationToken), at);
        }

        while (_agenda.TryPeek(out _, out var due) && due <= end)
        {
            clock.Set(due);
            await _agenda.Dequeue()();
        }

        clock.Set(end);
        return history;
    }

    /// <summary>Plays the agenda as the running clock reaches each event, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var lastReport = clock.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                while (_agenda.TryPeek(out _, out var due) && due <= clock.GetUtcNow())
                {
                    await _agenda.Dequeue()();
                }

                if (clock.GetUtcNow() - lastReport > TimeSpan.FromDays(1))
                {
                    lastReport = clock.GetUtcNow();
                    Log.DemoProgress(logger, _messages, _answers);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.DemoFailed(logger, e);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ArriveAsync(LabeledAppeal appeal, CancellationToken cancellationToken)
    {
        var caseId = await SendAsync("demo-" + appeal.Id, appeal.Text, appeal, cancellationToken);
        if (caseId is not { } id)
        {
            return;
        }

        var now = clock.GetUtcNow();
        // About one appeal in 40 is echoed by two more residents within hours: a mass complaint, merged into one case.
        if (_random.NextDouble() < 0.025)
        {
            for (var k = 1; k <= 2; k++)
            {
                var echo = $"{appeal.Id}-echo{k}";
                _agenda.Enqueue(() => SendAsync("demo-" + echo, "Присоединяюсь к обращению. " + appeal.Text, appeal, cancellationToken),
                    now + TimeSpan.FromHours(_random.Next(1, 12)));
            }
        }

        ScheduleWork(id, now, cancellationToken);
    }

    private async Task<long?> SendAsync(string externalId, string text, LabeledAppeal appeal, CancellationToken cancellationToken)
    {
        var result = await intake.AcceptAsync(
            [new MessageInput("demo", externalId, text, Author: "resident-" + appeal.Id,
                Topic: SendLabels ? appeal.Topic : null, TopicGroup: SendLabels ? appeal.Group : null, Body: SendLabels ? appeal.Executor : null)],
            cancellationToken);
        _messages++;
        return result.Results[0].CaseId;
    }

    private void ScheduleWork(long caseId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var firstReply = delays.FirstReply(_random);
        var answer = delays.Answer(_random);
        if (answer < firstReply)
        {
            answer = firstReply + TimeSpan.FromHours(1);
        }

        _agenda.Enqueue(() => TakeIntoWorkAsync(caseId, cancellationToken), from + firstReply);
        _agenda.Enqueue(() => AnswerAsync(caseId, cancellationToken), from + answer);
    }

    private async Task TakeIntoWorkAsync(long caseId, CancellationToken cancellationToken)
    {
        await commands.TransitionAsync(caseId, CaseAction.Start, null, null, Body, cancellationToken);
        await commands.AnswerAsync(caseId, ResponseKind.FirstReply, "Ваше обращение принято в работу. (смоделированный ответ)", null, Body, cancellationToken);
    }

    private async Task AnswerAsync(long caseId, CancellationToken cancellationToken)
    {
        var result = await commands.AnswerAsync(caseId, ResponseKind.Final,
            "По вашему обращению проведены работы. (смоделированный ответ демонстрации)", null, Body, cancellationToken);
        if (result.Outcome != CommandOutcome.Done)
        {
            return;
        }

        _answers++;
        var now = clock.GetUtcNow();
        var roll = _random.NextDouble();
        // The real reopened share is small (about 3%); the demo doubles it so the screen shows some.
        if (roll < delays.ReopenedShare * 2)
        {
            _agenda.Enqueue(async () =>
            {
                await commands.FeedbackAsync(caseId, null, false, "Проблема не решена. (смоделировано)", null, cancellationToken);
                ScheduleWork(caseId, clock.GetUtcNow(), cancellationToken);
            }, now + TimeSpan.FromHours(_random.Next(6, 72)));
        }
        else if (roll < delays.ReopenedShare * 2 + delays.ConfirmedShare)
        {
            _agenda.Enqueue(() => commands.FeedbackAsync(caseId, null, true, null, null, cancellationToken), now + TimeSpan.FromHours(_random.Next(2, 96)));
        }
    }
}
