using System.Text;

namespace FluentRequests;

/// <summary>
/// A parsed <c>.netrc</c> file, with the semantics of Python's <c>netrc</c> module (3.11) as Requests'
/// <c>get_netrc_auth</c> uses it: <c>machine NAME</c> and <c>default</c> entries with <c>login</c> (or <c>user</c>),
/// <c>account</c> and <c>password</c>; double-quoted tokens and backslash escapes; <c>#</c> comments; <c>macdef</c>
/// bodies skipped up to an empty line; a later entry for the same machine replaces an earlier one.
/// Anything else is a syntax error, and a file with one is not used at all (Requests ignores it).
/// </summary>
internal sealed class NetrcFile
{
    private readonly Dictionary<string, BasicAuth?> _credentials;

    private NetrcFile(Dictionary<string, BasicAuth?> credentials) => _credentials = credentials;

    /// <summary>
    /// The Basic credentials for <paramref name="host"/> (exact, case-sensitive name), else the <c>default</c> entry's;
    /// <c>null</c> when neither gives any.
    /// </summary>
    public BasicAuth? AuthFor(string host)
        => _credentials.TryGetValue(host, out var auth) || _credentials.TryGetValue("default", out auth) ? auth : null;

    /// <summary>Parses a file's bytes; <c>null</c> when they are not UTF-8 or not valid .netrc syntax.</summary>
    public static NetrcFile? Parse(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        return Parse(text);
    }

    /// <summary>Parses .netrc text; <c>null</c> on a syntax error (Python's <c>NetrcParseError</c>).</summary>
    public static NetrcFile? Parse(string text)
    {
        var lexer = new Lexer(text);
        var hosts = new Dictionary<string, BasicAuth?>(StringComparer.Ordinal);
        while (true)
        {
            int savedLine = lexer.Line;
            string top = lexer.NextToken();
            string entryName;
            if (top.Length == 0)
            {
                break;
            }
            if (top[0] == '#')
            {
                if (lexer.Line == savedLine && top.Length == 1) lexer.SkipLine();
                continue;
            }
            if (top == "machine")
            {
                entryName = lexer.NextToken();
            }
            else if (top == "default")
            {
                entryName = "default";
            }
            else if (top == "macdef")
            {
                lexer.NextToken();
                while (true)
                {
                    string? line = lexer.ReadLine();
                    if (line is null) return null; // "Macro definition missing null line terminator."
                    if (line == "\n") break;
                }
                continue;
            }
            else
            {
                return null; // "bad toplevel token"
            }
            if (entryName.Length == 0) return null; // "missing 'machine' name"

            string login = "", account = "", password = "";
            while (true)
            {
                int previousLine = lexer.Line;
                string token = lexer.NextToken();
                if (token.StartsWith('#'))
                {
                    if (lexer.Line == previousLine) lexer.SkipLine();
                    continue;
                }
                if (token is "" or "machine" or "default" or "macdef")
                {
                    lexer.PushBack(token);
                    break;
                }
                switch (token)
                {
                    case "login" or "user":
                        login = lexer.NextToken();
                        break;
                    case "account":
                        account = lexer.NextToken();
                        break;
                    case "password":
                        password = lexer.NextToken();
                        break;
                    default:
                        return null; // "bad follower token"
                }
            }
            // get_netrc_auth: nothing when every field is empty; the account stands in for a missing login.
            bool any = login.Length > 0 || account.Length > 0 || password.Length > 0;
            hosts[entryName] = any ? new BasicAuth(login.Length > 0 ? login : account, password) : null;
        }
        return new NetrcFile(hosts);
    }

    /// <summary>Python's <c>_netrclex</c>, character for character (its line count ignores lines skipped whole, as Python's does).</summary>
    private sealed class Lexer(string text)
    {
        private int _position;
        private string? _pushedBack;

        public int Line { get; private set; } = 1;

        public void PushBack(string token) => _pushedBack = token;

        public string NextToken()
        {
            if (_pushedBack is { } pushed)
            {
                _pushedBack = null;
                return pushed;
            }
            var token = new StringBuilder();
            while (TryRead(out char c))
            {
                if (c is '\n' or '\t' or '\r' or ' ') continue;
                if (c == '"')
                {
                    while (TryRead(out c))
                    {
                        if (c == '"') return token.ToString();
                        if (c == '\\' && !TryRead(out c)) break;
                        token.Append(c);
                    }
                    return token.ToString();
                }
                if (c == '\\' && !TryRead(out c)) return token.ToString();
                token.Append(c);
                while (TryRead(out c))
                {
                    if (c is '\n' or '\t' or '\r' or ' ') return token.ToString();
                    if (c == '\\' && !TryRead(out c)) break;
                    token.Append(c);
                }
                return token.ToString();
            }
            return token.ToString();
        }

        /// <summary>The rest of the current line with its newline; <c>null</c> at the end of the text.</summary>
        public string? ReadLine()
        {
            if (_position >= text.Length) return null;
            int end = text.IndexOf('\n', _position);
            end = end < 0 ? text.Length : end + 1;
            string line = text[_position..end];
            _position = end;
            return line;
        }

        public void SkipLine() => ReadLine();

        private bool TryRead(out char c)
        {
            if (_position >= text.Length)
            {
                c = '\0';
                return false;
            }
            c = text[_position++];
            if (c == '\n') Line++;
            return true;
        }
    }
}
