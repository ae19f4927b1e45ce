namespace Otklik.Ratings.Input;

/// <summary>One post, comment or reply of an official account's page, as one activity line.</summary>
/// <param name="ReplyTo">For a reply: the id of the comment it answers. For a comment: the post id (informational).</param>
/// <param name="Question">For a comment: whether it asks something or complains (only those count for "answered"); null means yes.</param>
public sealed record ActivityEvent(
    ActivityKind Kind,
    string Account,
    string Id,
    DateTimeOffset At,
    int TextLength,
    long Views,
    long Likes,
    long Reposts,
    long Comments,
    bool CommentsOpen,
    string? ReplyTo,
    bool? Question);
