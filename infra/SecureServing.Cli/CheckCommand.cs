using System.CommandLine;

namespace SecureServing.Cli;

// Placeholder until its issue lands; replaced wholesale by the owner of this command.
internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Not implemented yet.");
        command.SetAction(_ => 1);
        return command;
    }
}
