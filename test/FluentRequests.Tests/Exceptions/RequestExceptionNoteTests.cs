namespace FluentRequests.Tests.Exceptions;

/// <summary>
/// A note added to an exception on its way up (the retry's "gave up after N attempts") keeps the exception as it was:
/// its type, inner exception and stack trace, whatever constructors a subclass declares.
/// </summary>
public class RequestExceptionNoteTests
{
    /// <summary>A subclass a user or a later version may write, without the (message, request, response, inner) constructor.</summary>
    private sealed class OnlyMessageException(string message) : RequestException(message);

    [Test]
    public void ASubclassWithoutTheFullConstructorKeepsItsTypeAndGetsTheNote()
    {
        var thrown = Catch(() => throw new OnlyMessageException("boom"));

        thrown.AddNote("(gave up after 3 attempts)");

        Assert.That(thrown, Is.TypeOf<OnlyMessageException>());
        Assert.That(thrown.Message, Is.EqualTo("boom (gave up after 3 attempts)"));
        Assert.That(thrown.StackTrace, Does.Contain(nameof(ASubclassWithoutTheFullConstructorKeepsItsTypeAndGetsTheNote)));
    }

    [Test]
    public void JsonDecodeExceptionKeepsItsPositionAndInnerException()
    {
        var cause = new System.Text.Json.JsonException("bad");
        var thrown = Catch(() => throw new JsonDecodeException("not JSON", lineNumber: 2, bytePositionInLine: 7, innerException: cause));

        thrown.AddNote("(gave up after 2 attempts)");

        var decode = (JsonDecodeException)thrown;
        Assert.That(decode.Message, Is.EqualTo("not JSON (gave up after 2 attempts)"));
        Assert.That(decode.LineNumber, Is.EqualTo(2));
        Assert.That(decode.InnerException, Is.SameAs(cause));
    }

    [Test]
    public void NotesAccumulateInOrder()
    {
        var e = new ConnectionException("refused");

        e.AddNote("first");
        e.AddNote("second");

        Assert.That(e.Message, Is.EqualTo("refused first second"));
    }

    private static RequestException Catch(Action thrower)
    {
        try
        {
            thrower();
        }
        catch (RequestException e)
        {
            return e;
        }
        throw new AssertionException("nothing was thrown");
    }
}
