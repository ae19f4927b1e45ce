namespace Otklik.Ratings.Input;

/// <summary>The kinds of lines in an activity file (docs/ratings/activity-format.md).</summary>
public enum ActivityKind
{
    /// <summary>A post by the account.</summary>
    Post,
    /// <summary>A comment under one of the account's posts by someone else (a resident).</summary>
    Comment,
    /// <summary>The account's reply to a comment.</summary>
    Reply,
}
