namespace SecureServing.Pulumi.Tests.ProgramHarness;

/// <summary>Positions in the mocks' <c>start:</c>/<c>done:</c> event list, for order assertions.</summary>
internal static class EventOrder
{
    /// <summary>
    /// Where <paramref name="name"/> happened; fails the test, naming it, when it never did (an <c>IndexOf</c> of -1
    /// would make every "happened before" comparison pass, whatever the order).
    /// </summary>
    public static int At(this IReadOnlyList<string> events, string name)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] == name)
            {
                return i;
            }
        }

        Assert.Fail($"no event {name} (among {events.Count} events)");
        return -1;
    }
}
