namespace FluentRequests.Testing;

public sealed partial class FakeHttp
{
    /// <summary>
    /// Asserts that at least one call went to <paramref name="urlPattern"/> (<c>*</c> wildcards, the whole URL; the query
    /// counts only when the pattern has a <c>?</c>, else check it with <see cref="CallAssertion.WithQuery"/>); narrow it
    /// with <c>With…</c> (each asserts that some call still meets every condition so far) and end with <see cref="CallAssertion.Times"/>.
    /// </summary>
    /// <param name="urlPattern">The URL pattern, e.g. <c>https://api.example.com/users/*</c>.</param>
    /// <exception cref="FakeHttpAssertionException">No call matches; the message lists the calls made, closest first.</exception>
    public CallAssertion ShouldHaveCalled(string urlPattern) => new CallAssertion(Calls, negated: false).Where(CallFilter.Url(urlPattern));

    /// <summary>
    /// Asserts that no call went to <paramref name="urlPattern"/>; with <c>With…</c> conditions, that no call to it met
    /// them all (each condition narrows what must not have been called).
    /// </summary>
    /// <param name="urlPattern">The URL pattern.</param>
    /// <exception cref="FakeHttpAssertionException">A call matches; the message lists it.</exception>
    public CallAssertion ShouldNotHaveCalled(string urlPattern) => new CallAssertion(Calls, negated: true).Where(CallFilter.Url(urlPattern));

    /// <summary>Asserts that at least one call was made, to any URL; narrow it with <c>With…</c>.</summary>
    /// <exception cref="FakeHttpAssertionException">No call was made.</exception>
    public CallAssertion ShouldHaveMadeACall() => new CallAssertion(Calls, negated: false).Check();

    /// <summary>Asserts that no call was made at all.</summary>
    /// <exception cref="FakeHttpAssertionException">A call was made; the message lists every call.</exception>
    public void ShouldNotHaveMadeACall() => new CallAssertion(Calls, negated: true).Check();
}
