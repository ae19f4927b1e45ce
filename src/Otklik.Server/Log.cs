using Microsoft.Extensions.Logging;

namespace Otklik.Server;

/// <summary>Every log message of the server, in one place. Never a message text or an author: ids and counts only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Processed {Count} pending messages into cases")]
    public static partial void Processed(ILogger logger, int count);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Processing failed; the messages stay pending and are retried")]
    public static partial void ProcessingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "SLA pass: {Reminders} reminders, {Escalations} escalations, texts removed from {Removed} cases")]
    public static partial void SlaPass(ILogger logger, int reminders, int escalations, int removed);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "SLA pass failed; it runs again at the next tick")]
    public static partial void SlaFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Failed sign-in for user {User}")]
    public static partial void SignInFailed(ILogger logger, string user);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Demo world: {Messages} messages sent, {Answers} answers given so far")]
    public static partial void DemoProgress(ILogger logger, int messages, int answers);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Error, Message = "Demo world step failed")]
    public static partial void DemoFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "A batch of {Count} messages could not be processed on arrival; it is stored pending and processed apart")]
    public static partial void AcceptFailed(ILogger logger, int count, Exception? exception);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Error, Message = "Search index upkeep failed; it looks again at the next tick")]
    public static partial void SearchUpkeepFailed(ILogger logger, Exception exception);
}
