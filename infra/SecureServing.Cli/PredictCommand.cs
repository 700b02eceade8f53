using System.CommandLine;

namespace SecureServing.Cli;

// Placeholder until its issue lands; replaced wholesale by the owner of this command.
internal static class PredictCommand
{
    public static Command Create()
    {
        var command = new Command("predict", "Not implemented yet.");
        command.SetAction(_ => 1);
        return command;
    }
}
