namespace Otklik.Places.Internal;

internal enum PlaceTokenKind
{
    Word,
    Number,
    Punct,
}
