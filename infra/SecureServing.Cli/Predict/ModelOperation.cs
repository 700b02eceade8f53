namespace SecureServing.Cli.Predict;

/// <summary>The KServe v1 protocol call being made.</summary>
internal enum ModelOperation
{
    /// <summary><c>POST /v1/models/&lt;model&gt;:predict</c>.</summary>
    Predict,

    /// <summary><c>GET /v1/models/&lt;model&gt;</c>: <c>{"name": ..., "ready": true}</c> when the model is loaded.</summary>
    Health,
}
