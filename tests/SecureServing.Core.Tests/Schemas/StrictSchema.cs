using System.Text.Json.Nodes;

namespace SecureServing.Core.Tests.Schemas;

/// <summary>
/// Makes a Kubernetes structural schema strict the way the API server's strict field validation is: an object schema
/// that lists <c>properties</c> and says nothing about <c>additionalProperties</c> gets <c>additionalProperties: false</c>,
/// unless it carries <c>x-kubernetes-preserve-unknown-fields: true</c> (the API server keeps unknown fields there).
/// Schemas that allow any map (<c>additionalProperties: {…}</c>) or say nothing about their fields (<c>type: object</c>
/// alone) are left as they are. Walks only schema positions, so a field that happens to be named <c>properties</c>
/// or <c>items</c> is not mistaken for a keyword. Not modelled: CEL rules (<c>x-kubernetes-validations</c>) and
/// list-type uniqueness (<c>x-kubernetes-list-type</c>), which the API server checks too.
/// </summary>
internal static class StrictSchema
{
    public static void Apply(JsonNode? schema)
    {
        if (schema is not JsonObject obj)
        {
            return;
        }

        var preserveUnknown = obj["x-kubernetes-preserve-unknown-fields"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        if (obj["properties"] is JsonObject properties)
        {
            if (!preserveUnknown && !obj.ContainsKey("additionalProperties"))
            {
                obj["additionalProperties"] = false;
            }

            foreach (var (_, child) in properties)
            {
                Apply(child);
            }
        }

        if (obj["additionalProperties"] is JsonObject additional)
        {
            Apply(additional);
        }

        Apply(obj["items"]);

        // allOf/anyOf/oneOf/not branches are left alone: in a structural schema they only add value checks
        // (required, enum, formats) over the same fields, and additionalProperties in a branch would refuse the fields
        // the other branches or the skeleton declare. $ref targets are made strict through definitions.

        if (obj["definitions"] is JsonObject definitions)
        {
            foreach (var (_, child) in definitions)
            {
                Apply(child);
            }
        }
    }
}
