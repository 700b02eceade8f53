using Pulumi;

namespace SecureServing.Components.Gcp;

/// <summary>
/// One description of how a source maps onto two SDK args types that Pulumi.Gcp generates separately with the same
/// fields and no shared interface (<c>ClusterNodeConfigArgs</c> and <c>NodePoolNodeConfigArgs</c>, and each of their
/// nested blocks). Each field is read from the source once and written through one setter per args type, so a field
/// is added in one line and cannot reach one args type without the other. Null values and empty lists follow
/// <see cref="InputValues"/>: the input is left unset. The Kubernetes side's counterpart, for manifest fields that
/// must be present on one args type and every field described, is <c>CreateAndPatchMapping</c> (Components/Kubernetes):
/// reuse one of the two for the next twin-type case.
/// </summary>
/// <typeparam name="TSource">What the values are read from.</typeparam>
/// <typeparam name="TFirst">The first args type.</typeparam>
/// <typeparam name="TSecond">The second args type, field for field like the first.</typeparam>
internal sealed class TwinArgs<TSource, TFirst, TSecond>
    where TFirst : new()
    where TSecond : new()
{
    private readonly List<(Action<TSource, TFirst> First, Action<TSource, TSecond> Second)> fields = [];

    /// <summary>A value, read once per args built and written by the setter of that args type.</summary>
    public TwinArgs<TSource, TFirst, TSecond> Field<TValue>(Func<TSource, TValue> read, Action<TFirst, TValue> first, Action<TSecond, TValue> second)
    {
        fields.Add(((source, args) => first(args, read(source)), (source, args) => second(args, read(source))));
        return this;
    }

    /// <summary>A nested block of the same source, mapped by <paramref name="block"/>; left unset unless <paramref name="present"/> (default: always set).</summary>
    public TwinArgs<TSource, TFirst, TSecond> Block<TBlockFirst, TBlockSecond>(
        TwinArgs<TSource, TBlockFirst, TBlockSecond> block, Action<TFirst, TBlockFirst> first, Action<TSecond, TBlockSecond> second,
        Func<TSource, bool>? present = null)
        where TBlockFirst : new()
        where TBlockSecond : new()
    {
        fields.Add((
            (source, args) =>
            {
                if (present?.Invoke(source) ?? true)
                {
                    first(args, block.First(source));
                }
            },
            (source, args) =>
            {
                if (present?.Invoke(source) ?? true)
                {
                    second(args, block.Second(source));
                }
            }));
        return this;
    }

    /// <summary>A list of nested blocks, one per item, each mapped by <paramref name="item"/>; left unset when empty.</summary>
    public TwinArgs<TSource, TFirst, TSecond> Blocks<TItem, TItemFirst, TItemSecond>(
        Func<TSource, IEnumerable<TItem>> read, TwinArgs<TItem, TItemFirst, TItemSecond> item,
        Action<TFirst, InputList<TItemFirst>> first, Action<TSecond, InputList<TItemSecond>> second)
        where TItemFirst : new()
        where TItemSecond : new()
    {
        fields.Add((
            (source, args) => first(args, InputValues.ListOrUnset(read(source).Select(item.First))),
            (source, args) => second(args, InputValues.ListOrUnset(read(source).Select(item.Second)))));
        return this;
    }

    /// <summary>The first args type of <paramref name="source"/>, every field in description order.</summary>
    public TFirst First(TSource source) => Build(source, new TFirst(), f => f.First);

    /// <summary>The second args type of <paramref name="source"/>, every field in description order.</summary>
    public TSecond Second(TSource source) => Build(source, new TSecond(), f => f.Second);

    private T Build<T>(TSource source, T args, Func<(Action<TSource, TFirst> First, Action<TSource, TSecond> Second), Action<TSource, T>> side)
    {
        foreach (var field in fields)
        {
            side(field)(source, args);
        }

        return args;
    }
}
