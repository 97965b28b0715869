using System.Text;

namespace FluentRequests;

/// <summary>Builds the <c>Cookie</c> request header from name/value pairs already filtered by <see cref="CookieSyntax"/>.</summary>
internal static class CookieHeader
{
    public static string Join(Dictionary<string, string> cookies)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in cookies)
        {
            if (sb.Length > 0) sb.Append("; ");
            sb.Append(name).Append('=').Append(value);
        }
        return sb.ToString();
    }
}
