using CsCheck;

namespace FluentRequests.Tests.Properties;

/// <summary>
/// Shared generators and budgets for the property tests. A failing property throws CsCheck's exception with the
/// seed and the shrunk input; pass that seed to <c>Sample(seed: ...)</c> to replay it.
/// </summary>
internal static class Gens
{
    /// <summary>Iterations for a property that only parses in memory: all the properties together stay well under 20 s.</summary>
    public const int Iter = 3_000;

    /// <summary>Iterations for a property that builds .NET objects or sends over loopback.</summary>
    public const int FewIter = 300;

    /// <summary>Any UTF-16 code unit, weighted towards the characters that break parsers: delimiters, controls, non-ASCII, lone surrogates.</summary>
    public static readonly Gen<char> AnyChar = Gen.Frequency(
        (6, (IGen<char>)Gen.Char[' ', '~']),
        (3, Gen.Char["\"'\\;,=:@/?#[]%&+<> \t\r\n\0"]),
        (1, Gen.Char['\0', '\u001f']),
        (1, Gen.Char['\u007f', '\u00ff']),
        (1, Gen.Char['\u0100', '\uffff']));

    /// <summary>Any string, including invalid UTF-16 (lone surrogates).</summary>
    public static readonly Gen<string> AnyString = AnyChar.Array[0, 24].Select(chars => new string(chars));

    /// <summary>One valid Unicode scalar as a string: ASCII, Latin-1, BMP outside the surrogates, or an astral character.</summary>
    public static readonly Gen<string> TextElement = Gen.Frequency(
        (6, (IGen<string>)Gen.Char[' ', '~'].Select(c => c.ToString())),
        (2, Gen.Char["\"'\\;,=:@/?#[]%&+<> \t\r\n"].Select(c => c.ToString())),
        (1, Gen.Char['\u00a0', '\u00ff'].Select(c => c.ToString())),
        (1, Gen.Char['\u0100', '\ud7ff'].Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

    /// <summary>A valid Unicode string (no lone surrogates) of 0 to <paramref name="max"/> elements.</summary>
    public static Gen<string> Text(int min = 0, int max = 16) => TextElement.Array[min, max].Select(parts => string.Concat(parts));

    /// <summary>A string of characters drawn from <paramref name="chars"/>.</summary>
    public static Gen<string> Of(string chars, int min, int max) => Gen.Char[chars].Array[min, max].Select(a => new string(a));

    public const string TokenChars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>An RFC 7230 token.</summary>
    public static readonly Gen<string> Token = Of(TokenChars, 1, 12);
}
