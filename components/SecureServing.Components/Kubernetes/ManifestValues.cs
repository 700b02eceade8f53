using System.Text.RegularExpressions;
using Pulumi;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Rendering;

namespace SecureServing.Components.Kubernetes;

/// <summary>
/// Fills the placeholders of one object's manifest with Pulumi values: a <see cref="SecretField"/>
/// (<see cref="RenderedValue.Secret"/>) with the secret from <see cref="KubernetesLayerInputs.Secrets"/>, kept secret;
/// an <see cref="OutputField"/> (<c>${resource.output}</c> inside a string) with the output from
/// <see cref="KubernetesLayerInputs.Outputs"/>. A placeholder the object does not declare, a declared field that is
/// missing, or a value with no input fails loudly: nothing reaches the cluster as a literal <c>${…}</c> or
/// <c>[secret]</c>.
/// </summary>
internal sealed partial class ManifestValues
{
    private readonly KubernetesObject _obj;
    private readonly IReadOnlyDictionary<ResourceRef, Output<string>> _outputValues;
    private readonly IReadOnlyDictionary<SecretRef, Output<string>> _secretValues;
    private readonly Dictionary<string, SecretField> _secrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OutputField>> _outputs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolved = new(StringComparer.Ordinal);

    public ManifestValues(KubernetesObject obj, IReadOnlyDictionary<ResourceRef, Output<string>> outputs, IReadOnlyDictionary<SecretRef, Output<string>> secrets)
    {
        _obj = obj;
        _outputValues = outputs;
        _secretValues = secrets;
        foreach (var secret in obj.Secrets)
        {
            _secrets.Add(PathKey(secret.Path), secret);
        }

        foreach (var output in obj.Outputs)
        {
            var key = PathKey(output.Path);
            if (!_outputs.TryGetValue(key, out var list))
            {
                _outputs[key] = list = [];
            }

            list.Add(output);
        }
    }

    /// <summary><c>Kind namespace/name</c>, for messages.</summary>
    public string Subject => Describe(_obj);

    public static string Describe(KubernetesObject obj) =>
        $"{obj.Kind} {(obj.Namespace is null ? "" : obj.Namespace + "/")}{obj.Name} ({obj.ApiVersion})";

    /// <summary>The value of the string at <paramref name="path"/>: plain, or an output when it holds a placeholder.</summary>
    public Input<string> String(IReadOnlyList<string> path, string value)
    {
        var resolved = Resolve(path, value);
        return resolved as Output<string> ?? (Input<string>)(string)resolved;
    }

    /// <summary>A plain <see cref="string"/>, or an <see cref="Output{T}"/> of string when the field holds a placeholder.</summary>
    public object Resolve(IReadOnlyList<string> path, string value)
    {
        var key = PathKey(path);
        if (_secrets.TryGetValue(key, out var secret))
        {
            if (value != RenderedValue.Secret)
            {
                throw Fail(path, $"is declared secret but does not hold the {RenderedValue.Secret} placeholder");
            }

            if (!_secretValues.TryGetValue(secret.Source, out var secretValue))
            {
                throw Fail(path, $"needs the Pulumi secret at config key '{secret.Source.ConfigKey}' path '{secret.Source.Path}', which KubernetesLayerInputs.Secrets does not provide");
            }

            _resolved.Add(key);
            return Output.CreateSecret(secretValue);
        }

        if (_outputs.TryGetValue(key, out var refs))
        {
            var result = Output.Create(value);
            foreach (var field in refs)
            {
                var placeholder = field.Ref.Rendered;
                if (!value.Contains(placeholder, StringComparison.Ordinal))
                {
                    throw Fail(path, $"is declared to hold {placeholder} but does not");
                }

                if (!_outputValues.TryGetValue(field.Ref, out var output))
                {
                    throw Fail(path, $"needs the output {placeholder}, which KubernetesLayerInputs.Outputs does not provide");
                }

                result = Output.Tuple(result, output).Apply(t => t.Item1.Replace(placeholder, t.Item2, StringComparison.Ordinal));
            }

            _resolved.Add(key);
            return result;
        }

        if (value.Contains(RenderedValue.Secret, StringComparison.Ordinal) || Placeholder().IsMatch(value))
        {
            throw Fail(path, $"holds the placeholder '{value}' but the object declares no secret or output for it");
        }

        return value;
    }

    /// <summary>Every declared secret and output field was found and filled.</summary>
    public void EnsureAllResolved()
    {
        foreach (var secret in _obj.Secrets.Where(s => !_resolved.Contains(PathKey(s.Path))))
        {
            throw new UnmappedManifestFieldException($"{Subject}: declared secret field '{secret.PathText}' is not in the registered manifest.");
        }

        foreach (var output in _obj.Outputs.Where(o => !_resolved.Contains(PathKey(o.Path))))
        {
            throw new UnmappedManifestFieldException($"{Subject}: declared output field '{output.PathText}' ({output.Ref.Rendered}) is not in the registered manifest.");
        }
    }

    public UnmappedManifestFieldException Fail(IReadOnlyList<string> path, string problem) =>
        new($"{Subject}: field '{string.Join('.', path)}' {problem}.");

    private static string PathKey(IEnumerable<string> path) => string.Join('\u001f', path);

    /// <summary><see cref="RenderedValue.Ref"/>'s shape: <c>${resource.output}</c>.</summary>
    [GeneratedRegex(@"\$\{[^{}\s]+\.[^{}\s]+\}")]
    private static partial Regex Placeholder();
}
