namespace SecureServing.Core.Access;

/// <summary>Three-valued logic for policy matching: true, false, or null when the evaluator cannot know.</summary>
internal static class Tristate
{
    public static bool? And(IEnumerable<bool?> values)
    {
        var unknown = false;
        foreach (var v in values)
        {
            if (v == false)
            {
                return false;
            }

            unknown |= v is null;
        }

        return unknown ? null : true;
    }

    public static bool? Or(IEnumerable<bool?> values)
    {
        var unknown = false;
        foreach (var v in values)
        {
            if (v == true)
            {
                return true;
            }

            unknown |= v is null;
        }

        return unknown ? null : false;
    }

    public static bool? And(params bool?[] values) => And((IEnumerable<bool?>)values);

    public static bool? Or(params bool?[] values) => Or((IEnumerable<bool?>)values);
}
