using Pulumi;
using SecureServing.Infra;

// The Pulumi program: `pulumi up -s <stack>` checks the stack's configuration (refusing to deploy on any error, with
// the messages of `secure-serving check`), then deploys the GCP and Kubernetes layers.
return await Deployment.RunAsync(() =>
{
    var root = RepoRoot.Find();
    if (root is null)
    {
        Log.Error("No Pulumi.yaml found above the working directory or the program; run `pulumi up` in the SecureServing repository.");
        return new Dictionary<string, object?>();
    }

    return SecureServingStack.Create(root, Deployment.Instance.StackName);
});
