using System.Globalization;

namespace FluentRequests;

/// <summary>
/// How long a request may take: a connect timeout per connection attempt, a read timeout
/// for the response headers and for every single body read (streaming included), and an
/// optional total deadline for the whole call, redirects and retries included.
/// </summary>
/// <remarks>
/// Converts implicitly from seconds (<c>timeout: 5</c>), a <see cref="TimeSpan"/>, or a
/// <c>(connect, read)</c> tuple of either, as Requests' <c>timeout=(3.05, 27)</c>.
/// A <c>null</c> limit means no limit for that phase. The session default is <see cref="Default"/>.
/// A number of seconds is per read, not for the whole call (Requests' meaning, unlike <c>HttpClient.Timeout</c>):
/// a body that keeps trickling in never times out; a call's <c>totalTimeout</c> or <see cref="WithTotal"/> bounds the whole call.
/// </remarks>
public sealed record RequestTimeout
{
    /// <summary>The session default: 10 s to connect, 60 s between reads, no total deadline.</summary>
    public static RequestTimeout Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

    /// <summary>Waits forever: no connect, read or total limit (Requests' <c>timeout=None</c>).</summary>
    public static RequestTimeout Infinite { get; } = new(null, null);

    /// <summary>Creates a timeout.</summary>
    /// <param name="connect">Limit for each TCP connection attempt (the TLS handshake after it counts as a read); <c>null</c> for none.</param>
    /// <param name="read">Limit for each wait on the server: the headers, then every body read; <c>null</c> for none.</param>
    /// <param name="total">Deadline for the whole call, redirects and retries included; <c>null</c> for none.</param>
    /// <exception cref="ArgumentException">A limit is zero, negative or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public RequestTimeout(TimeSpan? connect, TimeSpan? read, TimeSpan? total = null)
    {
        Connect = Check(connect, nameof(connect));
        Read = Check(read, nameof(read));
        Total = Check(total, nameof(total));
    }

    /// <summary>The connect limit per connection attempt, or <c>null</c> for none.</summary>
    /// <value>The session default (<see cref="Default"/>) is 10 seconds.</value>
    public TimeSpan? Connect { get; }

    /// <summary>The limit for each wait on the server (headers, then each body read), or <c>null</c> for none.</summary>
    /// <value>The session default (<see cref="Default"/>) is 60 seconds.</value>
    public TimeSpan? Read { get; }

    /// <summary>The deadline for the whole call, redirects and retries included, or <c>null</c> for none.</summary>
    /// <value>The session default (<see cref="Default"/>) is <see langword="null"/>: no deadline.</value>
    public TimeSpan? Total { get; }

    /// <summary>
    /// The same connect and read limits for <paramref name="seconds"/> seconds: per read, not for the whole call (see
    /// <see cref="WithTotal"/>).
    /// </summary>
    /// <param name="seconds">A positive, finite number of seconds.</param>
    public static RequestTimeout FromSeconds(double seconds) => new(Seconds(seconds, nameof(seconds)), Seconds(seconds, nameof(seconds)));

    /// <summary>Only a total deadline for the whole call; connect and read are unlimited.</summary>
    /// <param name="deadline">The deadline.</param>
    public static RequestTimeout TotalOnly(TimeSpan deadline) => new(null, null, deadline);

    /// <summary>A copy of this timeout with a total deadline for the whole call.</summary>
    /// <param name="deadline">The deadline, or <c>null</c> to remove it.</param>
    public RequestTimeout WithTotal(TimeSpan? deadline) => new(Connect, Read, deadline);

    /// <summary>
    /// Seconds for both connect and each read, as Requests' <c>timeout=5</c>: per read, not for the whole call (see
    /// <see cref="WithTotal"/>).
    /// </summary>
    public static implicit operator RequestTimeout(double seconds) => FromSeconds(seconds);

    /// <summary>The same limit for both connect and each read: per read, not for the whole call (see <see cref="WithTotal"/>).</summary>
    public static implicit operator RequestTimeout(TimeSpan limit) => new(limit, limit);

    /// <summary>A <c>(connect, read)</c> pair in seconds, as Requests' <c>timeout=(3.05, 27)</c>; the read limit is per read, not for the whole call.</summary>
    public static implicit operator RequestTimeout((double Connect, double Read) limits)
        => new(Seconds(limits.Connect, "connect"), Seconds(limits.Read, "read"));

    /// <summary>A <c>(connect, read)</c> pair; the read limit is per read, not for the whole call.</summary>
    public static implicit operator RequestTimeout((TimeSpan Connect, TimeSpan Read) limits) => new(limits.Connect, limits.Read);

    /// <inheritdoc/>
    public override string ToString()
        => $"connect={Describe(Connect)}, read={Describe(Read)}, total={Describe(Total)}";

    internal static string Describe(TimeSpan? limit)
        => limit is { } l ? l.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s" : "none";

    private static TimeSpan Seconds(double seconds, string name)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds <= 0)
        {
            throw new ArgumentException(
                $"A {name} timeout must be a positive, finite number of seconds (or use RequestTimeout.Infinite); "
                + $"got {seconds.ToString(CultureInfo.InvariantCulture)}.", name);
        }
        return Check(TimeSpan.FromSeconds(seconds), name)!.Value;
    }

    private static TimeSpan? Check(TimeSpan? limit, string name)
    {
        if (limit is { } l && (l <= TimeSpan.Zero || l.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentException(
                $"A {name} timeout must be positive and at most {int.MaxValue} ms (or null for no limit); got {l}.", name);
        }
        return limit;
    }
}
