using System.Collections.Concurrent;

namespace FluentRequests;

/// <summary>
/// The transports of <see cref="TransportPool"/> by key, bounded: once it holds more than <see cref="SweepAbove"/>,
/// adding one closes those no request has used for <see cref="IdleLimit"/>. A process that sends through many
/// different proxies (or TLS settings) over its life keeps only the transports it still uses. A transport being
/// closed finishes the exchanges it has started; a request takes a transport just before sending, so one idle for
/// minutes has none about to start.
/// </summary>
internal sealed class TransportCache(Func<TransportKey, Transport> create, int sweepAbove, TimeSpan idleLimit, Func<long>? clock = null)
{
    private readonly ConcurrentDictionary<TransportKey, Entry> _entries = new();
    private readonly Func<TransportKey, Transport> _create = create;
    private readonly Func<long> _clock = clock ?? (() => System.Environment.TickCount64);
    private readonly Lock _sweeping = new();

    private sealed class Entry(Transport transport, long now)
    {
        public Transport Transport { get; } = transport;
        public long LastUsed = now;
    }

    public int SweepAbove { get; } = sweepAbove;

    public TimeSpan IdleLimit { get; } = idleLimit;

    public int Count => _entries.Count;

    public Transport Get(in TransportKey key)
    {
        long now = _clock();
        if (_entries.TryGetValue(key, out var entry))
        {
            Volatile.Write(ref entry.LastUsed, now);
            return entry.Transport;
        }
        return Add(key, now);
    }

    private Transport Add(TransportKey key, long now)
    {
        var added = _entries.GetOrAdd(key, static (k, state) => new Entry(state.Cache._create(k), state.Now), (Cache: this, Now: now));
        Volatile.Write(ref added.LastUsed, now);
        if (_entries.Count > SweepAbove) Sweep(now);
        return added.Transport;
    }

    private void Sweep(long now)
    {
        if (!_sweeping.TryEnter()) return;
        try
        {
            long limit = (long)IdleLimit.TotalMilliseconds;
            foreach (var (key, entry) in _entries)
            {
                if (now - Volatile.Read(ref entry.LastUsed) < limit) continue;
                if (_entries.TryRemove(new KeyValuePair<TransportKey, Entry>(key, entry))) entry.Transport.Invoker.Dispose();
            }
        }
        finally
        {
            _sweeping.Exit();
        }
    }
}
