using System.Text;
using CsCheck;

namespace FluentRequests.Tests.Properties;

/// <summary>
/// The <c>.netrc</c> parser (<see cref="NetrcFile"/>): any bytes parse or give <c>null</c> (a file with a syntax error is
/// ignored, as Requests ignores it), never an exception; a file written by a generator, with quoted tokens and
/// backslash escapes, gives back the credentials it was written with.
/// </summary>
public class NetrcProperties
{
    [Test]
    public void AnyBytesParseOrAreIgnored()
    {
        var keywords = Gen.OneOf("machine ", "default ", "login ", "password ", "account ", "macdef ", "# ", "\"", "\\", "\n", "\n\n", " h ");
        var shaped = Gen.Frequency((2, (IGen<string>)keywords), (1, Gens.AnyString)).Array[0, 12].Select(parts => string.Concat(parts));
        Gen.Frequency((1, (IGen<byte[]>)Gen.Byte.Array[0, 64]), (3, shaped.Select(Encoding.UTF8.GetBytes))).Sample(bytes =>
        {
            var file = NetrcFile.Parse(bytes);
            if (file is not null) Assert.That(() => file.AuthFor("h"), Throws.Nothing);
        }, iter: Gens.Iter);
    }

    private sealed record Entry(string Machine, string Login, string Password);

    /// <summary>A token as Python's netrc lexer reads it back: quoted, with '"' and '\' escaped.</summary>
    private static string Quoted(string token) => "\"" + token.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Anything but a bare word starting with '#' (a comment) or a keyword can be written unquoted if it has no whitespace.</summary>
    private static readonly Gen<string> Secret = Gens.Text(1, 12);

    private static readonly Gen<Entry> Entries = Gen.Select(Gens.Of("abcdefghijklmnopqrstuvwxyz0123456789.-", 1, 12), Secret, Secret,
        (m, l, p) => new Entry(m, l, p));

    [Test]
    public void GeneratedFilesGiveBackTheirCredentials()
    {
        Gen.Select(Entries.Array[1, 4], Gen.OneOf(" ", "\n", "\t", "\n  "), Gen.Bool, (e, s, c) => (e, s, c)).Sample((entries, separator, comment) =>
        {
            var text = new StringBuilder();
            if (comment) text.Append("# a comment line\n");
            foreach (var entry in entries)
            {
                text.Append("machine ").Append(entry.Machine).Append(separator)
                    .Append("login ").Append(Quoted(entry.Login)).Append(separator)
                    .Append("password ").Append(Quoted(entry.Password)).Append('\n');
            }
            var file = NetrcFile.Parse(Encoding.UTF8.GetBytes(text.ToString()));
            Assert.That(file, Is.Not.Null, text.ToString());
            // A later entry for the same machine replaces an earlier one, as in Python's netrc.
            foreach (var entry in entries.GroupBy(e => e.Machine).Select(g => g.Last()))
            {
                var auth = file!.AuthFor(entry.Machine);
                Assert.That((auth?.User, auth?.Password), Is.EqualTo((entry.Login, entry.Password)), text.ToString());
            }
        }, iter: Gens.Iter);
    }
}
