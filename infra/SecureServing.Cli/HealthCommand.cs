using System.CommandLine;

namespace SecureServing.Cli;

// Placeholder until its issue lands; replaced wholesale by the owner of this command.
internal static class HealthCommand
{
    public static Command Create()
    {
        var command = new Command("health", "Not implemented yet.");
        command.SetAction(_ => 1);
        return command;
    }
}
