using System.CommandLine;
using SecureServing.Cli;

// secure-serving: the offline CLI. check, render and access need no cloud credentials.
var root = new RootCommand("SecureServing: check and render a locked-down model-serving platform offline; call its models.")
{
    CheckCommand.Create(),
    RenderCommand.Create(),
    PredictCommand.Create(),
    HealthCommand.Create(),
    AccessCommand.Create(),
};
// A command line that does not parse exits 2 (usage error), like every other usage mistake.
return await CliCommon.InvokeAsync(root.Parse(args));
