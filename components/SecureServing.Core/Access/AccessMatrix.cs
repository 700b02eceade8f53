namespace SecureServing.Core.Access;

/// <summary>A model in the matrix, as the cluster serves it.</summary>
public sealed record ModelInfo(string Namespace, string Name, bool ClusterLocal, bool ActivatorOnPath, bool Sidecar)
{
    /// <summary><c>namespace/name</c>.</summary>
    public string Key => $"{Namespace}/{Name}";
}

/// <summary>One caller against one model: on the predict path (<c>/v1/models/&lt;m&gt;:predict</c>) and on a probe path (<c>/healthz</c>).</summary>
public sealed record AccessCell(Caller Caller, AccessDecision Predict, AccessDecision Probe);

/// <summary>One row of the access matrix: a model and what each caller gets on it.</summary>
public sealed record ModelAccess(ModelInfo Model, IReadOnlyList<AccessCell> Cells)
{
    public AccessCell Cell(string callerId) => Cells.First(c => c.Caller.Id == callerId);
}

/// <summary>Who gets through to every model of the rendered plan, and why.</summary>
public sealed record AccessMatrix(IReadOnlyList<ModelAccess> Models, IReadOnlyList<Caller> Callers)
{
    public ModelAccess Model(string ns, string name) => Models.First(m => m.Model.Namespace == ns && m.Model.Name == name);
}
